"""The notebooks run top to bottom from a clean kernel, and are committed without outputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ("literature_review.ipynb", "train_your_own.ipynb")


def _read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def _execute(name: str, out: Path, monkeypatch: pytest.MonkeyPatch):
    """Run a notebook in a fresh ``python3`` kernel of this interpreter; outputs go to ``out``."""
    monkeypatch.setenv("KZL_NOTEBOOK_OUT", str(out))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    # the kernel spec runs "python": make it this environment's python
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    nb = _read(name)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(out)}}).execute()
    return nb


def _text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
            parts.append(output.get("data", {}).get("text/html", ""))
    return "\n".join(parts)


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name: str) -> None:
    nb = _read(name)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, name
    assert all(not c.outputs and c.execution_count is None for c in code), f"{name}: strip the outputs"
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_literature_review_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute("literature_review.ipynb", tmp_path, monkeypatch)
    written = {p.name for p in tmp_path.iterdir()}
    # charts, the exported tables and the highlighted passages
    assert {"topics.png", "articles.png", "statistics.png", "literature_review.xlsx", "statistics.csv",
            "cited_articles.csv", "passages_cyber_fraud.html"} <= written
    text = _text(nb)
    assert "KZ-UK" in text and "cyber_fraud" in text
    passages = (tmp_path / "passages_cyber_fraud.html").read_text(encoding="utf-8")
    assert "ARTICLE" in passages and "STATISTIC" in passages  # displaCy span labels
    import pandas as pd

    sheets = pd.read_excel(tmp_path / "literature_review.xlsx", sheet_name=None)
    assert {"topics", "cited_articles", "references", "statistics", "passages"} <= set(sheets)
    assert len(sheets["statistics"]) == len(pd.read_csv(tmp_path / "statistics.csv")) > 0


def test_train_your_own_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute("train_your_own.ipynb", tmp_path, monkeypatch)
    text = _text(nb)
    assert "same predictions after loading: True" in text
    assert "exit code 0" in text
    model = tmp_path / "my_model"
    assert (model / "MANIFEST.json").is_file()
    tagged = tmp_path / "tagged" / "paragraphs.jsonl"
    import json

    labels = {lab for line in tagged.read_text(encoding="utf-8").splitlines() for lab in json.loads(line)["topics"]}
    # the tagger used the custom model: only its labels can appear
    assert labels and labels <= {"cyber_fraud", "corruption", "drugs"}
