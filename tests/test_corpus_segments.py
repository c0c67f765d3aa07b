"""The loader reproduces the hand-made gold segmentation of the proceedings file."""

from __future__ import annotations

import json

import pytest

from kzlegalnlp._resources import annotations_dir
from kzlegalnlp.corpus import load_corpus


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((annotations_dir() / "segments.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs(gold):
    corpus = load_corpus()
    return corpus.filter(source=gold["source"]), corpus.texts[gold["source"]]


def _norm(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def test_same_boundaries(gold, docs) -> None:
    found = [(d.line_start, d.line_end) for d in docs[0]]
    expected = [(g["line_start"], g["line_end"]) for g in gold["documents"]]
    assert found == expected


@pytest.mark.parametrize("field", ["kind", "lang"])
def test_same_kind_and_language(gold, docs, field) -> None:
    found = [(d.line_start, getattr(d, field)) for d in docs[0]]
    expected = [(g["line_start"], g[field]) for g in gold["documents"]]
    assert found == expected


def test_same_titles(gold, docs) -> None:
    for d, g in zip(docs[0], gold["documents"]):
        if g["title"] is None:
            # no printed title: the loader derives one from the first sentence and says so
            assert d.title_derived and d.title, d.line_start
        else:
            assert not d.title_derived
            assert _norm(d.title) == _norm(g["title"]), d.line_start


def test_same_authors(gold, docs) -> None:
    for d, g in zip(docs[0], gold["documents"]):
        assert list(d.authors) == g["authors"], d.line_start


def test_references_kept_apart(gold, docs) -> None:
    for d, g in zip(docs[0], gold["documents"]):
        if "references_from" in g:
            assert d.references and d.references[0].line_start == g["references_from"]
            assert all(p.line_end < g["references_from"] for p in d.paragraphs)
        else:
            assert not d.references, d.line_start


def test_every_non_blank_line_in_exactly_one_document(docs) -> None:
    documents, text = docs
    lines = text.split("\n")
    owners = [0] * len(lines)
    for d in documents:
        for n in range(d.line_start, d.line_end + 1):
            owners[n - 1] += 1
    for n, line in enumerate(lines, 1):
        if line.strip():
            assert owners[n - 1] == 1, (n, line)


def test_paragraphs_stay_inside_their_document(docs) -> None:
    for d in docs[0]:
        for p in d.paragraphs + d.references:
            assert d.line_start <= p.line_start <= p.line_end <= d.line_end
            assert p.lang in ("kk", "ru", "en")


def test_doc_ids_are_stable_and_unique(docs) -> None:
    ids = [d.doc_id for d in docs[0]]
    assert len(set(ids)) == len(ids)
    for d in docs[0]:
        assert d.doc_id == f"proceedings_2024-09-20_almaty_academy_conference:{d.kind}:L{d.line_start}"


def test_conference_date_from_programme(docs) -> None:
    assert {d.date for d in docs[0]} == {"2024-09-20"}
