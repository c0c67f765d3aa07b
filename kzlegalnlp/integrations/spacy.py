"""spaCy components: ``kzl_articles``, ``kzl_statistics``, ``kzl_topics``, and a Kazakh language.

The components are registered as spaCy factories (entry points in
``pyproject.toml``), so ``nlp.add_pipe("kzl_articles")`` works in any pipeline,
``spacy.blank("ru")`` included. spaCy ships no Kazakh language: :class:`Kazakh`
(``lang = "kk"``) is registered through the ``spacy_languages`` entry point, so
``spacy.blank("kk")`` works too.

Findings go to ``doc.spans["articles"]`` and ``doc.spans["statistics"]``; each
span's ``span._.kzl`` is the record (:class:`~kzlegalnlp.records.ArticleRef` or
:class:`~kzlegalnlp.records.Statistic`). Records are stored in ``doc.user_data``
as plain dicts, so docs survive ``nlp.pipe(..., n_process=2)`` and ``DocBin``.
Topic scores go to ``doc.cats`` and ``doc._.kzl_topics``.

>>> nlp = spacy_pipeline("ru", topics=False)
>>> doc = nlp("Дело возбуждено по ч. 2 ст. 190 УК РК.")
>>> [(s.text, s._.kzl.code, s._.kzl.part) for s in doc.spans["articles"]]
[('ч. 2 ст. 190', 'KZ-UK', '2')]
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import ConfigError, require

spacy = require("spacy", "spacy", "the spaCy integration")

from spacy.language import BaseDefaults, Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.util import registry  # noqa: E402

from ..records import ArticleRef, Statistic, TopicScores  # noqa: E402

_STORE = "kzl"  # doc.user_data key holding the records as dicts
_KINDS = {"articles": ArticleRef, "statistics": Statistic}

__all__ = [
    "Kazakh", "ArticlesComponent", "StatisticsComponent", "TopicsComponent",
    "make_articles_component", "make_statistics_component", "make_topics_component",
    "spacy_pipeline",
]


class KazakhDefaults(BaseDefaults):
    """Tokenizer defaults for Kazakh: spaCy's language-independent rules, left to right."""

    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


@registry.languages("kk")
class Kazakh(Language):
    """A blank Kazakh pipeline (spaCy has no ``kk`` language of its own).

    >>> Kazakh()("ҚР ҚК 190-бабы").lang_
    'kk'
    """

    lang = "kk"
    Defaults = KazakhDefaults


def _record(span: Span) -> ArticleRef | Statistic | None:
    """The record behind a span, rebuilt from ``doc.user_data`` (the ``span._.kzl`` getter)."""
    kind, _, index = (span.id_ or "").partition(":")
    store = span.doc.user_data.get(_STORE, {}).get(kind)
    if kind not in _KINDS or store is None or not index.isdigit():
        return None
    data = dict(store[int(index)])
    for key in ("topics",):
        if isinstance(data.get(key), list):
            data[key] = tuple(data[key])
    return _KINDS[kind](**data)


def _topics(doc: Doc) -> TopicScores | None:
    data = doc.user_data.get(_STORE, {}).get("topics")
    if data is None:
        return None
    data = dict(data)
    data["labels"] = tuple(data.get("labels") or ())
    data["evidence"] = {k: tuple(v) for k, v in (data.get("evidence") or {}).items()}
    return TopicScores(**data)


if not Span.has_extension("kzl"):
    Span.set_extension("kzl", getter=_record)
if not Doc.has_extension("kzl_topics"):
    Doc.set_extension("kzl_topics", getter=_topics)


def _put_spans(doc: Doc, kind: str, spans_key: str, records: list, label: Callable[[Any], str]) -> Doc:
    """Store ``records`` as dicts and add one span per record to ``doc.spans[spans_key]``."""
    store = doc.user_data.setdefault(_STORE, {})
    store[kind] = [r.to_dict() for r in records]
    spans = []
    for i, r in enumerate(records):
        span = doc.char_span(r.char_start, r.char_end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label=label(r), span_id=f"{kind}:{i}"))
    doc.spans[spans_key] = spans
    return doc


class ArticlesComponent:
    """Puts article references into ``doc.spans[spans_key]`` (label: the code id, or ``ARTICLE``).

    >>> doc = ArticlesComponent()(spacy.blank("ru")("ст. 5 УК РК"))
    >>> [(s.text, s.label_) for s in doc.spans["articles"]]
    [('ст. 5', 'KZ-UK')]
    """

    def __init__(self, spans_key: str = "articles", default_code: str | None = None) -> None:
        self.spans_key, self.default_code = spans_key, default_code

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.articles import extract_articles

        refs = extract_articles(doc.text, default_code=self.default_code)
        return _put_spans(doc, "articles", self.spans_key, refs, lambda r: r.code or "ARTICLE")


class StatisticsComponent:
    """Puts statistics into ``doc.spans[spans_key]`` (label: the unit, e.g. ``COUNT``).

    >>> doc = StatisticsComponent()(spacy.blank("ru")("Зарегистрировано 1 500 преступлений."))
    >>> [s._.kzl.value for s in doc.spans["statistics"]]
    [1500.0]
    """

    def __init__(self, spans_key: str = "statistics") -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.statistics import extract_statistics

        stats = extract_statistics(doc.text)
        return _put_spans(doc, "statistics", self.spans_key, stats, lambda s: s.unit.upper())


class TopicsComponent:
    """Sets ``doc.cats`` to the topic scores (and ``doc._.kzl_topics`` to the record).

    >>> doc = TopicsComponent()(spacy.blank("ru")("Чиновник получил взятку."))
    >>> max(doc.cats, key=doc.cats.get)
    'corruption'
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._loaded: Any = None

    def __call__(self, doc: Doc) -> Doc:
        from ..topics import classify

        scores = classify(doc.text, model=self._model())
        doc.cats = {label: float(v) for label, v in scores.scores.items()}
        doc.user_data.setdefault(_STORE, {})["topics"] = scores.to_dict()
        return doc

    def _model(self) -> Any:
        if self.model is None:
            return None
        if self._loaded is None:
            self._loaded = self.model  # a directory path: classify loads and checks it
        return self._loaded


@Language.factory("kzl_articles", default_config={"spans_key": "articles", "default_code": None})
def make_articles_component(nlp: Language, name: str, spans_key: str,
                            default_code: str | None) -> ArticlesComponent:
    """Factory of the ``kzl_articles`` component.

    >>> import spacy
    >>> nlp = spacy.blank("ru"); _ = nlp.add_pipe("kzl_articles")
    >>> doc = nlp("ст. 205 УК РК")
    >>> [s.label_ for s in doc.spans["articles"]]
    ['KZ-UK']
    """
    return ArticlesComponent(spans_key, default_code)


@Language.factory("kzl_statistics", default_config={"spans_key": "statistics"})
def make_statistics_component(nlp: Language, name: str, spans_key: str) -> StatisticsComponent:
    """Factory of the ``kzl_statistics`` component.

    >>> import spacy
    >>> nlp = spacy.blank("kk"); _ = nlp.add_pipe("kzl_statistics")
    >>> doc = nlp("27 892 қылмыс тіркелді")
    >>> [s._.kzl.value for s in doc.spans["statistics"]]
    [27892.0]
    """
    return StatisticsComponent(spans_key)


@Language.factory("kzl_topics", default_config={"model": None})
def make_topics_component(nlp: Language, name: str, model: str | None) -> TopicsComponent:
    """Factory of the ``kzl_topics`` component (``model``: a model directory, None = shipped)."""
    return TopicsComponent(model)


def spacy_pipeline(lang: str = "ru", *, topics: bool = True) -> Language:
    """A blank ``ru``/``kk``/``en`` pipeline with the kzlegalnlp components.

    Args:
        lang: "ru", "kk" or "en".
        topics: add ``kzl_topics`` (loads the topic model on first use).

    Example:
        >>> spacy_pipeline("kk", topics=False).pipe_names
        ['kzl_articles', 'kzl_statistics']
    """
    if lang not in ("ru", "kk", "en"):
        raise ConfigError(f"spacy_pipeline: lang must be 'ru', 'kk' or 'en', not {lang!r}")
    nlp = Kazakh() if lang == "kk" else spacy.blank(lang)
    nlp.add_pipe("kzl_articles")
    nlp.add_pipe("kzl_statistics")
    if topics:
        nlp.add_pipe("kzl_topics")
    return nlp
