"""The library's exceptions. Each says what was expected and what was found."""

from __future__ import annotations


class KzlError(Exception):
    """Base class of every error raised by kzlegalnlp: catch it to catch them all.

    >>> issubclass(EmptyFileError, KzlError) and issubclass(ModelError, KzlError)
    True
    """


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
    """The file holds no text.

    >>> EmptyFileError("a.txt", "empty file (0 bytes)").reason
    'empty file (0 bytes)'
    """


class BinaryFileError(CorpusReadError):
    """The file looks binary (NUL bytes or control characters), not text.

    >>> BinaryFileError("scan.jpg", "binary content (NUL bytes)").path
    'scan.jpg'
    """


class DecodeError(CorpusReadError):
    """The bytes are not UTF-8, UTF-16 (with BOM) or Windows-1251.

    >>> isinstance(DecodeError("a.txt", "not UTF-8, UTF-16 or Windows-1251"), CorpusReadError)
    True
    """


class UnsupportedFormatError(CorpusReadError):
    """The file extension is not one the loader reads.

    >>> print(UnsupportedFormatError("notes.odt", "unsupported extension '.odt'"))
    notes.odt: unsupported extension '.odt'
    """


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
    """A model directory is missing, incomplete or fails its integrity check.

    >>> print(ModelError("model/: arrays.npz fails its SHA-256 check"))
    model/: arrays.npz fails its SHA-256 check
    """


class AnnotationError(KzlError):
    """A gold or training file does not follow its documented format.

    >>> print(AnnotationError("my.jsonl:3: 'labels' must be a list, got str"))
    my.jsonl:3: 'labels' must be a list, got str
    """


class ConfigError(KzlError, ValueError):
    """An argument has a value outside the accepted ones (also a ``ValueError``).

    >>> isinstance(ConfigError("level must be 'document' or 'paragraph', got 'page'"), ValueError)
    True
    """


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
