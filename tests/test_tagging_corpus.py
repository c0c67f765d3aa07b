"""`kzlegal tag` end to end with the library's own steps: the bundled corpus and hand-written files."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kzlegalnlp._resources import raw_dir
from kzlegalnlp.cli import app
from kzlegalnlp.corpus.io import read_source
from kzlegalnlp.tag import runner
from kzlegalnlp.tag.schema import ALL_TABLES, OUTPUT_TABLES, TABLES, json_schema


def _rows(out: Path, table: str) -> list[dict]:
    return [json.loads(line) for line in (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundled")
    result = CliRunner().invoke(app, ["tag", "--out", str(out), "-f", "csv", "-f", "parquet", "-f", "xlsx"])
    return out, result


def test_bundled_corpus_exit_code_and_summary(bundled):
    out, result = bundled
    assert result.exit_code == 0, result.output
    for heading in ("Documents by kind and language", "Topics", "Most-cited articles", "no problems"):
        assert heading in result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["files"] == len(list(raw_dir().glob("*.txt")))
    assert summary["documents"]["total"] == len(_rows(out, "documents"))
    assert summary["statistics"] == len(_rows(out, "statistics")) > 0
    assert summary["articles"]["total"] == len(_rows(out, "articles")) > 0
    assert summary["paragraphs"] == len(_rows(out, "paragraphs"))
    assert summary["articles"]["top"][0]["title"]  # the most-cited article has its title


def test_bundled_rows_follow_schemas(bundled):
    out, _ = bundled
    for table in ALL_TABLES:
        validator = jsonschema.Draft202012Validator(json_schema(table))
        for row in _rows(out, table):
            validator.validate(row)


def test_bundled_rows_have_the_schema_columns_in_order(bundled):
    # rows are built in column order directly (cheaper than re-ordering): the bytes depend on it
    out, _ = bundled
    for table in ALL_TABLES:
        columns = [c.name for c in TABLES[table]]
        for row in _rows(out, table):
            assert list(row) == columns, table


def _squash(text: str) -> str:
    """Cleaning joins lines and undoes hyphenation: compare without spaces and hyphens."""
    return re.sub(r"[\s\-\u00ad\u2010]", "", text)


def test_bundled_offsets_and_lines_point_into_the_source(bundled):
    out, _ = bundled
    texts = {p.name: read_source(p).text for p in raw_dir().glob("*.txt")}
    for table in OUTPUT_TABLES:
        for row in _rows(out, table):
            text = texts[row["source"]]
            assert 0 <= row["char_start"] <= row["char_end"] <= len(text)
            assert row["line"] == text.count("\n", 0, row["char_start"]) + 1, (table, row)
            if "surface" in row:
                assert _squash(text[row["char_start"]:row["char_end"]]) == _squash(row["surface"])


def test_csv_opens_with_cyrillic(bundled):
    out, _ = bundled
    raw = (out / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [c.name for c in TABLES["documents"]]
    titles = [r[rows[0].index("title")] for r in rows[1:]]
    assert titles == [d["title"] or "" for d in _rows(out, "documents")]
    assert any(re.search("[әғқңөұүһі]", t) for t in titles) and any(re.search("[ыэъ]", t) for t in titles)


def test_parquet_and_xlsx_hold_every_row(bundled):
    import openpyxl
    import pyarrow.parquet as pq

    out, _ = bundled
    book = openpyxl.load_workbook(out / "kzlegal.xlsx", read_only=True)
    assert book.sheetnames == list(ALL_TABLES)
    for table in ALL_TABLES:
        n = len(_rows(out, table))
        parquet = pq.read_table(out / f"{table}.parquet")
        assert parquet.num_rows == n and parquet.column_names == [c.name for c in TABLES[table]]
        assert sum(1 for _ in book[table].iter_rows(values_only=True)) == n + 1
    doc_ids = pq.read_table(out / "articles.parquet").column("doc_id").to_pylist()
    assert doc_ids == [a["doc_id"] for a in _rows(out, "articles")]


def test_two_workers_write_the_same_bytes(bundled, tmp_path):
    out, _ = bundled
    runner.tag([raw_dir()], tmp_path, factory=runner.default_factory, workers=2)
    for name in [f"{table}.jsonl" for table in ALL_TABLES] + ["summary.json", "manifest.json"]:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


# Hand-written files, not from the corpus: (text, [(article, line)], [(value, line)])
HAND_WRITTEN = [
    ("Сотталушыға ҚР ҚК 190-бабының 2-бөлігі бойынша жаза тағайындалды.\n", [("190", 1)], []),
    ("Прокурор поддержал обвинение.\n\nДело возбуждено по ч. 3 ст. 366 УК РК.\n", [("366", 3)], []),
    ("Биыл есірткі қылмыстары 15 %-ға азайды.\n", [], [(15.0, 1)]),
    ("Зарегистрировано 1 250 преступлений.\nИз них раскрыто 980.\n", [], [(1250.0, 1), (980.0, 2)]),
    ("Жиналыс өтті.\n", [], []),
]


@pytest.mark.parametrize("text,articles,figures", HAND_WRITTEN)
def test_hand_written_files(tmp_path, text, articles, figures):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["tag", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert [(a["article"], a["line"]) for a in _rows(tmp_path / "out", "articles")] == articles
    assert [(s["value"], s["line"]) for s in _rows(tmp_path / "out", "statistics")] == figures
    (doc,) = _rows(tmp_path / "out", "documents")
    assert (doc["source"], doc["n_articles"], doc["n_statistics"]) == ("note.txt", len(articles), len(figures))


def _blank_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(path, "wb") as fh:
        writer.write(fh)


def test_bad_files_with_the_real_loader(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Алаяқтық бойынша ҚК 190-бабы қолданылды.\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "garbage.txt").write_bytes(b"\x98\x81\x98\x83" * 50)  # no encoding reads this as text
    _blank_pdf(src / "scan.pdf")
    (src / "locked.txt").write_text("Жабық.\n", encoding="utf-8")
    (src / "locked.txt").chmod(0)
    real_hash = runner.content_hash

    def hash_or_deny(path: Path) -> str:  # root ignores permissions: deny by hand then
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_hash(path)

    monkeypatch.setattr(runner, "content_hash", hash_or_deny)
    result = CliRunner().invoke(app, ["tag", str(src), "--out", str(tmp_path / "out")])
    (src / "locked.txt").chmod(0o644)
    assert result.exit_code == 1
    errors = {e["source"]: e for e in _rows(tmp_path / "out", "errors")}
    assert sorted(errors) == ["binary.txt", "empty.txt", "garbage.txt", "locked.txt", "scan.pdf"]
    for name, error in errors.items():
        assert f"error {name}: {error['reason']}" in result.stderr
    assert "Permission denied" in errors["locked.txt"]["reason"]
    assert "no text layer" in errors["scan.pdf"]["reason"]
    assert [d["source"] for d in _rows(tmp_path / "out", "documents")] == ["good.txt"]


def test_topics_in_the_output_are_the_classifier_s(bundled):
    from kzlegalnlp import load_corpus
    from kzlegalnlp.topics import classify, classify_paragraphs

    out, _ = bundled
    docs = {d["doc_id"]: d for d in _rows(out, "documents")}
    paragraphs = {(p["doc_id"], p["index"]): p for p in _rows(out, "paragraphs") if p["section"] == "body"}
    for doc in load_corpus()[:8]:
        expected = classify(doc)
        assert docs[doc.doc_id]["topics"] == list(expected.labels)
        assert docs[doc.doc_id]["primary_topic"] == expected.primary
        for para, scores in zip(doc.paragraphs, classify_paragraphs(doc)):
            assert paragraphs[doc.doc_id, para.index]["topics"] == list(scores.labels)
