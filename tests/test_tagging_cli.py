"""`kzlegal tag` / `kzlegal report` on the command line: exit codes, messages, quiet/verbose, progress."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzlegalnlp.cli import app
from kzlegalnlp.tag import runner

_spec = importlib.util.spec_from_file_location("tag_fakes", Path(__file__).with_name("tag_fakes.py"))
fakes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fakes)  # type: ignore[union-attr]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(runner, "default_factory", fakes.fake_factory)
    src = tmp_path / "in"
    src.mkdir()
    (src / "news_a.txt").write_text("Алаяқтар ҚК 190-бабы бойынша сотталды.\n", encoding="utf-8")
    (src / "paper_b.txt").write_text("Рост на 12 % (ст. 366).\n", encoding="utf-8")
    return src


def _tag(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, ["tag", *args], env=env)


def test_success_prints_the_summary(folder, tmp_path):
    result = _tag(str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    for text in ("Documents by kind and language", "news", "paper", "cyber_fraud", "Most-cited articles",
                 "Мошенничество", "1 statistics", "no problems"):
        assert text in result.stdout, text
    assert result.stderr == ""  # no progress bar: not a terminal


def test_nothing_tagged_prints_no_empty_tables(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = _tag(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "Documents by kind" not in result.stdout and "Most-cited" not in result.stdout
    assert "0 documents" in result.stdout and "empty.txt: empty file" in result.stdout


def test_failed_file_exit_code_and_message(folder, tmp_path):
    (folder / "empty.txt").write_bytes(b"")
    result = _tag(str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "error empty.txt: empty file" in result.stderr
    assert "1 problems in 1 files" in result.stdout
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").count("\n") == 1


@pytest.mark.parametrize(
    "args,message",
    [(["/no/such/folder"], "no such file or folder: /no/such/folder"),
     (["--format", "ods"], "unknown format ods")],
)
def test_nothing_to_do_exits_2(folder, tmp_path, args, message):
    result = _tag(*args, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert message in result.stderr


def test_unwritable_output_folder_exits_2(folder, tmp_path):
    (tmp_path / "a_file").write_text("", encoding="utf-8")
    result = _tag(str(folder), "--out", str(tmp_path / "a_file"))
    assert result.exit_code == 2
    assert f"error {tmp_path / 'a_file'}: cannot write the output folder" in result.stderr


def test_empty_folder_exits_2(folder, tmp_path):
    (tmp_path / "none").mkdir()
    result = _tag(str(tmp_path / "none"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no file to tag" in result.stderr


def test_quiet_prints_only_errors(folder, tmp_path):
    (folder / "bin.txt").write_bytes(b"\0\1\2")
    result = _tag(str(folder), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error bin.txt: binary")


def test_verbose_prints_one_line_per_file(folder, tmp_path):
    result = _tag(str(folder), "--out", str(tmp_path / "out"), "--verbose")
    assert "news_a.txt: 1 documents, 1 articles, 0 statistics" in result.stderr
    assert "paper_b.txt: 1 documents, 1 articles, 1 statistics" in result.stderr


def test_progress_bar_on_a_terminal(folder, tmp_path):
    # FORCE_COLOR makes rich treat the output as a terminal
    result = _tag(str(folder), "--out", str(tmp_path / "out"), env={"FORCE_COLOR": "1"})
    assert "tagging" in result.stderr
    quiet = _tag(str(folder), "--out", str(tmp_path / "out"), "-q", env={"FORCE_COLOR": "1"})
    assert "tagging" not in quiet.stderr


def test_report_command(folder, tmp_path):
    _tag(str(folder), "--out", str(tmp_path / "out"), "-q")
    result = CliRunner().invoke(app, ["report", str(tmp_path / "out"), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nothing"), "--out", str(tmp_path / "x.html")])
    assert missing.exit_code == 2 and not (tmp_path / "x.html").exists()
    assert "error: " in missing.stderr and "documents.jsonl: missing" in missing.stderr  # no traceback


def test_bad_model_folder_exits_2_before_writing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Алаяқтар ұсталды.\n", encoding="utf-8")
    result = _tag(str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--model", str(tmp_path / "no_model"))
    assert result.exit_code == 2
    assert f"error {tmp_path / 'no_model'}" in result.stderr
    assert not (tmp_path / "out" / "documents.jsonl").exists()
