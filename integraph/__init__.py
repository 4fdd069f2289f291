"""Integraph: documents in any EU language → a source-cited knowledge base."""
from __future__ import annotations

__version__ = "0.1.0"
