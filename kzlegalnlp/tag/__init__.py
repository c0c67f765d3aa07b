"""Batch tagging: ``kzlegal tag`` writes documents, paragraphs, articles and statistics tables.

>>> from kzlegalnlp.tag import OUTPUT_TABLES
>>> OUTPUT_TABLES
('documents', 'paragraphs', 'articles', 'statistics')
"""

from __future__ import annotations

from .pipeline import Steps
from .runner import TagResult, default_factory, discover, tag
from .schema import ALL_TABLES, OUTPUT_TABLES, TABLES, json_schema

__all__ = ["tag", "discover", "default_factory", "Steps", "TagResult", "TABLES", "OUTPUT_TABLES",
           "ALL_TABLES", "json_schema"]
