"""The Corpus object: sequence protocol, filters, exports."""

from __future__ import annotations

import json

import pytest

from kzlegalnlp.corpus import Corpus, load_corpus
from kzlegalnlp.errors import ConfigError
from kzlegalnlp.records import Document


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def test_bundled_corpus_loads_without_problems(corpus) -> None:
    assert not corpus.problems
    assert len(corpus) == 33
    assert {d.source for d in corpus} == set(corpus.texts)
    assert [d.kind for d in corpus.filter(kind="news")] == ["news"] * 4


def test_sequence_protocol(corpus) -> None:
    assert isinstance(corpus[0], Document)
    assert corpus[-1] is list(corpus)[-1]
    sub = corpus[2:5]
    assert isinstance(sub, Corpus) and len(sub) == 3
    doc = corpus[3]
    assert corpus[doc.doc_id] is doc
    with pytest.raises(KeyError):
        corpus["no-such-id"]


def test_filter_by_kind_and_language(corpus) -> None:
    ru_papers = corpus.filter(kind="paper", lang="ru")
    assert len(ru_papers) == 11
    assert all(d.kind == "paper" and d.lang == "ru" for d in ru_papers)
    both = corpus.filter(kind=("programme", "resolution"))
    assert sorted({d.kind for d in both}) == ["programme", "resolution"] and len(both) == 4
    assert len(corpus.filter(lang="en")) == 1
    assert len(corpus.filter(where=lambda d: bool(d.authors))) == 3
    with pytest.raises(ConfigError, match="unknown kind"):
        corpus.filter(kind="article")
    with pytest.raises(ConfigError, match="unknown lang"):
        corpus.filter(lang="de")


def test_documents_and_paragraphs_are_frozen(corpus) -> None:
    with pytest.raises(AttributeError):
        corpus[0].title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        corpus[0].paragraphs[0].text = "x"  # type: ignore[misc]


def test_to_jsonl_round_trips(corpus, tmp_path) -> None:
    path = corpus.to_jsonl(tmp_path / "c.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == [d.doc_id for d in corpus]
    first = records[0]
    assert first["paragraphs"][0]["text"] == corpus[0].paragraphs[0].text
    assert "pieces" not in first["paragraphs"][0] and first["schema_version"]


def test_to_pandas(corpus) -> None:
    docs = corpus.to_pandas()
    assert len(docs) == len(corpus) and list(docs["doc_id"]) == [d.doc_id for d in corpus]
    paras = corpus.to_pandas(level="paragraph")
    assert len(paras) == sum(len(d.paragraphs) + len(d.references) for d in corpus)
    assert set(paras["part"]) == {"body", "references"}
    with pytest.raises(ConfigError):
        corpus.to_pandas(level="sentence")


def test_to_dataset_declares_features(corpus) -> None:
    ds = corpus.to_dataset()
    assert ds.num_rows == len(corpus)
    assert ds.features["authors"].feature.dtype == "string"
    assert ds[4]["authors"] == list(corpus[4].authors)
    paras = corpus.filter(kind="news").to_dataset(level="paragraph")
    assert paras.features["line_start"].dtype == "int32"
    assert paras.num_rows == sum(len(d.paragraphs) for d in corpus.filter(kind="news"))
