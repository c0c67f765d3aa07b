"""Wire the library's loader, classifier and extractors into tagging :class:`Steps`.

Imports happen here, inside functions, so ``import kzlegalnlp.tag`` stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..records import Document
from .pipeline import Steps


def input_suffixes() -> tuple[str, ...]:
    """File extensions the loader reads (a folder is searched for these).

    >>> ".txt" in input_suffixes()
    True
    """
    try:
        from ..corpus.io import SUFFIXES
    except ImportError:  # pragma: no cover - loader not installed yet
        return (".txt",)
    return tuple(SUFFIXES)


def load_file(path: Path, root: Path | None) -> Sequence[Document]:
    """Documents of one file; ``source`` is its path relative to ``root`` (else its name)."""
    from ..corpus import load_file as _load

    name = path.relative_to(root).as_posix() if root else path.name
    return _load(path, name=name)


def build_steps(model: str | None = None) -> Steps:
    """The library's own steps; ``model`` is a topic-model folder (None: the shipped model)."""
    from ..classify import classify, classify_paragraphs, load_model
    from ..extract.articles import extract_articles
    from ..extract.statistics import extract_statistics

    topic_model = load_model(model) if model else None

    def doc_topics(doc: Document):
        return classify(doc, model=topic_model)

    def par_topics(doc: Document):
        return classify_paragraphs(doc, model=topic_model)

    return Steps(load=load_file, articles=extract_articles, statistics=extract_statistics,
                 classify=doc_topics, classify_paragraphs=par_topics)
