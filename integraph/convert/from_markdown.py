"""Markdown → blocks with markdown-it-py tokens: headings keep their level, list items are items.

Inline HTML tags are dropped (their text stays); a link keeps its text and,
when the text is not the address itself, the address in brackets, because
URLs are facts we extract.  A paragraph's soft line breaks go through the
same re-flow as plain text, so hard-wrapped Markdown becomes one paragraph
while one-entry-per-line blocks (tables of contents, addresses) stay apart.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from integraph.convert.decode import decode
from integraph.convert.reflow import WORDS, join_lines, wrap_width
from integraph.model import Block, Converted

TAG = re.compile(r"<[^>]{0,500}>")
HEADING_LINE = re.compile(r"^ {0,3}#{1,6}\s+\S", re.M)
_PARSER = MarkdownIt("commonmark").enable("table")


def looks_like_markdown(text: str) -> bool:
    """At least one ATX heading: plain text with '# Title' lines is Markdown in all but name."""
    return bool(HEADING_LINE.search(text[:200_000]))


def convert(data: bytes) -> Converted:
    return markdown_to_converted(decode(data))


def markdown_to_converted(text: str) -> Converted:
    tokens = _PARSER.parse(text)
    width = wrap_width(text.split("\n"))
    vocab = {w.lower() for w in WORDS.findall(text)}
    blocks: list[Block] = []
    list_depth = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "heading_open":
            blocks.append(Block("heading", _inline(tokens[i + 1]).replace("\n", " "), int(tok.tag[1])))
            i += 2
        elif tok.type == "tr_open":
            # one row, one block "cell | cell", as the HTML, DOCX and ODT converters write it,
            # so that a two-column table of fields reads as "Label | value"
            cells = []
            while i < len(tokens) and tokens[i].type != "tr_close":
                if tokens[i].type == "inline":
                    cells.append(" ".join(_inline(tokens[i]).split()))
                i += 1
            if any(cells):
                blocks.append(Block("paragraph", " | ".join(c for c in cells if c)))
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            kind = "item" if list_depth else "paragraph"
            lines = _inline(tok).split("\n")
            for para, _ in join_lines(lines, width, vocab):
                blocks.append(Block(kind, para))
                kind = "paragraph" if kind == "item" else kind
        elif tok.type in ("html_block", "code_block", "fence"):
            body = TAG.sub(" ", tok.content) if tok.type == "html_block" else tok.content
            blocks.extend(Block("paragraph", p) for p in re.split(r"\n\s*\n", body) if p.strip())
        i += 1
    return Converted(blocks=blocks, media_type="text/markdown")


def _inline(tok: Token) -> str:
    out: list[str] = []
    href: str | None = None
    link_text: list[str] = []
    for child in tok.children or []:
        t = child.type
        if t == "link_open":
            href, link_text = str(child.attrs.get("href") or ""), []
            continue
        if t == "link_close":
            label = "".join(link_text)
            out.append(label)
            bare = href.split("://", 1)[-1].removeprefix("www.").rstrip("/") if href else ""
            if href and href.startswith(("http://", "https://")) and bare not in label:
                out.append(f" ({href})")
            href = None
            continue
        if t in ("text", "code_inline"):
            piece = child.content
        elif t == "softbreak":
            piece = "\n"
        elif t == "hardbreak":
            piece = "\n"
        elif t == "image":
            piece = ""  # alt texts are mostly logos
        else:
            continue  # html_inline, emphasis markers
        (link_text if href is not None else out).append(piece)
    return "".join(out).strip()
