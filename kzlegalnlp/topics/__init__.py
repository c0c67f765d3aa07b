"""Topic classification of paragraphs and documents.

Six labels by default (:data:`DEFAULT_LABELS`), multi-label, a threshold per label.
``classify`` takes a :class:`~kzlegalnlp.records.Document` (document-level scores,
aggregated from paragraphs, with the evidence paragraphs) or a string (one
paragraph, or blank-line separated paragraphs read as a document).

>>> from kzlegalnlp.topics import classify
>>> t = classify("Интернет-алаяқтар банк қызметкері атынан қоңырау шалып, азаматтардың картасынан ақша ұрлаған.")
>>> t.primary
'cyber_fraud'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from .._resources import DATA_DIR
from ..records import Document, TopicScores
from .labels import DEFAULT_LABELS, MISSION_LABELS
from .model import TopicClassifier

DEFAULT_MODEL_DIR = DATA_DIR / "topic_model"


@lru_cache(maxsize=1)
def default_model() -> TopicClassifier:
    """The shipped model (``kzlegalnlp/data/topic_model``), loaded once and checked against its manifest.

    >>> default_model().classes_ == DEFAULT_LABELS
    True
    """
    return TopicClassifier.load(DEFAULT_MODEL_DIR)


def _resolve(model: Any) -> Any:
    if model is None:
        return default_model()
    if isinstance(model, (str, Path)):
        path = Path(model).resolve()
        manifest = path / "MANIFEST.json"
        # loaded once per process (callers such as the spaCy component pass the folder on every call);
        # a rewritten manifest means a new model and a fresh load
        return _load_cached(str(path), manifest.stat().st_mtime_ns if manifest.is_file() else 0)
    return model


@lru_cache(maxsize=4)
def _load_cached(path: str, stamp: int) -> Any:
    return load_model(path)


def load_model(path: str | Path) -> Any:
    """Load a model directory of either backend (linear or transformers), by its ``config.json``.

    >>> load_model(DEFAULT_MODEL_DIR).classes_[0]
    'cyber_fraud'
    """
    return TopicClassifier.load(path)


def classify(text_or_document: str | Document, *, model: Any = None) -> TopicScores:
    """Topic scores of a document (aggregated, with evidence) or of a text.

    Args:
        text_or_document: a :class:`Document`, or a string (one paragraph gives
            paragraph scores, several blank-line separated paragraphs a document).
        model: a fitted model, a model directory, or None for the shipped model.

    >>> classify("Чиновник получил взятку за выдачу разрешения.").labels
    ('corruption',)
    """
    m = _resolve(model)
    if isinstance(text_or_document, Document):
        return m.classify_document(text_or_document)
    return m.classify_text(str(text_or_document))


def classify_paragraphs(document: Document, *, model: Any = None) -> list[TopicScores]:
    """Paragraph-level scores for every paragraph of ``document``.

    >>> from kzlegalnlp.records import Document, Paragraph
    >>> doc = Document("d1", "x.txt", "news", "ru", None, (), None, None, 1, 1, 0, 10,
    ...                paragraphs=(Paragraph("Изъято 2 кг наркотиков.", 0, 23, 1, 1, "ru", 0),))
    >>> classify_paragraphs(doc)[0].labels
    ('drugs',)
    """
    return _resolve(model).classify_paragraphs(document)


__all__ = ["classify", "classify_paragraphs", "TopicClassifier", "default_model", "load_model",
           "DEFAULT_LABELS", "MISSION_LABELS", "DEFAULT_MODEL_DIR"]
