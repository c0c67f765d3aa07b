"""kzlegalnlp: legal-text NLP for Kazakh and Russian.

Four verbs and the record types::

    import kzlegalnlp as kzl
    corpus = kzl.load_corpus()                 # the bundled corpus, split into documents
    refs = kzl.extract_articles("ч. 2 ст. 190 УК РК")
    stats = kzl.extract_statistics("27 892 интернет-алаяқтық қылмысы тіркелді")
    topics = kzl.classify(corpus[0])

Heavy dependencies (scikit-learn, spaCy, transformers) are imported only when a
verb needs them, so ``import kzlegalnlp`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .records import (
    SCHEMA_VERSION,
    ArticleRef,
    Document,
    LoadProblem,
    Paragraph,
    Statistic,
    TopicScores,
)

__version__ = "0.1.0"

# public name -> module that defines it; loaded on first use (PEP 562)
_LAZY = {
    "load_corpus": "kzlegalnlp.corpus",
    "Corpus": "kzlegalnlp.corpus",
    "extract_articles": "kzlegalnlp.extract.articles",
    "extract_statistics": "kzlegalnlp.extract.statistics",
    "classify": "kzlegalnlp.topics",
    "TopicClassifier": "kzlegalnlp.topics",
    "spacy_pipeline": "kzlegalnlp.integrations.spacy",
}

__all__ = [
    "load_corpus",
    "Corpus",
    "extract_articles",
    "extract_statistics",
    "classify",
    "TopicClassifier",
    "spacy_pipeline",
    "Document",
    "Paragraph",
    "ArticleRef",
    "Statistic",
    "TopicScores",
    "LoadProblem",
    "SCHEMA_VERSION",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kzlegalnlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover
    from .topics import TopicClassifier, classify
    from .corpus import Corpus, load_corpus
    from .extract.articles import extract_articles
    from .extract.statistics import extract_statistics
    from .integrations.spacy import spacy_pipeline
