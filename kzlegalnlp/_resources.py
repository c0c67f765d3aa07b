"""Where the bundled data lives, in a wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DATA_DIR = _PACKAGE / "data"


def corpus_dir() -> Path:
    """The bundled corpus folder (holding ``raw/``, ``annotations/``, ``README.md``).

    In an installed wheel it sits inside the package (``kzlegalnlp/data/corpus``);
    in a source checkout it is the repository's top-level ``corpus/``.
    """
    inside = DATA_DIR / "corpus"
    if (inside / "raw").is_dir():
        return inside
    return _PACKAGE.parent / "corpus"


def raw_dir() -> Path:
    """The folder of the bundled raw texts."""
    return corpus_dir() / "raw"


def annotations_dir() -> Path:
    """The folder of the bundled gold annotations."""
    return corpus_dir() / "annotations"


def codes_dir() -> Path:
    """The article tables of the legal codes, shipped as package data."""
    return DATA_DIR / "codes"
