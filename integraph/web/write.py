"""Write actions of the JSON API, each behind the write token (`auth.require_write`).

    POST /api/ingest   multipart upload of one or more files → the ingest summary
    POST /api/merge    {"a": …, "b": …, "note": …}  → the merged group
    POST /api/split    {"a": …, "b": …, "note": …}  → the two groups

Uploads are streamed to a private temp dir under sanitised names (never the
client's path), size-checked with the converters' limit while they arrive,
handed to `integraph.pipeline.ingest` and deleted afterwards.  Merges and
splits are stored as user judgements exactly as `integraph merge/split` do.
One write runs at a time per process; SQLite serialises processes.
"""
from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from integraph.store import Store
from integraph.web.auth import require_write

router = APIRouter(prefix="/api", tags=["write (needs the write token)"], dependencies=[Depends(require_write)])
MAX_UPLOAD_FILES = 50
REQUEST_FILES_FACTOR = 4  # a request may carry this many maximum-size files' worth of bytes
CHUNK = 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\- ]+")


class Pair(BaseModel):
    a: str = Field(..., min_length=1, description="an entity: local id, canonical id or name")
    b: str = Field(..., min_length=1, description="the other entity")
    note: str = Field("", description="why (kept with the judgement)")
    author: str = Field("api", description="who decides")


def safe_name(filename: str | None, taken: set[str]) -> str:
    """The last path component of `filename`, reduced to harmless characters and unique within `taken`.

    A client's filename is only a hint for the format (its extension); it
    never chooses where the bytes go, so `../../x.pdf` becomes `x.pdf`.
    """
    base = unicodedata.normalize("NFC", (filename or "").replace("\\", "/")).rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120] or "upload"
    stem, dot, ext = base.rpartition(".")
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}.{ext}" if dot and stem else f"{base}-{n}"
    taken.add(name.casefold())
    return name


async def _limited(request: Request, limit: int) -> AsyncIterator[bytes]:
    """The request body, refused with 413 as soon as it passes `limit` bytes."""
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit:
            raise HTTPException(413, f"the upload is over {limit / 1e6:.0f} MB in total")
        yield chunk


async def _save(upload: UploadFile, path: Path, limit: int) -> int:
    size = 0
    with path.open("xb") as out:  # "x": never overwrite, never follow an existing link
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"{upload.filename or 'a file'} is over the {limit / 1e6:.0f} MB limit per file")
            out.write(chunk)
    return size


@router.post("/ingest", summary="Upload documents and ingest them (write token)")
async def api_ingest(request: Request, resolve: bool = Query(True, description="resolve entities afterwards, "
                                                                         "like `integraph ingest`")) -> dict[str, Any]:
    """multipart/form-data with one or more file fields (any field name).

    Example: `curl -H "Authorization: Bearer $TOKEN" -F file=@report.pdf http://127.0.0.1:8000/api/ingest`
    """
    portal = request.app.state.portal
    per_file = request.app.state.max_upload_bytes
    total = per_file * REQUEST_FILES_FACTOR + CHUNK  # room for the multipart framing
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise HTTPException(415, "send the files as multipart/form-data")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > total:
        raise HTTPException(413, f"the upload is over {total / 1e6:.0f} MB in total")
    try:
        form = await MultiPartParser(request.headers, _limited(request, total), max_files=MAX_UPLOAD_FILES,
                                     max_fields=20).parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"unreadable multipart body: {exc.message}") from None
    uploads = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
    try:
        if not uploads:
            raise HTTPException(400, "no file in the upload: send one or more file fields")
        with tempfile.TemporaryDirectory(prefix="integraph-upload-", dir=request.app.state.upload_dir) as tmp:
            folder = Path(tmp).resolve()
            from integraph.pipeline import Input

            inputs, taken = [], set()
            for upload in uploads:
                name = safe_name(upload.filename, taken)
                path = (folder / name).resolve()
                if path.parent != folder:  # belt and braces: safe_name already forbids this
                    raise HTTPException(400, f"refused file name {upload.filename!r}")
                size = await _save(upload, path, per_file)
                inputs.append(Input(f"upload:{name}", path.read_bytes, size=size))
            report = await run_in_threadpool(_ingest, portal, inputs, resolve)
    finally:
        await form.close()
    return {"ok": True, **report}


def _ingest(portal: Any, inputs: list[Any], resolve: bool) -> dict[str, Any]:
    from integraph.pipeline import ingest

    with portal.write_lock, Store(portal.db) as store:
        report = ingest(inputs, store).as_dict()
        if resolve and report["new"]:
            from integraph.resolve import resolve as resolve_entities

            report["resolution"] = resolve_entities(store)
    portal.changed()
    portal.searchable()  # refresh the cache and search index now, not on the next reader's time
    return report


def _curate(portal: Any, action: str, pair: Pair) -> dict[str, Any]:
    from integraph.resolve.curate import explain, merge, split

    with portal.write_lock, Store(portal.db) as store:
        if action == "merge":
            merge(store, pair.a, pair.b, author=pair.author, note=pair.note)
            group = explain(store, pair.a)
            out = {"merged": [pair.a, pair.b], "canonical": group["canonical"], "members": len(group["members"])}
        else:
            split(store, pair.a, pair.b, author=pair.author, note=pair.note)
            out = {"split": [pair.a, pair.b],
                   "canonical": [explain(store, pair.a)["canonical"], explain(store, pair.b)["canonical"]]}
    portal.changed()
    portal.searchable()
    return {"ok": True, **out}


@router.post("/merge", summary="Declare two entities the same (write token)")
async def api_merge(request: Request, pair: Pair) -> dict[str, Any]:
    """Stored as a user judgement, as `integraph merge A B` does; survives re-ingestion and re-resolution."""
    return await run_in_threadpool(_curate, request.app.state.portal, "merge", pair)


@router.post("/split", summary="Declare two entities different (write token)")
async def api_split(request: Request, pair: Pair) -> dict[str, Any]:
    """Stored as a user judgement, as `integraph split A B` does."""
    return await run_in_threadpool(_curate, request.app.state.portal, "split", pair)
