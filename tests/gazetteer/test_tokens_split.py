"""tokens._split (one re.split, offsets from part lengths) gives the tokens a plain loop over TOKEN gives."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.gazetteer import tokens
from integraph.gazetteer.tokens import ELISION, TOKEN, Tok, token_key

ROOT = Path(__file__).resolve().parents[2]


def _loop(text: str) -> list[Tok]:
    out = []
    for m in TOKEN.finditer(text):
        raw, start = m.group(), m.start()
        e = ELISION.match(raw)
        if e:
            out.append(Tok(start, start + len(e.group(1)), e.group(1), token_key(e.group(1))))
            raw, start = raw[e.end():], start + e.end()
        out.append(Tok(start, start + len(raw), raw, token_key(raw)))
    return out


def _same(text: str) -> None:
    toks = tokens._split(text)
    assert list(toks) == _loop(text)
    assert all(type(t) is Tok for t in toks)
    assert toks.raws() == [t.raw for t in toks] and toks.keys() == [t.folded for t in toks]
    assert toks.starts() == [t.start for t in toks] and toks.ends() == [t.end for t in toks]


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("ab lLdDuUnq'’+-–. \nÉé1_ſİ"), max_size=60))
def test_split_equals_the_token_loop(text: str) -> None:
    _same(text)


def test_elisions() -> None:
    for text in ("l'OCDE dell'Unione L’Europe quest'anno un'altra", "dell'l'acqua x'l'y A+'l'acqua", "d' l' 'l'x"):
        _same(text)
    assert [t.raw for t in tokens._split("dell'Unione")] == ["dell", "Unione"]


def test_examples() -> None:
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            _same(path.read_text(encoding="utf-8", errors="replace"))
