"""`integraph migrate`: a knowledge base copied SQLite → PostgreSQL → SQLite comes back identical."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from integraph.errors import UsageError
from integraph.migrate import migrate
from integraph.model import Document, Span, Statement, content_id
from integraph.pipeline import ingest
from integraph.store import Store
from integraph.store.commands import migrate_cmd
from integraph.store.schema import COPY_ORDER

ORDER = {"meta": "key", "sources": "locator", "documents": "id", "paragraphs": "document, idx",
         "failures": "locator", "statements": "id", "judgements": "left_, right_", "canonical": "entity"}


def dump(url: str) -> dict[str, list[dict]]:
    with Store(url) as s:
        return {t: [{k: bytes(v) if isinstance(v, memoryview) else v for k, v in r.items()}
                    for r in s.db.query(f"SELECT * FROM {t} ORDER BY {ORDER[t]}")] for t in COPY_ORDER}


def build(path: Path, corpus: Path, files: int = 99) -> str:
    url = str(path)
    with Store(url) as s:
        ingest(sorted(corpus.iterdir())[:files], s)
        data = "Fundacja Most – 100% ‘quoted’ \x7f binary? ok".encode()
        d = Document(id=content_id(data), source="handmade.txt", media_type="text/plain", text=data.decode(),
                     original=data + b"\x00\xff", language="pl", paragraphs=[(0, 13)])
        s.save_document(d, [Statement(f"org-{i}", "Organisation", "name", "Fundacja Most", Span(d.id, 0, 13),
                                      "test", 0.1 * i, None) for i in range(5)])
        s.record_failure("broken.pdf", "corrupt", "corrupt: truncated")
        s.db.execute("INSERT INTO judgements VALUES ('org-1', 'org-2', 'same', 'user', 1.0, '{}', 'ann', 'now')")
        s.db.execute("INSERT INTO canonical VALUES ('org-2', 'org-1')")
        s.db.commit()
    return url


@pytest.mark.postgres
def test_sqlite_to_postgres_and_back_is_lossless(tmp_path: Path, pg_url: str, examples_dir: Path):
    src = build(tmp_path / "src.sqlite", examples_dir / "corpus")
    result = migrate(src, pg_url, batch=3)
    assert result["copied"]["statements"] >= 5 and result["copied"]["judgements"] == 1
    back = str(tmp_path / "back.sqlite")
    migrate(pg_url, back, batch=2)
    original, on_postgres, returned = dump(src), dump(pg_url), dump(back)
    assert on_postgres == original
    assert returned == original
    with Store(pg_url) as s:  # new statements continue after the copied ids
        d = s.documents()[0]
        s.replace_statements(d.id, [Statement("x", "Organisation", "name", "v", Span(d.id, 0, 1), "t")])
        new_id = s.db.query("SELECT MAX(id) AS m FROM statements")[0]["m"]
        assert new_id > max(r["id"] for r in original["statements"])


def test_sqlite_to_sqlite_through_the_command(tmp_path: Path, examples_dir: Path):
    src = build(tmp_path / "src.sqlite", examples_dir / "corpus", files=3)
    out = CliRunner().invoke(migrate_cmd, [src, str(tmp_path / "copy.sqlite"), "--json"])
    assert out.exit_code == 0, out.output
    assert dump(str(tmp_path / "copy.sqlite")) == dump(src)


def test_a_non_empty_destination_or_missing_source_is_refused(tmp_path: Path, examples_dir: Path):
    src = build(tmp_path / "src.sqlite", examples_dir / "corpus", files=0)
    with pytest.raises(UsageError, match="not empty"):
        migrate(src, build(tmp_path / "other.sqlite", examples_dir / "corpus", files=0))
    with pytest.raises(UsageError, match="no such"):
        migrate(str(tmp_path / "absent.sqlite"), str(tmp_path / "x.sqlite"))
    assert not (tmp_path / "absent.sqlite").exists()
