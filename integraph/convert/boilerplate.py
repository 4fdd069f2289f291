"""Site boilerplate in text that arrives already converted: drop what a careful reader skips.

Donation and tax-share appeals, bank account lines, newsletter sign-ups,
cookie notes, share buttons, logo alt-texts and copyright lines sit in the
head or the tail of a page, around the content.  Two kinds of evidence:

* cue phrases from a multilingual lexicon (`integraph/data/boilerplate.json`),
  matched at word starts on case- and accent-folded text;
* structure: the *tail* is what follows the last substantial content block
  (≥ 150 characters, no cue), the *head* what precedes the first one.

Rules, from safest to boldest:

1. Anywhere: a short block that is only a UI label ("Share:", "Download"),
   a logo alt-text ("logo-foo"), a bank account or IBAN line, a copyright or
   cookie line.
2. Head and tail: a short block with a strong cue (donate, bank, sign-up);
   in the tail, weak cues (registry number, volunteers, social networks) too.
3. A lead-in that ends with ":" right before a dropped block goes with it.
4. Of a dropped block of several lines, a short dated line without a cue stays ("Updated: 15 April
   2025" under a contact line): the date a document speaks from.

It is conservative by design: long blocks are never dropped, and a block
without evidence stays even in the tail ("Coordinator: …").
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from integraph.model import Block

MAX_BOILERPLATE_CHARS = 300  # cookie notes run long; nothing longer is furniture
MAX_CUE_CHARS = 160  # a block judged by its cue words alone is short: appeals are one-liners
CONTENT_CHARS = 150
LABEL_MAX_WORDS = 5
LEXICON = Path(__file__).resolve().parent.parent / "data" / "boilerplate.json"

LOGO = re.compile(r"^(?:logo|logotyp|logotipo|лого)[\w-]*(?:[-_ ][\w-]+)?$", re.I)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b")
DIGIT_LINE = re.compile(r"^[\d\s/-]+$")
DATED = re.compile(r"^.{0,60}(?<!\d)(?:19|20)\d\d(?!\d).{0,20}$")  # a short line with a year: a date stamp
COPYRIGHT = re.compile(r"^\W{0,3}(?:©|\(c\)\s|copyright\b)", re.I)


def fold(text: str) -> str:
    """Lower-case without accents, punctuation kept: the form cues are matched in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, re.Pattern[str]]:
    """One compiled pattern per cue class: 'strong', 'weak', 'labels'."""
    data = json.loads(LEXICON.read_text("utf-8"))
    strong = [p for phrases in data["strong"].values() for p in phrases]

    def alternation(phrases: list[str]) -> str:
        return "|".join(re.escape(fold(p)) for p in sorted(set(phrases), key=len, reverse=True))

    return {
        "strong": re.compile(rf"(?<!\w)(?:{alternation(strong)})"),
        "weak": re.compile(rf"(?<!\w)(?:{alternation(data['weak'])})"),
        "labels": re.compile(rf"^\W*(?:{alternation(data['labels'])})(?!\w)"),
        "rights": re.compile(rf"(?<!\w)(?:{alternation(data['strong']['rights'] + data['strong']['cookies'])})"),
    }


def is_furniture(text: str) -> bool:
    """Rule 1: blocks that are boilerplate wherever they stand."""
    t = text.strip()
    if len(t) > MAX_BOILERPLATE_CHARS:
        return False
    folded = fold(t)
    if len(t.split()) <= LABEL_MAX_WORDS and lexicon()["labels"].match(folded):
        return True
    if LOGO.match(t) or COPYRIGHT.match(t) or lexicon()["rights"].search(folded):
        return True
    digits = sum(c.isdigit() for c in t)
    if DIGIT_LINE.match(t) and digits >= 16:  # a bank account number on its own line
        return True
    # a bank account alone, or a short appeal for gifts that gives one ("Elke gift is welkom op BE68 …")
    return bool(IBAN.search(t)) and (len(t) < 80 or cue_strength(t) == 2)


def cue_strength(text: str) -> int:
    """2 for a strong cue, 1 for a weak one, 0 for none."""
    folded = fold(text)
    if lexicon()["strong"].search(folded):
        return 2
    return 1 if lexicon()["weak"].search(folded) else 0


def remove_boilerplate(blocks: list[Block]) -> list[Block]:
    """The blocks a careful reader keeps, in order."""
    if not blocks:
        return blocks
    strength = [cue_strength(b.text) for b in blocks]
    content = [i for i, b in enumerate(blocks) if len(b.text) >= CONTENT_CHARS and strength[i] < 2]
    first, last = (content[0], content[-1]) if content else (len(blocks), -1)
    drop = [False] * len(blocks)
    for i, b in enumerate(blocks):
        short = len(b.text) <= MAX_CUE_CHARS
        if is_furniture(b.text):
            drop[i] = True
        elif short and i > last and strength[i] >= 1:
            drop[i] = True
        elif short and i < first and strength[i] == 2:
            drop[i] = True
    # rule 3, walked backwards so that chains of lead-ins go together
    for i in range(len(blocks) - 2, -1, -1):
        text = blocks[i].text.rstrip()
        if not drop[i] and drop[i + 1] and text.endswith(":") and len(text) <= 120 and (i > last or i < first):
            drop[i] = True
    out = []
    for b, d in zip(blocks, drop):
        if not d:
            out.append(b)
        elif "\n" in b.text and not is_furniture(b.text):
            # a footer's lines judged one by one: "Kontakt: …, info@…" goes, "Aktualizované: 15. 4. 2025" stays
            kept = [line for line in b.text.split("\n") if cue_strength(line) == 0 and not is_furniture(line)
                    and DATED.search(line)]
            if kept:
                out.append(Block(b.kind, "\n".join(kept), b.level))
    return out
