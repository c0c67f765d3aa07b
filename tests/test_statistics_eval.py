"""The statistics gold file, the scorer, the ``kzlegal evaluate statistics`` command,
and extraction from documents (offsets and lines into the source file)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kzlegalnlp import extract_statistics
from kzlegalnlp._resources import annotations_dir, raw_dir
from kzlegalnlp.cli import app
from kzlegalnlp.errors import AnnotationError
from kzlegalnlp.extract.evaluate_statistics import (
    evaluate, format_report, in_scope, load_gold, load_scope, score,
)
from kzlegalnlp.records import Document, Paragraph, Piece

GOLD = annotations_dir() / "statistics.jsonl"
SCOPE = annotations_dir() / "statistics_scope.json"
UNITS = {"count", "person", "percent", "percentage_point", "KZT", "UZS", "RUB", "USD", "EUR", "MCI", "tonne", "kg",
         "g", "km", "cm", "times", "dose", "day", "week", "month", "hour"}


def _rec(**kw):
    base = {"source": "a.txt", "line": 1, "surface": "5", "value": 5.0, "unit": "count",
            "qualifier": "exact", "year": None, "subject": None}
    base.update(kw)
    return base


def test_every_unit_of_the_data_is_documented():
    from kzlegalnlp.patterns.statistics import load_json

    assert {u["unit"] for u in load_json("units.json")["units"] if not u.get("drop")} <= UNITS


def test_bundled_gold_is_well_formed_and_in_scope():
    gold = load_gold(GOLD)
    scope = load_scope(SCOPE)
    assert len(gold) >= 200
    for g in gold:
        assert in_scope(g, scope), g
        assert g["unit"] in UNITS, g
        assert (g["value_to"] is not None) == (g["qualifier"] == "range"), g


def test_gold_surfaces_are_printed_on_their_lines():
    lines = {p.name: p.read_text(encoding="utf-8").split("\n") for p in raw_dir().glob("*.txt")}
    for g in load_gold(GOLD):
        first = g["surface"].split()[0]
        assert first in lines[g["source"]][g["line"] - 1], g


def test_scope_names_four_news_and_at_least_five_papers():
    data = json.loads(SCOPE.read_text(encoding="utf-8"))["scope"]
    assert sum(e["source"].startswith("news_") for e in data) == 4
    assert sum(e["what"].startswith("paper") for e in data) >= 5


def test_load_gold_names_file_and_line(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text(json.dumps(_rec()) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"g.jsonl:2"):
        load_gold(bad)
    bad.write_text(json.dumps({"source": "a"}) + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="missing field"):
        load_gold(bad)
    bad.write_text(json.dumps(_rec(qualifier="maybe")) + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="unknown qualifier"):
        load_gold(bad)


def test_bad_scope_file(tmp_path):
    bad = tmp_path / "s.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(AnnotationError, match="s.json"):
        load_scope(bad)


def test_score_is_one_to_one_and_needs_unit_and_qualifier():
    gold = [_rec(), _rec(), _rec(value=7.0, unit="percent")]
    pred = [_rec(), _rec(value=7.0), _rec(value=7.0, unit="percent", qualifier="approx")]
    r = score(gold, pred)
    assert (r.matched, len(r.missed), len(r.spurious)) == (1, 2, 2)
    assert r.precision == r.recall == pytest.approx(1 / 3)


def test_score_subject_and_year_on_matched_only():
    gold = [_rec(subject="Қылмыс  саны", year=2025), _rec(line=2, year=2024)]
    pred = [_rec(subject="қылмыс саны", year=2024), _rec(line=3)]
    r = score(gold, pred)
    assert (r.matched, r.subject_ok, r.year_ok) == (1, 1, 0)
    assert "YEAR" in format_report(r, errors=True)


def test_empty_report_is_zero_not_an_error():
    r = score([], [])
    assert (r.precision, r.recall, r.f1, r.subject_accuracy) == (0.0, 0.0, 0.0, 0.0)


@pytest.mark.parametrize("mode", ["raw", "documents"])
def test_bundled_f1_meets_target(mode):
    r = evaluate(mode)
    assert r.f1 >= 0.95, format_report(r, errors=True)


def test_unknown_mode():
    with pytest.raises(AnnotationError, match="unknown mode"):
        evaluate("pdf")


def test_cli_prints_scores():
    result = CliRunner().invoke(app, ["evaluate", "statistics", "--mode", "raw"])
    assert result.exit_code == 0, result.output
    assert "precision" in result.output and "F1" in result.output
    assert "subject accuracy" in result.output and "year accuracy" in result.output


def _document() -> tuple[Document, str]:
    # source: a date header line, a title, then a body paragraph printed on two
    # lines (with a blank line between, as in PDF extractions)
    source = " date 2025-03-01 Биыл 5 мыңнан астам алаяқ ұсталды\nЗалал 2,5 млрд\n\nтеңгеден асты."
    body_start = source.index("Залал")
    second = source.index("теңге")
    text = "Залал 2,5 млрд теңгеден асты."
    pieces = (Piece(0, body_start, 14, 2), Piece(14, body_start + 14, 1, 2),
              Piece(15, second, len(text) - 15, 4))
    para = Paragraph(text, body_start, len(source), 2, 4, "kk", 0, pieces)
    doc = Document("d1", "x.txt", "news", "kk", "Биыл 5 мыңнан астам алаяқ ұсталды", (), None,
                   "2025-03-01", 1, 4, 1, len(source), (para,))
    return doc, source


def test_document_offsets_and_lines_point_into_the_source():
    doc, source = _document()
    stats = extract_statistics(doc, source_text=source)
    assert [(s.value, s.unit, s.line) for s in stats] == [(5000, "person", 1), (2.5e9, "KZT", 2)]
    title, body = stats
    assert source[title.char_start:title.char_end] == "5 мыңнан астам"
    assert title.year == 2025 and title.doc_id == "d1" and title.source == "x.txt"
    assert source[body.char_start:body.char_end].startswith("2,5 млрд")
    assert body.qualifier == "more_than"


def test_document_without_source_text_skips_only_the_title():
    doc, _ = _document()
    assert [s.value for s in extract_statistics(doc)] == [2.5e9]


def test_document_table_row_keeps_its_columns_from_the_source():
    # the cleaner collapsed "5 6 4  15" (an empty 2021 cell) to "5 6 4 15"; the
    # printed line, reached through the paragraph's pieces, still shows the column
    source = "2018 2019 2020 2021\nБопсалау (194-бап)\n5 6 4  15\n"
    header, label = "2018 2019 2020 2021", "Бопсалау (194-бап)"
    row_at = source.index("5 6 4")
    paras = (
        Paragraph(header, 0, len(header), 1, 1, "kk", 0, (Piece(0, 0, len(header), 1),)),
        Paragraph(label, len(header) + 1, row_at - 1, 2, 2, "kk", 1,
                  (Piece(0, len(header) + 1, len(label), 2),)),
        Paragraph("5 6 4 15", row_at, row_at + 9, 3, 3, "kk", 2,
                  (Piece(0, row_at, 6, 3), Piece(6, row_at + 7, 2, 3))),
    )
    doc = Document("t1", "t.txt", "paper", "kk", None, (), None, None, 1, 3, 0, len(source), paras)
    stats = extract_statistics(doc, source_text=source)
    assert [(s.value, s.year, s.article) for s in stats] == [(5, 2018, "194"), (6, 2019, "194"), (4, 2020, "194"), (15, None, "194")]
    # without the source the empty cell cannot be placed: no cell gets a year
    assert [s.year for s in extract_statistics(doc)] == [None, None, None, None]
