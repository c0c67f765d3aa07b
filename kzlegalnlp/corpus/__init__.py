"""Reading, cleaning and splitting legal texts into documents.

>>> from kzlegalnlp.corpus import load_corpus, detect_lang
>>> corpus = load_corpus()
>>> corpus[0].source, detect_lang("Қылмыстық кодекс")
('news_kk_2025-12-10_minister_interview_digital_policing.txt', 'kk')
"""

from __future__ import annotations

from .collection import Corpus, load_corpus
from .lang import detect_lang

__all__ = ["Corpus", "load_corpus", "detect_lang"]
