"""Where documents come from: files and folders on disk (`files`), URLs (`urls`)."""
from integraph.sources.files import iter_files
from integraph.sources.urls import fetch, read_url_list

__all__ = ["fetch", "iter_files", "read_url_list"]
