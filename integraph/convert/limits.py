"""Size limits, checked before any parser sees the bytes.

A parser that is handed a zip bomb or a 200 MB "text" file has already lost:
the checks here only look at lengths and at a zip's directory, never at the
decompressed content.
"""
from __future__ import annotations

import io
import zipfile

from integraph.errors import CorruptDocument, LimitExceeded

MAX_BYTES = 50 * 1024 * 1024  # largest file we read; the pipeline checks file size before reading
MAX_UNZIPPED = 200 * 1024 * 1024  # total uncompressed size of a DOCX/ODT
MAX_RATIO = 100  # uncompressed / compressed, per member and overall (real DOCX stay under ~20)
MAX_MEMBERS = 5_000
MAX_PDF_PAGES = 2_000
MAX_PDF_SECONDS = 120.0


def check_size(data: bytes, limit: int = MAX_BYTES) -> None:
    if len(data) > limit:
        raise LimitExceeded(f"file is {len(data) / 1e6:.1f} MB, the limit is {limit / 1e6:.0f} MB")


def check_zip(data: bytes) -> zipfile.ZipFile:
    """Open `data` as a zip after checking its directory for bombs; the caller parses it."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as e:
        raise CorruptDocument(f"not a readable zip container ({e})") from None
    if len(infos) > MAX_MEMBERS:
        raise LimitExceeded(f"zip has {len(infos)} members, the limit is {MAX_MEMBERS}")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > MAX_UNZIPPED:
        raise LimitExceeded(f"zip expands to {total / 1e6:.0f} MB, the limit is {MAX_UNZIPPED / 1e6:.0f} MB")
    for i in infos:
        # small members compress well by nature; only judge ratios once they matter
        if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise LimitExceeded(f"zip member {i.filename!r} expands {i.file_size // max(i.compress_size, 1)}x")
    if total > 10_000_000 and total > MAX_RATIO * max(packed, 1):
        raise LimitExceeded(f"zip expands {total // max(packed, 1)}x overall")
    return zf
