"""The spaCy components: spans with records, cats, Kazakh language, entry points, multiprocessing."""

from __future__ import annotations

import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

from kzlegalnlp.errors import ConfigError  # noqa: E402
from kzlegalnlp.extract.articles import extract_articles  # noqa: E402
from kzlegalnlp.integrations.spacy import Kazakh, spacy_pipeline  # noqa: E402
from kzlegalnlp.records import ArticleRef, Statistic  # noqa: E402

TEXTS = {
    "ru": "Дело возбуждено по ч.ч. 2, 3 ст. 190 УК РК, а также по ст. 205 УК РК.",
    "kk": "ҚР ҚК 190-бабының 2-бөлігінің 4-тармағы бойынша 2023 жылы 1 200 қылмыс тіркелді.",
    "en": "Article 344 of the Criminal Code of the Republic of Kazakhstan was applied.",
}


@pytest.fixture(scope="module")
def nlp_no_topics():
    return {lang: spacy_pipeline(lang, topics=False) for lang in TEXTS}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_article_spans_carry_the_records(nlp_no_topics, lang: str) -> None:
    doc = nlp_no_topics[lang](TEXTS[lang])
    spans = list(doc.spans["articles"])
    expected = extract_articles(TEXTS[lang])
    assert [s._.kzl for s in spans] == expected
    for span, ref in zip(spans, expected):
        assert isinstance(span._.kzl, ArticleRef)
        assert span.start_char <= ref.char_start and ref.char_end <= span.end_char
        assert span.label_ == ref.code


def test_same_span_two_records(nlp_no_topics) -> None:
    doc = nlp_no_topics["ru"](TEXTS["ru"])
    parts = [(s.text, s._.kzl.part) for s in doc.spans["articles"]][:2]
    assert parts == [("ч.ч. 2, 3 ст. 190", "2"), ("ч.ч. 2, 3 ст. 190", "3")]


def test_blank_ru_with_add_pipe() -> None:
    nlp = spacy.blank("ru")
    nlp.add_pipe("kzl_articles", config={"spans_key": "refs"})
    doc = nlp("Согласно ст. 42 УПК РФ потерпевший вправе знакомиться с делом.")
    assert [(s.text, s._.kzl.code) for s in doc.spans["refs"]] == [("ст. 42", "RU-UPK")]


def test_kazakh_language_class() -> None:
    nlp = spacy.blank("kk")
    assert isinstance(nlp, Kazakh) and nlp.lang == "kk"
    nlp.add_pipe("kzl_articles")
    doc = nlp("ҚР ҚК 207, 210 және 213 бойынша")
    assert [s._.kzl.article for s in doc.spans["articles"]] == ["207", "210", "213"]


def test_statistics_spans(nlp_no_topics) -> None:
    doc = nlp_no_topics["kk"](TEXTS["kk"])
    stats = [s._.kzl for s in doc.spans["statistics"]]
    assert stats and all(isinstance(s, Statistic) for s in stats)
    assert 1200.0 in [s.value for s in stats]


def test_topics_set_cats() -> None:
    nlp = spacy_pipeline("ru")
    doc = nlp("Чиновник получил взятку за выдачу разрешения, дело по ст. 366 УК РК.")
    assert set(doc.cats) >= {"corruption", "cyber_fraud"}
    assert all(0.0 <= v <= 1.0 for v in doc.cats.values())
    assert doc._.kzl_topics.scores == pytest.approx(doc.cats)
    assert "corruption" in doc._.kzl_topics.labels


def test_displacy_renders_spans(nlp_no_topics) -> None:
    from spacy import displacy

    doc = nlp_no_topics["ru"](TEXTS["ru"])
    html = displacy.render(doc, style="span", options={"spans_key": "articles"})
    assert "KZ-UK" in html and "190" in html


def test_pipe_with_two_processes(nlp_no_topics) -> None:
    texts = [TEXTS["ru"], TEXTS["kk"], TEXTS["en"]] * 2
    docs = list(nlp_no_topics["ru"].pipe(texts, n_process=2, batch_size=2))
    got = [[s._.kzl.article for s in d.spans["articles"]] for d in docs]
    assert got == [[r.article for r in extract_articles(t)] for t in texts]


def test_docbin_round_trip(nlp_no_topics) -> None:
    from spacy.tokens import DocBin

    doc = nlp_no_topics["ru"](TEXTS["ru"])
    blob = DocBin(docs=[doc], store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(blob).get_docs(spacy.blank("ru").vocab))[0]
    assert [s._.kzl for s in back.spans["articles"]] == [s._.kzl for s in doc.spans["articles"]]


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="lang"):
        spacy_pipeline("de")


def test_entry_points_work_in_a_fresh_interpreter() -> None:
    code = (
        "import spacy, sys; nlp = spacy.blank('kk'); nlp.add_pipe('kzl_articles');"
        "doc = nlp('ҚР ҚК 205-бабы'); print(type(nlp).__name__, doc.spans['articles'][0]._.kzl.code)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Kazakh", "KZ-UK"]
