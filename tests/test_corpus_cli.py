"""``kzlegal corpus [PATH] [--json]``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kzlegalnlp.cli import app

runner = CliRunner()


def test_table_of_the_bundled_corpus() -> None:
    result = runner.invoke(app, ["corpus"])
    assert result.exit_code == 0, result.output
    assert "33 documents" in result.output
    for word in ("programme", "participants", "resolution", "КИБЕР АЛАЯҚТЫҚ", "СОРОКУН", "1602-1951"):
        assert word in result.output


def test_json_records() -> None:
    result = runner.invoke(app, ["corpus", "--json"])
    assert result.exit_code == 0
    records = json.loads(result.output)
    assert len(records) == 33 and "paragraphs" not in records[0]
    assert {r["kind"] for r in records} == {"news", "programme", "participants", "paper", "resolution"}


def test_json_with_paragraphs_for_one_file(tmp_path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(" date 2025-05-05 Тақырып\n" + "Абзац мәтіні ұзын. " * 10 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", str(path), "--json", "--paragraphs"])
    assert result.exit_code == 0
    (record,) = json.loads(result.output)
    assert record["title"] == "Тақырып" and record["paragraphs"][0]["line_start"] == 2


def test_folder_with_a_bad_file_warns_and_exits_1(tmp_path) -> None:
    (tmp_path / "ok.txt").write_text("Сот үкімі шықты. " * 20, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert "warning:" in result.output and "empty.txt" in result.output
    assert "1 documents" in result.output


def test_missing_path_exits_2(tmp_path) -> None:
    result = runner.invoke(app, ["corpus", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no such file or folder" in result.output
