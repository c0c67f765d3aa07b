"""The shipped topic model on held-out texts: hand-written news, press releases and papers outside the corpus.

``tests/data/topics_heldout.jsonl`` holds kk/ru/en paragraphs (and a few short
documents) written in the style of real Kazakh, Russian and English sources and
labelled by reading, following the guideline in ``corpus/annotations/README.md``,
before the model was run on them. It was committed before the lexicon and the
document rule were improved, and it is never used for training or for lexicon
terms. The floors sit a little under the figures measured on the shipped model,
so a change that generalises worse fails here even when the corpus score holds.
"""

from __future__ import annotations

import json

import pytest

from kzlegalnlp.topics import MISSION_LABELS
from kzlegalnlp.topics.heldout import REPO_HELDOUT, HeldoutReport, evaluate_heldout_file, micro_f1

PARAGRAPH_MICRO_F1_FLOOR = 0.82  # 0.702 before the generalisation work; floors sit under the measured figures
DOCUMENT_MACRO_F1_FLOOR = 0.80
LANGUAGE_MICRO_F1_FLOOR = 0.75  # no language may fall far behind


@pytest.fixture(scope="module")
def report() -> HeldoutReport:
    return evaluate_heldout_file(REPO_HELDOUT)


def test_the_held_out_file_is_big_balanced_and_labelled() -> None:
    records = [json.loads(line) for line in REPO_HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [r for r in records if r.get("type") != "document"]
    langs = [r["lang"] for r in paragraphs]
    assert len(paragraphs) >= 60
    assert min(langs.count("kk"), langs.count("ru")) >= 25 and langs.count("en") >= 10
    for label in MISSION_LABELS:
        assert sum(label in r["labels"] for r in paragraphs) >= 8, label
    assert sum(not r["labels"] for r in paragraphs) >= 12  # negatives and passing mentions
    assert sum(r.get("type") == "document" for r in records) >= 5


def test_paragraph_micro_f1_on_mission_labels(report: HeldoutReport) -> None:
    assert report.micro_mission >= PARAGRAPH_MICRO_F1_FLOOR, "\n".join(report.lines())


def test_every_language_generalises(report: HeldoutReport) -> None:
    assert set(report.by_lang) == {"kk", "ru", "en"}
    assert min(report.by_lang.values()) >= LANGUAGE_MICRO_F1_FLOOR, report.by_lang


def test_short_documents_get_their_topics(report: HeldoutReport) -> None:
    assert report.n_documents >= 5
    assert report.document.macro_mission >= DOCUMENT_MACRO_F1_FLOOR, "\n".join(report.lines())


def test_negatives_and_passing_mentions_stay_unlabelled(report: HeldoutReport) -> None:
    for label in MISSION_LABELS:
        assert report.paragraph.per_label[label]["precision"] >= 0.8, (label, report.paragraph.per_label[label])


def test_micro_f1_counts_every_decision() -> None:
    import numpy as np

    assert micro_f1(np.zeros((2, 2), int), np.zeros((2, 2), int)) == 0.0
    assert micro_f1(np.array([[1, 1]]), np.array([[1, 0]])) == pytest.approx(0.667, abs=1e-3)


def test_any_held_out_file_can_be_scored(tmp_path) -> None:
    """Paragraphs of a document are read together, singles alone; documents use the model's rule."""
    records = [
        {"text": "Аким района задержан при получении взятки за землю.", "labels": ["corruption"], "doc": "d1",
         "lang": "ru"},
        {"text": "Агентство по противодействию коррупции направило дело в суд.", "labels": ["corruption"],
         "doc": "d1", "lang": "ru"},
        {"type": "document", "doc": "d1", "labels": ["corruption"]},
        {"text": "Есірткі сатушы ұсталды, 2 келі синтетикалық есірткі тәркіленді.", "labels": ["drugs"],
         "lang": "kk"},
        {"text": "The conference was opened by the rector.", "labels": [], "lang": "en"},
    ]
    path = tmp_path / "heldout.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    r = evaluate_heldout_file(path)
    assert (r.n_paragraphs, r.n_documents) == (4, 1)
    assert r.document.per_label["corruption"]["f1"] == 1.0 and r.paragraph.per_label["drugs"]["recall"] == 1.0
    assert set(r.by_lang) == {"ru", "kk", "en"} and r.by_lang["ru"] == 1.0
    text = "\n".join(r.lines(path.name))
    assert "heldout.jsonl" in text and "micro-F1" in text
