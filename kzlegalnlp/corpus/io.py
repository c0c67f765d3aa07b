"""Reading files into text: encoding detection for ``.txt``, PDF and DOCX behind the ``pdf`` extra.

Encodings are tried in a fixed, documented order:

1. a byte-order mark decides (UTF-8 with BOM, UTF-16 LE/BE with BOM);
2. strict UTF-8;
3. a Cyrillic code page, accepted only when the result looks like text (letters,
   few control characters), because any byte string decodes in one: KZ-1048
   (the Windows code page for Kazakh) when the bytes hold Қ, Ә or Ң there, which
   Windows-1251 would read as Macedonian letters no Russian text has;
   otherwise Windows-1251.

The BOM is not part of the decoded text, so character offsets start at the
first real character. Line breaks are kept as they are (``\\r\\n`` stays), so
offsets point into the file as an editor shows it. For PDF (one printed line
per line, each page's first line indented by one space) and DOCX (one
paragraph or table row per line, cells separated by a tab) offsets and line
numbers refer to the extracted text, which ``Corpus.texts`` keeps.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_bytes("Сот үкімі".encode("utf-16"))
>>> read_source(p).text, read_source(p).encoding
('Сот үкімі', 'utf-16')
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Sequence

from ..errors import (
    BinaryFileError,
    CorpusReadError,
    DecodeError,
    EmptyFileError,
    UnsupportedFormatError,
    require,
)

TEXT_SUFFIXES = (".txt", ".text")
SUFFIXES = TEXT_SUFFIXES + (".pdf", ".docx")

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
# why a file without text is empty, by type: a PDF without a text layer is a scan
_NO_TEXT = {
    ".pdf": "the PDF has no text layer (scanned pages? run OCR first)",
    ".docx": "the DOCX holds no text",
}
# Қ қ Ә ә Ң ң in KZ-1048; Ќ ќ Ј ј Ѕ ѕ (Macedonian, Serbian) in Windows-1251
_KAZAKH_1048_BYTES = re.compile(b"[\x8d\x9d\xa3\xbc\xbd\xbe]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class SourceText:
    """A decoded file: its path, the name used in records, the text and how it was decoded.

    >>> SourceText(Path("x/a.txt"), "a.txt", "text", "utf-8").stem
    'a'
    >>> SourceText(Path("x/2024/a.txt"), "2024/a.txt", "text", "utf-8").stem
    '2024/a'
    """

    path: Path
    name: str
    text: str
    encoding: str

    @property
    def stem(self) -> str:
        """The source name without its extension; folders stay, so that ``2024/a.txt`` and
        ``2025/a.txt`` of one folder load give different document ids."""
        name = PurePosixPath(self.name)
        return name.with_suffix("").as_posix() if name.suffix else name.as_posix()


def read_source(path: str | Path, name: str | None = None) -> SourceText:
    """Read and decode one file.

    Args:
        path: A ``.txt``, ``.pdf`` or ``.docx`` file.
        name: The name recorded as ``Document.source`` (default: the file name).

    Returns:
        The decoded :class:`SourceText`.

    Raises:
        CorpusReadError: (or a subclass) naming the file and the cause: unsupported
            extension, unreadable, empty, binary or undecodable.

    >>> read_source("/nonexistent/a.txt")
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.CorpusReadError: /nonexistent/a.txt: cannot read the file (No such file or directory)
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormatError(str(path), f"unsupported file type {suffix or '(none)'!r}; "
                                     f"expected one of {', '.join(SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusReadError(str(path), f"cannot read the file ({exc.strerror or exc})") from exc
    if not data:
        raise EmptyFileError(str(path), "empty file (0 bytes)")
    if suffix == ".pdf":
        text, encoding = _pdf_text(path), "pdf"
    elif suffix == ".docx":
        text, encoding = _docx_text(path), "docx"
    else:
        text, encoding = decode_bytes(data, str(path))
    if not text or text.isspace():  # nothing but white space (as ``not text.strip()``, without a copy)
        raise EmptyFileError(str(path), _NO_TEXT.get(suffix, "the file holds no text (only white space)"))
    return SourceText(path, name or path.name, text, encoding)


def decode_bytes(data: bytes, where: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` as UTF-8 (BOM optional), UTF-16 (BOM) or Windows-1251.

    Returns:
        ``(text, encoding)``.

    Raises:
        BinaryFileError: NUL bytes or control characters: not a text file.
        DecodeError: none of the encodings gives text.

    >>> decode_bytes("Қылмыс".encode("utf-8"))
    ('Қылмыс', 'utf-8')
    >>> decode_bytes("Преступление".encode("cp1251"))
    ('Преступление', 'cp1251')
    >>> decode_bytes("Қылмыстық іс".encode("kz1048"))
    ('Қылмыстық іс', 'kz1048')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(where, f"starts with a {encoding} byte-order mark but is not "
                                         f"valid {encoding} (byte {exc.start})") from exc
            return text.lstrip("\ufeff"), encoding.replace("-sig", "-bom")
    if b"\x00" in data:
        raise BinaryFileError(where, "binary file: it holds NUL bytes (not UTF-8/UTF-16/1251 text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _code_page_text(data, where)
    # white space only: the caller says "empty" (isspace stops at the first letter; strip copies the text)
    if text and not text.isspace() and not _utf8_looks_like_text(data, text):
        raise BinaryFileError(where, "binary file: too many control characters for a text file")
    return text, "utf-8"


def _code_page_text(data: bytes, where: str) -> tuple[str, str]:
    """Decode a file that is not UTF-8 with KZ-1048 or Windows-1251 (see the module docstring)."""
    encoding = "kz1048" if _KAZAKH_1048_BYTES.search(data) else "cp1251"
    text = data.decode(encoding, errors="replace")
    if not _looks_like_text(text, need_letters=True) or "\ufffd" in text:
        raise DecodeError(where, "cannot decode: not UTF-8, not UTF-16 with a BOM, and the "
                                 "Windows-1251 and KZ-1048 code pages give no readable text")
    return text, encoding


def _looks_like_text(text: str, need_letters: bool = False) -> bool:
    """True when at most 1% of the characters are control characters (and, if asked,
    there are letters: any byte string decodes in Windows-1251, so that guess needs them)."""
    controls = len(_CONTROL.findall(text))
    return controls <= len(text) * 0.01 and (not need_letters or _LETTER.search(text) is not None)


# the bytes of the control characters of ``_CONTROL``: in UTF-8 a byte below 0x80 is always
# that character itself (every byte of a longer sequence is 0x80 or above)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def _utf8_looks_like_text(data: bytes, text: str) -> bool:
    """:func:`_looks_like_text` of ``text``, decoded from the UTF-8 ``data``: its control
    characters counted as the bytes one ``bytes.translate`` deletes (in C, half the cost
    of a regex scan of the text).

    >>> _utf8_looks_like_text(b"ab\\x07" * 40, "ab\\x07" * 40), _utf8_looks_like_text(b"\\xd2\\x9a\\n", "Қ\\n")
    (False, True)
    """
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls <= len(text) * 0.01


def _pdf_text(path: Path) -> str:
    pypdf = require("pypdf", "pdf", "reading PDF files")
    try:
        with _pypdf_log_muted():
            reader = pypdf.PdfReader(str(path))
            pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types for broken files
        raise CorpusReadError(str(path), f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    # one printed line per text line; like the bundled PDF text, the first line
    # of each page is indented, which is how the splitter recognises a page top
    return "\n".join(" " + page.strip("\n") for page in pages if page.strip())


@contextlib.contextmanager
def _pypdf_log_muted() -> Iterator[None]:
    """pypdf logs repairs of broken files ("EOF marker not found") straight to the terminal;
    the file's problem is reported once, as an error naming it, so its log is muted meanwhile."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _docx_text(path: Path) -> str:
    docx = require("docx", "pdf", "reading DOCX files")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile/KeyError/ValueError alike
        raise CorpusReadError(str(path), f"not a readable DOCX ({type(exc).__name__}: {exc})") from exc
    return "\n".join(_docx_lines(document))


def _docx_lines(document: object) -> Iterator[str]:
    """One line per paragraph and per table row, in reading order; a row's cells are
    separated by a tab (figures in tables are often what a report is about)."""
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if hasattr(block, "rows"):
            for row in block.rows:
                yield "\t".join(_distinct_cells(row.cells))
        else:
            yield block.text


def _distinct_cells(cells: Sequence[Any]) -> list[str]:
    """Cell texts of a row; a merged cell, which python-docx repeats per grid column, once."""
    texts: list[str] = []
    previous = None
    for cell in cells:
        if cell._tc is not previous:  # the same XML element: one merged cell
            texts.append(" ".join(cell.text.split()))
        previous = cell._tc
    return texts


__all__ = ["SourceText", "read_source", "decode_bytes", "SUFFIXES", "TEXT_SUFFIXES"]
