"""Round trips: every character of every cleaned paragraph maps back to its source."""

from __future__ import annotations

import pytest

from kzlegalnlp.corpus import load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _check_paragraph(text: str, para) -> None:
    assert para.pieces, "paragraph without an offset map"
    for i, ch in enumerate(para.text):
        src = text[para.to_source(i)]
        if ch == " ":
            assert src.isspace(), (para.line_start, i, src)
        else:
            assert src == ch, (para.line_start, i, ch, src)
        line = para.line_at(i)
        assert para.line_start <= line <= para.line_end
    assert text[para.char_start] == para.text[0]
    assert text[para.char_end - 1] == para.text[-1] or para.text[-1] == " "


def test_every_character_maps_back(corpus) -> None:
    count = 0
    for doc in corpus:
        text = corpus.source_text(doc)
        for para in doc.paragraphs + doc.references:
            _check_paragraph(text, para)
            count += 1
    assert count > 500


def test_line_numbers_match_offsets(corpus) -> None:
    for doc in corpus:
        text = corpus.source_text(doc)
        for para in doc.paragraphs:
            for i in (0, len(para.text) // 2, len(para.text) - 1):
                offset = para.to_source(i)
                assert text.count("\n", 0, offset) + 1 == para.line_at(i)


def test_spans_round_trip_words(corpus) -> None:
    """A word of the cleaned text, mapped back, is the same word in the source (no hyphen inside)."""
    for doc in corpus.filter(kind="news"):
        text = corpus.source_text(doc)
        for para in doc.paragraphs:
            word = para.text.split()[1]
            start = para.text.index(word)
            s, e = para.to_source_span(start, start + len(word))
            assert text[s:e] == word


def test_document_offsets_cover_their_lines(corpus) -> None:
    for doc in corpus:
        text = corpus.source_text(doc)
        assert text.count("\n", 0, doc.char_start) + 1 == doc.line_start
        assert text.count("\n", 0, doc.char_end - 1) + 1 == doc.line_end
