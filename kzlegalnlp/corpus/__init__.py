"""Reading, cleaning and splitting legal texts into documents.

>>> from kzlegalnlp.corpus import detect_lang
>>> detect_lang("Қылмыстық кодекс")
'kk'
"""

from __future__ import annotations

from .lang import detect_lang

__all__ = ["detect_lang"]
