"""Wire the library's loader, classifier and extractors into tagging :class:`Steps`.

Imports happen here, inside functions, so ``import kzlegalnlp.tag`` stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

from ..records import Document, TopicScores
from .pipeline import Steps


def load_file(path: Path, root: Path | None) -> Sequence[Document]:
    """Documents of one file; ``source`` is its path relative to ``root`` (else its name).

    >>> from kzlegalnlp._resources import raw_dir
    >>> docs = load_file(raw_dir() / "news_kk_2026-01-16_internet_fraud_2025.txt", raw_dir())
    >>> docs[0].source, docs[0].kind
    ('news_kk_2026-01-16_internet_fraud_2025.txt', 'news')
    """
    from ..corpus.io import read_source
    from ..corpus.split import split_source

    name = path.relative_to(root).as_posix() if root else path.name
    return split_source(read_source(path, name=name))


def _scores_once(model: Any) -> Callable[[Document], tuple[TopicScores, list[TopicScores]]] | None:
    """Document and paragraph topics from one pass over the paragraphs.

    ``classify`` and ``classify_paragraphs`` each score every paragraph; for a
    model with the usual attributes we score once and aggregate as
    :meth:`DocumentMixin.classify_document` does (a test checks both agree).
    Returns None for a model without them: the runner then calls both.
    """
    from ..classify import aggregate

    if not all(hasattr(model, a) for a in ("predict_proba", "classes_", "thresholds_", "doc_thresholds_")):
        return None
    labels = list(model.classes_)

    def both(doc: Document) -> tuple[TopicScores, list[TopicScores]]:
        if not doc.paragraphs:
            return model.classify_document(doc), []
        P = model.predict_proba([p.text for p in doc.paragraphs]).reshape(-1, len(labels))
        ids = [p.index for p in doc.paragraphs]
        doc_scores = aggregate.document_topics(P, labels, model.thresholds_, model.doc_thresholds_,
                                               doc_id=doc.doc_id, paragraph_ids=ids)
        return doc_scores, [aggregate.paragraph_topics(P[i], labels, model.thresholds_, doc_id=doc.doc_id,
                                                       paragraph=k) for i, k in enumerate(ids)]

    return both


def build_steps(model: str | None = None) -> Steps:
    """The library's own steps; ``model`` is a topic-model folder (None: the shipped model)."""
    from ..classify import classify, classify_paragraphs, default_model, load_model
    from ..extract.articles import extract_articles
    from ..extract.statistics import extract_statistics

    topic_model = load_model(model) if model else default_model()

    def doc_topics(doc: Document) -> TopicScores:
        return classify(doc, model=topic_model)

    def par_topics(doc: Document) -> list[TopicScores]:
        return classify_paragraphs(doc, model=topic_model)

    return Steps(load=load_file, articles=extract_articles, statistics=extract_statistics,
                 classify=doc_topics, classify_paragraphs=par_topics, classify_both=_scores_once(topic_model))
