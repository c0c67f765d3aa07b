"""The public verbs stay the functions, whatever submodules were imported before."""

from __future__ import annotations

import importlib
import inspect

import kzlegalnlp
from kzlegalnlp.records import TopicScores


def test_importing_every_subpackage_keeps_the_verbs_functions() -> None:
    for sub in ("corpus", "topics", "extract.articles", "extract.statistics", "tag", "report"):
        importlib.import_module(f"kzlegalnlp.{sub}")
    for name in ("load_corpus", "extract_articles", "extract_statistics", "classify"):
        assert inspect.isfunction(getattr(kzlegalnlp, name)), name
    assert inspect.isclass(kzlegalnlp.TopicClassifier) and inspect.isclass(kzlegalnlp.Corpus)


def test_classify_verb_returns_topic_scores() -> None:
    scores = kzlegalnlp.classify("Чиновник получил взятку за выдачу разрешения.")
    assert isinstance(scores, TopicScores)
    assert "corruption" in scores.labels


def test_dir_lists_exactly_the_public_names() -> None:
    assert dir(kzlegalnlp) == sorted(kzlegalnlp.__all__)
