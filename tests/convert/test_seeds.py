"""The seed documents in ../shared come out the way a careful reader would leave them."""
from __future__ import annotations

import re

import pytest

from integraph.convert import to_document


def seed(shared_dir, prefix: str):
    path = next((shared_dir / "seeds").glob(f"{prefix}_*.txt"))
    return to_document(path.read_bytes(), str(path)), path.read_text(encoding="utf-8")


def test_project_page_loses_donation_boilerplate_but_keeps_content(shared_dir):
    doc, raw = seed(shared_dir, "002")
    assert "Koordynator:" in doc.text
    flat = " ".join(doc.text.split())
    lines = [" ".join(l.split()) for l in raw.splitlines() if len(l) > 200]
    assert lines and all(l in flat for l in lines)  # every long body line survives
    folded = doc.text.casefold()
    assert "1%" not in folded and "nr konta" not in folded and "krs" not in folded
    assert not re.search(r"\d{2}(?: \d{4}){6}", doc.text)  # the bank account number
    assert "logo-" not in doc.text


def test_pdftotext_report_is_reflowed(shared_dir):
    doc, raw = seed(shared_dir, "001")
    for a, b in doc.paragraphs:
        assert "\n" not in doc.text[a:b]  # no line ends inside paragraphs
    assert not re.search("[\ue000-\uf8ff]", doc.text)
    # every sentence of the source (URL-only lines aside) is in the text, joined across its line breaks
    body = " ".join(l for l in raw.splitlines() if not l.strip().startswith("http"))
    flat_doc = " ".join(doc.text.split())
    sentences = re.findall(r"(?<=\. )[^\W\d_][^.]{40,}?\.", " ".join(body.split()))
    assert len(sentences) > 10
    assert all(s in flat_doc for s in sentences)
    # the first two wrapped lines of the source were one heading
    first_lines = [l.strip() for l in raw.splitlines() if l.strip()][:2]
    assert doc.sections[0].heading == " ".join(first_lines) and doc.sections[0].start == 0


def test_page_end_link_list_dropped_body_urls_kept(shared_dir):
    doc, raw = seed(shared_dir, "001")
    url_lines = [l.strip() for l in raw.splitlines() if l.strip().startswith("http")]
    assert url_lines, "the seed has URL-only lines"
    blocks = [doc.text[a:b] for a, b in doc.paragraphs]
    for url in url_lines:
        assert url in doc.text  # where the body cites it…
        assert url not in blocks  # …and nowhere as a bare block
    # no paragraph is left cut in two where the link list interrupted it
    for prev, block in zip(blocks, blocks[1:]):
        assert not (block[:1].islower() and not prev.endswith((".", ":", ";", ",")))


def test_newsletter_drops_share_and_download_labels(shared_dir):
    doc, _ = seed(shared_dir, "003")
    tail = doc.text[-300:].casefold()
    assert "share" not in tail and "pobierz" not in tail
    assert doc.language == "pl"


@pytest.mark.parametrize("prefix,lang", [("000", "bg"), ("001", "bg"), ("002", "pl"), ("003", "pl"), ("004", "cs")])
def test_seed_languages(shared_dir, prefix, lang):
    doc, _ = seed(shared_dir, prefix)
    assert doc.language == lang
    assert all(s.language == lang for s in doc.sections)
