"""The batch runner on hand-made files, with stand-in steps (tests/tag_fakes.py).

Checks the record contract (schemas, offsets into the source), failures,
atomic outputs, --resume and --workers.
"""

from __future__ import annotations

import importlib.util
import json
import os
import time
from pathlib import Path

import jsonschema
import pytest

from kzlegalnlp.tag import runner
from kzlegalnlp.tag.schema import ALL_TABLES, OUTPUT_TABLES, schema_text

_spec = importlib.util.spec_from_file_location("tag_fakes", Path(__file__).with_name("tag_fakes.py"))
fakes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fakes)  # type: ignore[union-attr]

REPO = Path(__file__).resolve().parents[1]

# Hand-written files: (name, text, expected articles, expected statistics)
FILES = [
    ("news_fraud.txt", "Интернет-алаяқтық бойынша ҚК 190-бабы\nқолданылды.\n\nБиыл қылмыс 12 % азайды.\n",
     ["190"], [12.0]),
    ("paper_ru.txt", "Мошенничество (ст. 190 УК)\nвыросло на 7,5 %.\n\n\nВзятки: статьи 366 и ст. 190.\n",
     ["190", "366", "190"], [7.5]),
    ("sub/paper_drugs.txt", "Есірткі қылмыстары 3 % өсті.\n", [], [3.0]),
    ("news_plain.txt", "Жиналыс өтті.\n", [], []),
]


def _corpus(folder: Path) -> Path:
    for name, text, _, _ in FILES:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _run(src: Path, out: Path, **kw):
    return runner.tag([src], out, factory=fakes.fake_factory, **kw)


def _rows(out: Path, table: str) -> list[dict]:
    return [json.loads(line) for line in (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _corpus(tmp_path / "in")


def test_outputs_follow_schemas(corpus, tmp_path):
    out = tmp_path / "out"
    result = _run(corpus, out)
    assert result.exit_code == 0
    for table in ALL_TABLES:
        schema = json.loads(schema_text(table))
        for row in _rows(out, table):
            jsonschema.validate(row, schema)
            assert list(row)[:6] == ["schema_version", "doc_id", "source", "line", "char_start", "char_end"]
    assert len(_rows(out, "documents")) == len(FILES)


@pytest.mark.parametrize("name,text,articles,stats", FILES)
def test_offsets_point_into_the_source(corpus, tmp_path, name, text, articles, stats):
    out = tmp_path / "out"
    _run(corpus, out)
    lines = text.split("\n")
    arts = [r for r in _rows(out, "articles") if r["source"] == name]
    assert [r["article"] for r in arts] == articles  # in reading order
    figures = [r for r in _rows(out, "statistics") if r["source"] == name]
    assert [r["value"] for r in figures] == stats
    for row in arts + figures:
        assert text[row["char_start"]:row["char_end"]] == row["surface"]
        assert row["surface"] in lines[row["line"] - 1]
        assert row["paragraph_index"] is not None
    for row in (r for r in _rows(out, "paragraphs") if r["source"] == name):
        assert text[row["char_start"]:row["char_end"]].replace("\n", " ") == row["text"]
        assert lines[row["line"] - 1] and row["text"].startswith(lines[row["line"] - 1])


def test_documents_carry_topics_and_counts(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    docs = {r["source"]: r for r in _rows(out, "documents")}
    assert docs["news_fraud.txt"]["primary_topic"] == "cyber_fraud"
    assert docs["sub/paper_drugs.txt"]["topics"] == ["drugs"]
    assert docs["news_plain.txt"]["topics"] == [] and docs["news_plain.txt"]["primary_topic"] is None
    assert docs["paper_ru.txt"]["n_articles"] == 3 and docs["paper_ru.txt"]["n_statistics"] == 1
    assert docs["paper_ru.txt"]["n_paragraphs"] == 2


def test_summary_counts(corpus, tmp_path):
    out = tmp_path / "out"
    summary = _run(corpus, out).summary.to_dict()
    assert summary["documents"]["by_kind"] == {"paper": 2, "news": 2}
    assert summary["statistics"] == 3
    top = summary["articles"]["top"][0]
    assert (top["article"], top["count"], top["title"]) == ("190", 3, "Мошенничество")
    assert summary["topics"]["cyber_fraud"] == 2
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == summary


def _bad_files(folder: Path) -> dict[str, str]:
    """Bad files and a word their reason must contain."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    (folder / "latin1.txt").write_bytes("caf\xe9 na\xefve".encode("latin-1"))
    (folder / "BOOM.txt").write_text("BOOM the classifier fails here\n", encoding="utf-8")
    return {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "UTF-8", "BOOM.txt": "crashed"}


def test_bad_files_are_reported_and_the_batch_goes_on(corpus, tmp_path):
    expected = _bad_files(corpus)
    out = tmp_path / "out"
    result = _run(corpus, out)
    assert result.exit_code == 1
    errors = {e["source"]: e for e in _rows(out, "errors")}
    assert set(errors) == set(expected)
    for name, word in expected.items():
        assert word in errors[name]["reason"]
        assert errors[name]["path"].endswith(name)
    assert errors["BOOM.txt"]["stage"] == "classify" and errors["BOOM.txt"]["doc_id"] == "BOOM"
    # the good files and the rest of the failing document are still tagged
    assert {r["source"] for r in _rows(out, "documents")} == {f[0] for f in FILES} | {"BOOM.txt"}
    assert result.summary.failed_files == 4


def test_unreadable_file_is_reported(corpus, tmp_path, monkeypatch):
    locked = corpus / "locked.txt"
    locked.write_text("Жабық файл.\n", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # running as root: permissions do not bind, so simulate them
        real = runner.content_hash

        def denied(path: Path) -> str:
            if path.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(runner, "content_hash", denied)
    out = tmp_path / "out"
    result = _run(corpus, out)
    locked.chmod(0o644)
    (error,) = _rows(out, "errors")
    assert (error["source"], error["stage"], error["error"]) == ("locked.txt", "read", "PermissionError")
    assert "Permission denied" in error["reason"]
    assert result.exit_code == 1 and len(_rows(out, "documents")) == len(FILES)


def test_twice_gives_identical_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    first = _snapshot(out)
    _run(corpus, out)
    assert _snapshot(out) == first


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_the_same_output(corpus, tmp_path, workers):
    _bad_files(corpus)
    _run(corpus, tmp_path / "one")
    _run(corpus, tmp_path / "many", workers=workers)
    one, many = _snapshot(tmp_path / "one"), _snapshot(tmp_path / "many")
    assert one == many  # every visible file, the manifest included
    assert "manifest.json" in one and "errors.jsonl" in one


def test_one_worker_writes_rows_from_memory_and_keeps_none(corpus, tmp_path, monkeypatch):
    # one worker hands its rows over in memory (the parts are still written, for --resume),
    # and drops them once written, so memory stays flat however many outcomes a caller keeps
    seen = []
    read_parts = []
    real_open = open

    def spy_open(path, *args, **kwargs):
        if str(path).endswith(".part") and "w" not in (args[0] if args else kwargs.get("mode", "r")):
            read_parts.append(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy_open)
    _run(corpus, tmp_path / "out", on_file=seen.append)
    assert len(seen) == len(FILES) and all(o.rows is None and o.part_paths for o in seen)
    assert read_parts == []
    assert len(list((tmp_path / "out" / runner.STATE_DIR / "parts").iterdir())) == len(FILES)


def _multi(corpus: Path) -> None:
    """A file of many documents holding most of the input: it gets cut into slices."""
    paras = [f"Баяндама {i}: алаяқтық 1{i} % өсті (ст. 19{i % 3}).\nЕкінші жол." for i in range(40)]
    (corpus / "multi_proceedings.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")


@pytest.mark.parametrize("workers,slices", [(2, 2), (3, 3), (4, 4)])
def test_big_file_is_shared_by_workers(corpus, tmp_path, workers, slices):
    _multi(corpus)
    _run(corpus, tmp_path / "one")
    _run(corpus, tmp_path / "many", workers=workers)
    # one part per slice of the big file, one per other file
    assert len(list((tmp_path / "many" / runner.STATE_DIR / "parts").iterdir())) == len(FILES) + slices
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "many")
    assert len(_rows(tmp_path / "many", "documents")) == 40 + len(FILES)
    resumed = _run(corpus, tmp_path / "many", workers=workers, resume=True)
    assert resumed.summary.cached_files == len(FILES) + 1
    assert _snapshot(tmp_path / "many") == _snapshot(tmp_path / "one")


@pytest.mark.parametrize(
    "size,total,workers,expected",
    [(100, 100, 1, 1), (100, 100, 4, 4), (50, 100, 4, 2), (10, 100, 4, 1), (1, 10**9, 8, 1), (0, 0, 2, 1)],
)
def test_chunk_count(size, total, workers, expected):
    assert runner.chunk_count(size, total, workers) == expected


def test_resume_skips_unchanged_files(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    first = _snapshot(out)
    again = _run(corpus, out, resume=True)
    assert again.summary.cached_files == len(FILES)
    assert _snapshot(out) == first
    (corpus / "news_plain.txt").write_text("Жиналыс өтті. Алаяқтар ұсталды.\n", encoding="utf-8")
    changed = _run(corpus, out, resume=True)
    assert changed.summary.cached_files == len(FILES) - 1
    docs = {r["source"]: r for r in _rows(out, "documents")}
    assert docs["news_plain.txt"]["primary_topic"] == "cyber_fraud"


def test_resume_after_interrupted_run(corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    complete = _snapshot(out)
    calls = []

    def dying_factory(model):
        steps = fakes.fake_factory(model)

        def load(path, root):
            calls.append(path)
            if len(calls) == 3:
                raise KeyboardInterrupt  # the user presses Ctrl-C in the middle of the batch
            return steps.load(path, root)

        return runner.Steps(load, steps.articles, steps.statistics, steps.classify, steps.classify_paragraphs)

    (corpus / "news_plain.txt").write_text("Жиналыс 2 % өтті.\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        runner.tag([corpus], out, factory=dying_factory)
    assert _snapshot(out) == complete  # the old outputs, whole; no temporary file left
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]
    resumed = _run(corpus, out, resume=True)
    # every part is reused: three unchanged since the complete run, and the changed
    # file, tagged (second) before the interruption
    assert resumed.summary.cached_files == len(FILES)
    assert [r["value"] for r in _rows(out, "statistics") if r["source"] == "news_plain.txt"] == [2.0]


def test_discover_order_hidden_and_duplicates(corpus):
    (corpus / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (corpus / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    (corpus / ".git").mkdir()
    (corpus / ".git" / "x.txt").write_text("x\n", encoding="utf-8")
    sources = runner.discover([corpus, corpus / "news_plain.txt"])
    # every visible file, sorted; a file named twice is tagged once; other types are
    # taken too, so that the loader reports them instead of dropping them silently
    assert [s.name for s in sources] == ["news_fraud.txt", "news_plain.txt", "notes.csv", "paper_ru.txt",
                                         "sub/paper_drugs.txt"]
    assert [s.name for s in runner.discover([corpus / "sub" / "paper_drugs.txt"])] == ["paper_drugs.txt"]


def test_output_folder_inside_the_input_is_not_tagged(corpus):
    out = corpus / "results"
    first = _run(corpus, out)
    second = _run(corpus, out)  # the first run's tables now lie inside the input folder
    assert first.summary.files == second.summary.files == len(FILES)
    assert second.exit_code == 0 and _rows(out, "errors") == []


def test_schema_files_are_current():
    for table in ALL_TABLES:
        path = REPO / "schemas" / f"{table}.schema.json"
        assert path.read_text(encoding="utf-8") == schema_text(table), f"regenerate {path}"


def test_every_output_table_has_a_schema_with_location():
    for table in OUTPUT_TABLES:
        required = json.loads(schema_text(table))["required"]
        assert {"doc_id", "source", "line", "char_start", "char_end", "schema_version"} <= set(required)


def test_spreadsheets_are_reproducible(corpus, tmp_path):
    from kzlegalnlp.tag.export import export

    out = tmp_path / "out"
    _run(corpus, out)
    export(out, ["csv", "parquet", "xlsx"])
    first = _snapshot(out)
    time.sleep(2.1)  # zip entries carry times to 2 s: a stamped workbook would differ now
    _run(corpus, out)
    export(out, ["csv", "parquet", "xlsx"])
    assert _snapshot(out) == first
    assert {f"{t}.{ext}" for t in ALL_TABLES for ext in ("csv", "parquet")} | {"kzlegal.xlsx"} <= set(first)


def _interrupting_factory(model):
    steps = fakes.fake_factory(model)

    def load(path, root):
        if Path(path).name == "paper_ru.txt":
            raise KeyboardInterrupt  # Ctrl-C reaches the worker tagging this file
        return steps.load(path, root)

    return runner.Steps(load, steps.articles, steps.statistics, steps.classify, steps.classify_paragraphs)


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_run_keeps_the_old_outputs_whole(corpus, tmp_path, workers):
    out = tmp_path / "out"
    _run(corpus, out)
    complete = _snapshot(out)
    (corpus / "news_plain.txt").write_text("Жиналыс 2 % өтті.\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        runner.tag([corpus], out, factory=_interrupting_factory, workers=workers)
    assert _snapshot(out) == complete
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


# --- rows written as JSON text directly, against the plain rule dumps(<row dict>) -------------

def _para(text: str = "Сот «ҚК» 190-бабы", **kw):
    from kzlegalnlp.records import Paragraph

    values = dict(text=text, char_start=10, char_end=10 + len(text), line_start=3, line_end=4, lang="kk", index=2)
    values.update(kw)
    return Paragraph(**values)


def _tricky_scores():
    import random

    from kzlegalnlp.records import TopicScores

    rng = random.Random(7)
    edge = [0.0, -0.0, 1.0, 0.5, 1e-5, -1e-5, 0.00005, 0.00015, 0.99995, 0.12345, 0.1, 0.1200, 0.102, 10.0,
            100.0, 1234.5678, 9.99999e14, 1e15, 1e16, 3, 0, True, float("nan"), float("inf"), -float("inf")]
    labels = ["drugs", "corruption", "cyber_fraud", "trafficking"]
    yield None
    yield TopicScores({})
    for value in edge:
        yield TopicScores({"drugs": value, "corruption": 0.25}, labels=("drugs",), primary="drugs")
    for _ in range(3000):
        keys = rng.sample(labels, rng.randint(1, len(labels)))  # dict order not always sorted
        values = [rng.choice([rng.random(), rng.random() * 10 ** rng.randint(-6, 3), round(rng.random(), 4),
                              rng.randint(0, 3) / 8]) for _ in keys]
        chosen = tuple(k for k, v in zip(keys, values) if v >= 0.5)
        yield TopicScores(dict(zip(keys, values)), labels=chosen, primary=chosen[0] if chosen else None)
    # names with digits, quotes, per cent signs; a name that is not a str: the plain path
    yield TopicScores({"a.0": 0.5, "b:1": 0.25, "x0": 0.1200}, labels=("a.0",), primary="a.0")
    yield TopicScores({"50%": 0.5, 'q"%s': 0.25, "%(x)d": 0.0}, labels=("50%",), primary="%s")
    yield TopicScores({1: 0.5}, labels=(), primary=None)
    yield TopicScores({"drugs": "0.5"}, labels=["drugs"], primary="drugs")


def test_paragraph_json_is_the_plain_row_encoded():
    from kzlegalnlp.records import Document
    from kzlegalnlp.tag.rows import document_head, dumps, paragraph_json, paragraph_row

    texts = ["", 'кавычки " и \\ слэш', "табуляция\tи\nперевод\x01\x1f строки", "emoji 😀 \u2028 ok", "plain"]
    paras = [_para(t) for t in texts] + [_para(char_start=True), _para(index=False), _para(lang=None),
                                          _para(line_start=type("I", (int,), {"__repr__": lambda s: "x"})(5))]
    doc = Document('d"1', "a\\b.txt", "news", "kk", None, (), None, None, 1, 9, 0, 99, tuple(paras))
    head = document_head(doc)
    checked = 0
    for scores in _tricky_scores():
        for para in paras:
            for section in ("body", "references"):
                try:
                    plain = dumps(paragraph_row(doc, para, section, scores))
                except (TypeError, ValueError):
                    continue
                assert paragraph_json(doc, para, section, scores, head) == plain, (para, scores)
                checked += 1
    assert checked > 50000


def test_score_text_is_the_encoders_text_of_the_rounded_score():
    import random

    from kzlegalnlp.tag import rows

    rng = random.Random(11)
    values = [rng.random() * 10 ** rng.randint(-6, 8) * rng.choice([1, -1]) for _ in range(20000)]
    values += [i / 10000 for i in range(-2000, 2000)] + [i / 16 for i in range(200)] + [100.0, 1000.5, 1e16]
    values += [0.0, -0.0, 0, False, True, 1, float("nan"), float("inf"), -float("inf"), 0.0, -0.0]
    for _ in range(2):  # the second time from the cache
        for v in values:
            assert rows._score_text(v) == json.dumps(round(float(v), 4)), v
    assert 0.0 not in rows._SCORE_TEXT


def test_finding_rows_in_column_order_are_the_plain_rows(monkeypatch):
    from kzlegalnlp.records import ArticleRef, Document, Statistic
    from kzlegalnlp.tag import rows
    from kzlegalnlp.tag.schema import TABLES

    para = _para("Мошенничество по ч. 2 ст. 190 УК РК выросло на 12 %", char_start=0)
    para = _para(para.text, char_start=0, char_end=len(para.text))
    doc = Document("d1", "a.txt", "news", "ru", None, (), None, None, 1, 9, 0, 99, (para,))
    finder = rows.ParagraphFinder(doc)
    records = [
        ArticleRef("ч. 2 ст. 190", 14, 26, "190", code="KZ-UK", part="2", topics=("fraud", "x"), line=3),
        ArticleRef("ст. 5", 200, 205, "5", doc_id="other", source="b.txt"),
        ArticleRef("ст. 6", 30, 35, "6", part=("1", "2")),  # not a str: converted as to_dict() does
        Statistic("12 %", 49, 53, 12.0, unit="percent", year=2025, line=None),
        Statistic("3", 1, 2, 3, value_to=4.5, subject="кражи", doc_id="d2"),
    ]
    fast = [rows.article_row(r, doc, finder) if isinstance(r, ArticleRef) else rows.statistic_row(r, doc, finder)
            for r in records]
    assert rows._row_plan(ArticleRef, "articles") and rows._row_plan(Statistic, "statistics")
    monkeypatch.setattr(rows, "_row_plan", lambda record_type, table: None)
    plain = [rows.article_row(r, doc, finder) if isinstance(r, ArticleRef) else rows.statistic_row(r, doc, finder)
             for r in records]
    assert [list(row.items()) for row in fast] == [list(row.items()) for row in plain]
    assert [list(row) for row in fast] == [[c.name for c in TABLES[t]] for t in ("articles",) * 3 + ("statistics",) * 2]
