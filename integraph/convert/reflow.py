"""Plain lines → blocks: re-flow hard-wrapped text and find headings and list items.

Text that comes out of a PDF (ours via pypdfium2, or pdftotext-style files
that arrive already converted) is cut into lines at the page width, with
bullets as stray glyphs and headings that are only recognisable by being
short and capitalised.  Text copied from web pages is the opposite: one line
per paragraph.  `text_to_blocks` handles both:

1. The document is *wrapped* when most lines end near a common width
   (40–130 characters).  Unwrapped text keeps one block per line.
2. Two neighbouring lines belong to one paragraph when the next one starts in
   lower case after a line without final punctuation, or (wrapped text only)
   when the line is over 60 % of the width (90 % if it ends a sentence and
   the next line starts a new one) or ends in a short function word ("за",
   "of", "i"): such a line was broken by the layout, not the author.
   A bullet, a number ("2. "), a `Key: value` line or a bare URL always
   starts a new block.
3. A word split by a line-end hyphen is re-joined without the hyphen only
   when the continuation starts in lower case and the hyphen is not part of a
   real compound: the hyphenated spelling does not occur elsewhere in the
   document and the first part is longer than three letters ("e-government",
   "по-добра", "non-EU" keep theirs).  Soft hyphens always disappear.
4. A short block that starts with a capital (after optional numbering), has no
   final punctuation, is no `Key: value` line and is followed by more text is
   a heading.  Three or more such blocks in a row are a list, not headings.
"""
from __future__ import annotations

import re

from integraph.model import Block

BULLET = re.compile(
    r"^\s*(?:[\u2022\u2023\u2043\u2219\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25c6\u27a2\u2713\u2714"
    r"\u00b7*\ue000-\uf8ff]|[-\u2013\u2014](?=\s))\s*"
)
NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[IVX]{1,4}\.|[a-zа-я]\))\s+")
URL_ONLY = re.compile(r"^\s*(?:(?:https?://|www\.)\S+\s*)+$", re.I)
KEY_VALUE = re.compile(r"^\s*[^\W\d_][\w.()/-]*(?: [\w.()/-]+){0,3} ?: +\S")
TERMINAL = (".", "!", "?", ":", ";")
HYPHEN_END = re.compile(r"(\w+)[-\u00ad]$")
LEADING_WORD = re.compile(r"^\w+")
WORDS = re.compile(r"\w+(?:-\w+)*")

SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
MAX_HEADING_CHARS = 150
MAX_HEADING_WORDS = 20


def text_to_blocks(text: str) -> list[Block]:
    """Blocks of a plain text: paragraphs re-flowed, items and headings recognised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    lines = [SPACES.sub(" ", line) for line in text.split("\n")]
    width = wrap_width(lines)
    vocab = {w.lower() for w in WORDS.findall(text)}
    paragraphs: list[tuple[str, bool]] = []  # (text, started with a bullet)
    group: list[str] = []
    for line in lines + [""]:
        if line.strip():
            group.append(line)
            continue
        if group:
            paragraphs.extend(join_lines(group, width, vocab))
            group = []
    return classify(paragraphs)


def wrap_width(lines: list[str]) -> int:
    """The page width of hard-wrapped text (90th percentile line length), or 0 if not wrapped."""
    lengths = sorted(len(l.strip()) for l in lines if l.strip())
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = sum(1 for n in lengths if n >= 0.6 * width)
    if 40 <= width <= 130 and lengths[-1] <= 1.5 * width and full >= 0.4 * len(lengths):
        return width
    return 0


def join_lines(lines: list[str], width: int, vocab: set[str]) -> list[tuple[str, bool]]:
    """Group consecutive lines into paragraphs; returns (text, bulleted) pairs."""
    out: list[tuple[str, bool]] = []
    current = previous = ""  # the paragraph so far, and its last physical line
    bulleted = False
    for raw in lines:
        line = raw.strip()
        bullet = BULLET.match(line)
        if bullet and not URL_ONLY.match(line):
            line = line[bullet.end():].strip()
            if not line:  # a bullet glyph alone on its line: the item follows
                if current:
                    out.append((current, bulleted))
                current, bulleted = "", True
                continue
        if current and not bullet and continues(previous, line, width):
            current, previous = _join(current, line, vocab), line
            continue
        if current:
            out.append((current, bulleted))
        current, previous, bulleted = line, line, bool(bullet) or (bulleted and not current)
    if current:
        out.append((current, bulleted))
    return out


# "10.45–11.30 Lunch", "9:00 – 9:30 Registration": a programme's time slot opens a line of its own
TIME_SLOT = re.compile(r"^\d{1,2}[.:]\d{2}\s?[-–—]\s?\d{1,2}[.:]\d{2}\s+\S")


def continues(prev: str, nxt: str, width: int) -> bool:
    """Whether line `nxt` continues the paragraph whose last physical line is `prev`."""
    if NUMBERED.match(nxt) or URL_ONLY.match(nxt) or URL_ONLY.match(prev) or KEY_VALUE.match(nxt) \
            or TIME_SLOT.match(nxt):
        return False
    last = prev.rstrip()
    if last.endswith(":"):
        return False
    if HYPHEN_END.search(last) and nxt[:1].isalpha():  # a word broken at a hyphen goes on
        return True
    if nxt[:1].islower() and not last.endswith((".", "!", "?")):
        return True
    if KEY_VALUE.match(last) and nxt[:1].isupper() and not last.endswith((",", "-", "–")):
        return False  # "Board: Jane Doe" is a line of its own, even when it fills the width
    if not width:
        return False
    last_line = last
    if last.endswith((".", "!", "?")) and nxt[:1].isupper():
        # a sentence ends at the line end and a new one starts: a new paragraph unless the line was
        # full; a short line without closing punctuation after it is a heading, even after a full line
        if len(nxt) < 0.6 * width and not nxt.rstrip().endswith(TERMINAL + (",",)) and len(nxt.split()) <= 8:
            return False
        return len(last_line) >= 0.9 * width
    if len(last_line) >= 0.6 * width:
        return True
    if len(last_line) + 1 + len(nxt.split(" ", 1)[0]) > width:
        return True  # the next line's first word did not fit on this one: a wrap, however short the line
    tail = last_line.rsplit(" ", 1)[-1]
    return len(tail) <= 3 and tail.isalpha() and tail.islower()


def _join(prev: str, nxt: str, vocab: set[str]) -> str:
    prev = prev.rstrip()
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    m = HYPHEN_END.search(prev)
    if m and prev.endswith("-"):
        left = m.group(1)
        right = LEADING_WORD.match(nxt)
        if right and nxt[:1].islower():
            joined, hyphenated = (left + right.group()).lower(), f"{left}-{right.group()}".lower()
            if joined in vocab or not (hyphenated in vocab or len(left) <= 3 or not left.isalpha()):
                return prev[:-1] + nxt
        return prev + nxt  # a real compound split at its hyphen: "Kluż-Napoka", "e-government"
    return f"{prev} {nxt}"


def heading_level(text: str) -> int:
    """2 for an unnumbered heading, 3 for "1.", 4 for "1.2"…; 0 when `text` is no heading."""
    t = text.strip()
    if len(t) > MAX_HEADING_CHARS or len(t.split()) > MAX_HEADING_WORDS or "://" in t or "www." in t:
        return 0
    if KEY_VALUE.match(t) or t[-1] in ".,;:!" or "\n" in t:
        return 0
    m = NUMBERED.match(t)
    body = t[m.end():] if m else t
    first = next((c for c in body if c.isalnum()), "")
    if not first.isupper():
        return 0
    if sum(c.isalpha() for c in body) < 0.5 * len(body.replace(" ", "")):
        return 0
    if m is None:
        return 2
    number = m.group().strip().rstrip(".)")
    return 3 + number.count(".") if number[:1].isdigit() else 2


def classify(paragraphs: list[tuple[str, bool]]) -> list[Block]:
    """Paragraph texts → heading / item / paragraph blocks."""
    paragraphs = _merge_split_title(paragraphs)
    levels = [heading_level(t) if not bulleted else 0 for t, bulleted in paragraphs]
    levels[-1:] = [0] * len(levels[-1:])  # a heading needs something to head
    _demote_runs(levels)
    blocks: list[Block] = []
    seen_body = False
    for i, ((text, bulleted), level) in enumerate(zip(paragraphs, levels)):
        if level:
            # the first heading before any real paragraph is the document title
            if not seen_body and not any(b.kind == "heading" for b in blocks) and i <= 2:
                level = 1
            blocks.append(Block("heading", text, level))
            continue
        prev = blocks[-1] if blocks else None
        lead_in = prev is not None and prev.kind != "heading" and prev.text.endswith(":")
        in_list = prev is not None and prev.kind == "item" and prev.text.endswith((";", ","))
        if bulleted or NUMBERED.match(text) or (text[:1].islower() and (lead_in or in_list)):
            blocks.append(Block("item", text))
        else:
            blocks.append(Block("paragraph", text))
        seen_body = seen_body or len(text) > 150
    return blocks


def _merge_split_title(paragraphs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A title set in a large font wraps early: two title lines opening the text, the first ending mid-phrase
    (in a lower-case word), are one."""
    if len(paragraphs) >= 3:
        (a, bullet_a), (b, bullet_b) = paragraphs[0], paragraphs[1]
        if (a[-1:].islower() and heading_level(a) == 2 and heading_level(b) == 2 and not bullet_a and not bullet_b
                and not NUMBERED.match(b) and heading_level(f"{a} {b}")):
            return [(f"{a} {b}", False)] + paragraphs[2:]
    return paragraphs


def _demote_runs(levels: list[int]) -> None:
    """Three or more unnumbered heading candidates in a row are a list of names, not headings."""
    i = 0
    while i < len(levels):
        j = i
        while j < len(levels) and levels[j] == 2:
            j += 1
        if j - i >= 3:
            levels[i:j] = [0] * (j - i)
        i = max(j, i + 1)
