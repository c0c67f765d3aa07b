"""Round trips: every character of every cleaned paragraph maps back to its source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlegalnlp.corpus import load_corpus
from kzlegalnlp.corpus.clean import HyphenRule, Layout, build_paragraph, group_lines, split_lines


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


# --- property test: any text, any layout, the map back holds --------------------------

_WORD = st.text(alphabet="абвқңәіөүұһABCxyz0123456789-.,«»", min_size=1, max_size=12)
_LINE = st.lists(_WORD, min_size=0, max_size=8).map(lambda ws: " ".join(ws))
_BREAK = st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n", "\n  ", "\n\t"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_LINE, _BREAK), min_size=1, max_size=15))
def test_round_trip_on_generated_text(parts) -> None:
    text = "".join(line + brk for line, brk in parts)
    lines = split_lines(text)
    rule = HyphenRule.from_text(text)
    for group in group_lines(lines, Layout.of(lines)):
        para = build_paragraph(group, rule, 0)
        for i, ch in enumerate(para.text):
            src = text[para.to_source(i)]
            assert src == ch or (ch == " " and src.isspace()), (text, para.text, i)
            assert group[0].number <= para.line_at(i) <= group[-1].number
