"""Hostile input: random and mangled files, arbitrary text, odd --db values and quoted ids.

Nothing may escape but an `IntegraphError` subclass, within a bounded time per example.
"""
from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integraph.convert import to_document
from integraph.convert.sniff import DOCX, HTML, MARKDOWN, ODT, PDF, TEXT
from integraph.errors import IntegraphError
from integraph.extract import extract
from integraph.extract.recognise import find_all
from integraph.model import Document, content_id

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
MEDIA_TYPES = [PDF, HTML, DOCX, ODT, MARKDOWN, TEXT, None]
LANGUAGES = [None, "pl", "bg", "cs", "de", "el", "uk", "ru", "fr", "hu", "xx"]
# The deadline catches hangs and runaway backtracking, not slowness: the first document in a new
# language loads its lemma and gazetteer tables (seconds on a busy machine), hence the margin.
FUZZ = settings(max_examples=30, deadline=timedelta(seconds=30), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings(FUZZ, deadline=timedelta(seconds=3))


@pytest.fixture(scope="module", autouse=True)
def warm_up():
    """Load language models and gazetteers once, so the per-example deadline measures the work itself."""
    for path in sorted(EXAMPLES.iterdir()):
        extract(to_document(path.read_bytes(), str(path)))
    small = to_document((EXAMPLES / "en-lihn-project-summary.md").read_bytes()[:800], "small.md")
    for lang in LANGUAGES:
        small.language = lang
        extract(small)
        find_all(small.text, lang)


def survives(data: bytes, locator: str, media_type: str | None) -> None:
    try:
        doc = to_document(data, locator, media_type)
    except IntegraphError:
        return
    assert doc.text and "\x00" not in doc.text  # PostgreSQL cannot store NUL in text
    for start, end in doc.paragraphs:
        assert 0 <= start <= end <= len(doc.text)
    statements = extract(doc)
    assert all(0 <= s.span.start <= s.span.end <= len(doc.text) and s.span.document == doc.id for s in statements)


@FUZZ
@given(data=st.binary(min_size=1, max_size=3000), media_type=st.sampled_from(MEDIA_TYPES),
       name=st.sampled_from(["x.pdf", "x.html", "x.docx", "x.odt", "x.md", "x.txt", "x", "x.exe"]))
def test_random_bytes_as_any_format(data: bytes, media_type: str | None, name: str):
    survives(data, name, media_type)


REAL = sorted(EXAMPLES.iterdir())


@FUZZ
@given(index=st.integers(0, len(REAL) - 1), cut=st.floats(0, 1), flips=st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_truncated_and_corrupted_real_files(index: int, cut: float, flips: list[tuple[float, int]]):
    path = REAL[index]
    data = bytearray(path.read_bytes()[: max(1, int(len(path.read_bytes()) * cut))])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    survives(bytes(data), path.name, None)


MEMBERS = ["mimetype", "content.xml", "styles.xml", "meta.xml", "word/document.xml", "[Content_Types].xml",
           "docProps/core.xml", "META-INF/manifest.xml", "../../evil.txt", "/abs.xml", "x" * 200]


@FUZZ
@pytest.mark.filterwarnings("ignore:Duplicate name")
@given(members=st.lists(st.tuples(st.sampled_from(MEMBERS), st.one_of(
    st.binary(max_size=400), st.just(b"<?xml version='1.0'?><a><b>text</b></a>"),
    st.just(b"application/vnd.oasis.opendocument.text"), st.just(b"<w:document>" * 50))), min_size=1, max_size=6),
    name=st.sampled_from(["x.docx", "x.odt", "x.zip"]), compress=st.booleans())
def test_zip_files_with_random_members(members: list[tuple[str, bytes]], name: str, compress: bool):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for member, content in members:
            z.writestr(member, content)
    survives(buf.getvalue(), name, None)


@FAST
@given(text=st.text(max_size=600), lang=st.sampled_from(LANGUAGES))
def test_recognisers_on_arbitrary_text(text: str, lang: str | None):
    try:
        matches = find_all(text, lang)
    except IntegraphError:
        return
    assert all(0 <= m.start <= m.end <= len(text) for m in matches)


TEXTY = st.text(st.sampled_from("aąbcćdeęfżźó AEIOU0123456789.,;:-–—()/%€$£\n\n\t'\"«»„“ПриветΑθήναEUR"), max_size=500)


@FUZZ
@given(text=st.one_of(TEXTY, st.text(max_size=400)), lang=st.sampled_from(LANGUAGES))
def test_extract_on_arbitrary_text(text: str, lang: str | None):
    if not text.strip():
        return
    data = text.encode("utf-8", "surrogatepass")
    doc = Document(id=content_id(data), source="fuzz.txt", media_type=TEXT, text=text, original=data,
                   language=lang, paragraphs=[(0, len(text))])
    try:
        statements = extract(doc)
    except IntegraphError:
        return
    assert all(0 <= s.span.start <= s.span.end <= len(text) for s in statements)


# -- the CLI: odd --db values and ids with quotes fail cleanly ------------------------------------

def run(args: list[str]):
    from integraph.cli import cli

    result = CliRunner().invoke(cli, args)
    # Exit codes: 0 fine, 1 a click error, 2 usage; never an unexpected exception type.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert isinstance(result.exception, IntegraphError), repr(result.exception)
    return result


@pytest.mark.parametrize("db", [
    "{tmp}",                                  # a folder
    "{tmp}/not-a-db.sqlite",                  # a file that is not SQLite
    "{tmp}/not-a-db.sqlite/inner.sqlite",     # a "folder" that is a file
    "{tmp}/x'; DROP TABLE documents; --.sqlite",
    "postgresql://nobody@127.0.0.1:1/none",   # nothing listens there
    "postgresql://%zz@/?sslmode=nonsense",    # malformed
    "{tmp}/bad\x00name.sqlite",
])
def test_odd_db_values_fail_cleanly_or_work(db: str, tmp_path: Path):
    (tmp_path / "not-a-db.sqlite").write_bytes(b"definitely not sqlite" * 50)
    result = run(["status", "--db", db.format(tmp=tmp_path), "--json"])
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output


def test_quotes_and_paths_in_entity_ids_do_not_reach_sql(tmp_path: Path):
    from integraph.store import Store

    db = str(tmp_path / "kb.sqlite")
    path = EXAMPLES / "en-lihn-project-summary.md"
    assert run(["ingest", str(path), "--db", db, "--json"]).exit_code == 0
    with Store(db) as store:
        before = store.counts()
    for hostile in ["x' OR '1'='1", '"; DROP TABLE statements; --', "../../../etc/passwd", "%", "_", "?", "\\"]:
        result = run(["explain", hostile, "--db", db, "--json"])
        assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output
        assert "root:" not in result.output
    with Store(db) as store:
        assert store.counts() == before
