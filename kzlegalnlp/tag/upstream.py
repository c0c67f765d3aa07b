"""Wire the library's loader, classifier and extractors into tagging :class:`Steps`.

Imports happen here, inside functions, so ``import kzlegalnlp.tag`` stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

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


def build_steps(model: str | None = None) -> Steps:
    """The library's own steps; ``model`` is a topic-model folder (None: the shipped model).

    >>> from kzlegalnlp._resources import raw_dir
    >>> steps = build_steps()
    >>> doc = steps.load(raw_dir() / "news_kk_uz_drug_crime_meeting.txt", None)[0]
    >>> steps.classify(doc).primary
    'drugs'
    """
    from ..topics import classify, classify_paragraphs, default_model, load_model
    from ..extract.articles import extract_articles
    from ..extract.statistics import extract_statistics

    topic_model = load_model(model) if model else default_model()

    def doc_topics(doc: Document) -> TopicScores:
        return classify(doc, model=topic_model)

    def par_topics(doc: Document) -> list[TopicScores]:
        return classify_paragraphs(doc, model=topic_model)

    return Steps(load=load_file, articles=extract_articles, statistics=extract_statistics,
                 classify=doc_topics, classify_paragraphs=par_topics,
                 prepare=getattr(topic_model, "prime", None))
