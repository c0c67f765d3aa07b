"""Records: offset maps and serialisation."""

import json

import pytest

from kzlegalnlp.records import ArticleRef, Document, Paragraph, Piece


def _paragraph() -> Paragraph:
    # source "ab\n\ncd": cleaned "ab cd", the space replaces the first newline
    return Paragraph(
        text="ab cd", char_start=0, char_end=6, line_start=1, line_end=3, lang="en", index=0,
        pieces=(Piece(0, 0, 2, 1), Piece(2, 2, 1, 1), Piece(3, 4, 2, 3)),
    )


@pytest.mark.parametrize(
    "start,end,expected",
    [(0, 2, (0, 2)), (3, 5, (4, 6)), (0, 5, (0, 6)), (1, 4, (1, 5)), (2, 2, (2, 2))],
)
def test_to_source_span(start, end, expected):
    assert _paragraph().to_source_span(start, end) == expected


def test_line_at_follows_pieces():
    p = _paragraph()
    assert [p.line_at(i) for i in range(5)] == [1, 1, 1, 3, 3]


def test_records_are_frozen_and_serialise():
    ref = ArticleRef(surface="ст. 190", char_start=0, char_end=7, article="190", topics=("cyber_fraud",))
    with pytest.raises(AttributeError):
        ref.article = "191"  # type: ignore[misc]
    assert json.loads(json.dumps(ref.to_dict()))["topics"] == ["cyber_fraud"]


def test_document_dict_has_body_and_schema_version():
    doc = Document("d1", "a.txt", "news", "kk", "T", (), None, None, 1, 3, 0, 6, (_paragraph(),))
    d = doc.to_dict()
    assert d["body"] == "ab cd" and d["schema_version"] == "1.0"
    assert "pieces" not in d["paragraphs"][0]
    assert "paragraphs" not in doc.to_dict(paragraphs=False)
