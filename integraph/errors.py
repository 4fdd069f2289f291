"""The one exception tree of Integraph.

    IntegraphError                 root: catch this to catch everything we raise
    ├── ConversionError            a file could not be turned into a document
    │   ├── UnsupportedFormat      we have no converter for its media type
    │   ├── EmptyDocument          it converted to no readable text
    │   ├── EncryptedDocument      it is password protected
    │   ├── CorruptDocument        it is truncated, malformed or not what its name says
    │   └── LimitExceeded          too large, or would expand beyond our limits (zip bomb)
    ├── FetchError                 a URL could not be fetched
    ├── StoreError                 the database refused or is unusable
    └── UsageError                 the caller asked for something impossible

Every error carries a one-line `reason` fit for a summary table; the CLI turns
them into messages in exactly one place (`integraph.cli.main`).
"""
from __future__ import annotations


class IntegraphError(Exception):
    """Root of every error Integraph raises on purpose."""

    kind = "error"

    @property
    def reason(self) -> str:
        return f"{self.kind}: {self}" if str(self) else self.kind


class ConversionError(IntegraphError):
    kind = "conversion"


class UnsupportedFormat(ConversionError):
    kind = "unsupported"


class EmptyDocument(ConversionError):
    kind = "empty"


class EncryptedDocument(ConversionError):
    kind = "encrypted"


class CorruptDocument(ConversionError):
    kind = "corrupt"


class LimitExceeded(ConversionError):
    kind = "too-large"


class FetchError(IntegraphError):
    kind = "fetch"


class StoreError(IntegraphError):
    kind = "store"


class UsageError(IntegraphError):
    kind = "usage"
