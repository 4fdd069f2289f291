"""Many distinct documents made from the example corpus, for load tests and benchmarks.

Each generated file is a variant of an example file in its own format: text
formats get their paragraphs reordered and some dropped (so both bytes and
extracted facts vary), PDFs get a trailing comment, DOCX/ODT a new zip
comment (same text, new bytes).  Deterministic for a given seed.
"""
from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"
TEXT_SUFFIXES = {".txt", ".md"}


def make_corpus(out: Path, n: int, seed: int = 0, suffixes: set[str] | None = None,
                max_bytes: int | None = None) -> list[Path]:
    """Write `n` distinct documents into `out` (created) and return their paths, in order.

    `max_bytes` keeps text-format variants short (whole paragraphs up to about that size): small
    documents make fast tests of many documents.
    """
    rng = random.Random(seed)
    sources = sorted(p for p in EXAMPLES.iterdir() if suffixes is None or p.suffix in suffixes)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        data = _variant(src.read_bytes(), src.suffix, i, rng, max_bytes)
        path = out / f"{i:06d}-{src.name}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _variant(data: bytes, suffix: str, i: int, rng: random.Random, max_bytes: int | None = None) -> bytes:
    if suffix in TEXT_SUFFIXES and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Work on bytes: some examples are in legacy 8-bit encodings, which this keeps intact.
        newline = b"\r\n" if b"\r\n" in data else b"\n"
        blocks = data.split(newline * 2)
        head, body = blocks[:2], blocks[2:]
        rng.shuffle(body)
        keep = body[: max(1, len(body) - rng.randint(0, len(body) // 3))]
        while max_bytes and len(keep) > 1 and sum(map(len, head + keep)) > max_bytes:
            keep.pop()
        return newline.join([newline.join(head + keep), f"{i}".encode(), b""])
    if suffix in {".html", ".htm"}:
        return data.replace(b"</body>", f"<!-- variant {i} --></body>".encode(), 1) + f"<!-- {i} -->".encode()
    if suffix == ".pdf":
        return data + f"\n%variant {i}\n".encode()
    if suffix in {".docx", ".odt"}:
        return _rezip(data, f"variant {i}".encode())
    return data + f"\n{i}\n".encode()


def _rezip(data: bytes, comment: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():  # ODT wants `mimetype` first and stored: infolist keeps both
            dst.writestr(info, src.read(info.filename))
        dst.comment = comment
    return out.getvalue()


if __name__ == "__main__":
    import sys

    target, count = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100
    print(len(make_corpus(target, count)), "documents in", target)
