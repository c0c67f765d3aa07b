"""The library's exceptions. Each says what was expected and what was found."""

from __future__ import annotations


class KzlError(Exception):
    """Base class of every error raised by kzlegalnlp."""


class CorpusReadError(KzlError):
    """A file could not be read as a text document.

    >>> str(CorpusReadError("a.txt", "empty file (0 bytes)"))
    'a.txt: empty file (0 bytes)'
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class EmptyFileError(CorpusReadError):
    """The file holds no text."""


class BinaryFileError(CorpusReadError):
    """The file looks binary (NUL bytes or control characters), not text."""


class DecodeError(CorpusReadError):
    """The bytes are not UTF-8, UTF-16 (with BOM) or Windows-1251."""


class UnsupportedFormatError(CorpusReadError):
    """The file extension is not one the loader reads."""


class MissingExtraError(KzlError, ImportError):
    """An optional dependency is needed for this feature.

    >>> print(MissingExtraError("pypdf", "pdf", "reading PDF files"))
    reading PDF files needs the optional package 'pypdf': pip install 'kzlegalnlp[pdf]'
    """

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package, self.extra = package, extra
        super().__init__(
            f"{feature} needs the optional package {package!r}: pip install 'kzlegalnlp[{extra}]'"
        )


class ModelError(KzlError):
    """A model directory is missing, incomplete or fails its integrity check."""


class AnnotationError(KzlError):
    """A gold or training file does not follow its documented format."""


class ConfigError(KzlError, ValueError):
    """An argument has a value outside the accepted ones."""


def require(package: str, extra: str, feature: str):
    """Import ``package`` or raise :class:`MissingExtraError` naming the extra.

    >>> require("json", "dev", "testing").__name__
    'json'
    """
    import importlib

    try:
        return importlib.import_module(package)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtraError(package, extra, feature) from exc
