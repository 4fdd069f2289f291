"""Clean-up a careful reader would do, on blocks, before the text is assembled.

Working on blocks (not on the assembled text) keeps every offset honest: the
text the spans point into is built only once, from what survives here.

* a line of several labelled fields joined by middle dots is split into one line per field;
* characters: PDF artefacts (U+FFFE line-end hyphen, soft hyphens, private-use
  bullet glyphs, zero-width marks), leftover HTML entities, runs of spaces;
* page furniture: lines repeated at the top or bottom of several pages
  (`drop_page_furniture`, used by converters that know the pages), and
  URL-only blocks whose URLs the body already gives (PDF link lists);
* a table of contents whose entries repeat the headings;
* paragraphs cut in two by something we dropped are joined again;
* site boilerplate (`boilerplate.remove_boilerplate`).
"""
from __future__ import annotations

import html
import re
from collections import Counter

from integraph.convert.boilerplate import remove_boilerplate
from integraph.convert.reflow import NUMBERED, SPACES, URL_ONLY
from integraph.model import Block
from integraph.textutil import normalise

PRIVATE_USE = re.compile("[\ue000-\uf8ff\ufffc\ufffd]")
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'»«“”]+", re.I)
TOC_ENTRY = re.compile(r"^(?P<title>.+?)\s*(?:\.{3,}|…{2,}|(?:\. ){3,})\s*\d{1,4}\s*$")
MAX_FURNITURE_CHARS = 120  # running headers and footers are short lines
TERMINAL = (".", "!", "?", ":", ";", "»", "\"")


def clean_chars(text: str) -> str:
    """Character-level clean-up of one block's text."""
    text = text.replace("\ufffe", "-")
    if ENTITY.search(text):
        text = html.unescape(text)
    text = INVISIBLE.sub("", text)
    text = PRIVATE_USE.sub(" ", text)
    text = CONTROL.sub(" ", text)
    lines = (split_field_run(SPACES.sub(" ", line).strip()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


FIELD_SEPARATOR = re.compile(r"\s+[·•]\s+")
FIELD = re.compile(r"[^\W\d][^:·•]{0,40}?:\s*\S")


def split_field_run(line: str) -> str:
    """'Period: 03/2024 – 02/2026 · Amount: 198 750 EUR · Status: completed' → one field per line.

    Cards and fact boxes run several labelled fields into one line with a middle dot or bullet;
    a reader sees separate fields, and each field's value ends where the next label starts.
    Only when every part starts with a short label (at most four words and a colon)."""
    if "·" not in line and "•" not in line:
        return line
    parts = FIELD_SEPARATOR.split(line)
    if len(parts) < 2 or not all(FIELD.match(p) and len(p.split(":", 1)[0].split()) <= 4 for p in parts):
        return line
    return "\n".join(parts)


def drop_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove header/footer lines: the first or last two lines of a page that recur on others.

    Digits are masked so that "Page 3 of 9" and "Page 4 of 9" count as the
    same line.  A line must recur on at least three pages, or on every page
    of a two-page document.
    """
    if len(pages) < 2:
        return pages

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", normalise(line)) if len(line) <= MAX_FURNITURE_CHARS else ""

    counts: Counter[str] = Counter()
    for page in pages:
        edge = [l for l in page if l.strip()]
        counts.update({key(l) for l in edge[:2] + edge[-2:] if key(l)})
    need = 2 if len(pages) == 2 else 3
    repeated = {k for k, n in counts.items() if n >= need}
    out = []
    for page in pages:
        edge_idx = [i for i, l in enumerate(page) if l.strip()]
        edges = set(edge_idx[:2] + edge_idx[-2:])
        out.append([l for i, l in enumerate(page) if not (i in edges and key(l) in repeated)])
    return out


def _urls(text: str) -> set[str]:
    return {u.rstrip(".,;:)]}").lower().removeprefix("http://").removeprefix("https://").removeprefix("www.").rstrip("/")
            for u in URL.findall(text)}


def drop_duplicate_link_lists(blocks: list[Block]) -> list[Block | None]:
    """URL-only blocks whose every URL also appears in the body are page-end link lists."""
    body: set[str] = set()
    for b in blocks:
        if not URL_ONLY.match(b.text):
            body |= _urls(b.text)
    return [None if URL_ONLY.match(b.text) and _urls(b.text) <= body else b for b in blocks]


def drop_duplicate_toc(blocks: list[Block | None]) -> list[Block | None]:
    """Table-of-contents lines ("Title ..... 3"): dropped when a heading repeats them, else unleadered."""
    headings = {normalise(NUMBERED.sub("", b.text)) for b in blocks if b is not None and b.kind == "heading"}
    out: list[Block | None] = []
    for b in blocks:
        m = TOC_ENTRY.match(b.text) if b is not None and b.kind != "heading" and "\n" not in b.text else None
        if m is None:
            out.append(b)
            continue
        title = normalise(NUMBERED.sub("", m.group("title")))
        out.append(None if title in headings else Block(b.kind, m.group("title").strip(), b.level))
    # a heading left with nothing under it but dropped TOC lines goes too ("Contents")
    for i, b in enumerate(out):
        if b is None or b.kind != "heading" or i + 1 >= len(blocks) or blocks[i + 1] is None or out[i + 1] is not None:
            continue
        j = i + 1
        while j < len(out) and out[j] is None:
            j += 1
        if j == len(out) or out[j].kind == "heading":
            out[i] = None
    return out


def merge_split_paragraphs(blocks: list[Block | None]) -> list[Block]:
    """Join a paragraph to one that continues it in lower case across a dropped page-end block."""
    out: list[Block] = []
    gap = False
    for b in blocks:
        if b is None:
            gap = True
            continue
        prev = out[-1] if out else None
        if (gap and prev is not None and prev.kind == b.kind == "paragraph" and b.text[:1].islower()
                and not prev.text.rstrip().endswith(TERMINAL)):
            out[-1] = Block("paragraph", f"{prev.text.rstrip()} {b.text}")
        else:
            out.append(b)
        gap = False
    return out


def clean_blocks(blocks: list[Block], boilerplate: bool = True) -> list[Block]:
    """Every clean-up step in order; returns only non-empty blocks."""
    cleaned = []
    for b in blocks:
        text = clean_chars(b.text)
        if any(c.isalnum() for c in text):
            cleaned.append(Block(b.kind, text, b.level if b.kind == "heading" else 0))
    kept = merge_split_paragraphs(drop_duplicate_toc(drop_duplicate_link_lists(cleaned)))
    return remove_boilerplate(kept) if boilerplate else kept
