"""The :class:`Corpus` object and :func:`load_corpus`.

>>> corpus = load_corpus()
>>> len(corpus) > 5, corpus.problems
(True, ())
>>> corpus.filter(kind="news")[0].kind
'news'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, overload

from .._resources import raw_dir
from ..errors import ConfigError, CorpusReadError
from ..records import KINDS, LANGS, Document, LoadProblem
from .io import read_source
from .split import split_source


class Corpus(Sequence[Document]):
    """An ordered, immutable collection of documents, with the files that failed.

    Args:
        documents: The documents, in file and reading order.
        problems: Files that could not be loaded (folder loads only).
        texts: The decoded text of every source file, by ``Document.source``.

    >>> c = Corpus([], problems=[LoadProblem("x.txt", "empty file (0 bytes)")])
    >>> len(c), c.problems[0].path
    (0, 'x.txt')
    """

    def __init__(self, documents: Iterable[Document] = (), problems: Iterable[LoadProblem] = (),
                 texts: Mapping[str, str] | None = None) -> None:
        self._docs = tuple(documents)
        self.problems: tuple[LoadProblem, ...] = tuple(problems)
        self.texts: Mapping[str, str] = dict(texts or {})

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    @overload
    def __getitem__(self, key: int) -> Document: ...

    @overload
    def __getitem__(self, key: slice) -> "Corpus": ...

    def __getitem__(self, key: int | slice | str) -> Any:
        """A document by position or by ``doc_id``; a slice gives a :class:`Corpus`."""
        if isinstance(key, slice):
            return Corpus(self._docs[key], self.problems, self.texts)
        if isinstance(key, str):
            for doc in self._docs:
                if doc.doc_id == key:
                    return doc
            raise KeyError(f"no document with doc_id {key!r}")
        return self._docs[key]

    def __repr__(self) -> str:
        return f"Corpus({len(self)} documents, {len(self.problems)} problems)"

    def filter(self, kind: str | Sequence[str] | None = None, lang: str | Sequence[str] | None = None,
               source: str | None = None,
               where: Callable[[Document], bool] | None = None) -> "Corpus":
        """The documents that match every given condition.

        Args:
            kind: One kind or several (``programme``, ``participants``, ``paper``,
                ``resolution``, ``news``).
            lang: One language or several (``kk``, ``ru``, ``en``).
            source: A source file name.
            where: Any predicate on a :class:`Document`.

        Raises:
            ConfigError: an unknown kind or language.

        >>> c = load_corpus()
        >>> all(d.lang == "ru" and d.kind == "paper" for d in c.filter(kind="paper", lang="ru"))
        True
        """
        kinds = _as_set(kind, KINDS, "kind")
        langs = _as_set(lang, LANGS, "lang")
        docs = [d for d in self._docs
                if (kinds is None or d.kind in kinds) and (langs is None or d.lang in langs)
                and (source is None or d.source == source) and (where is None or where(d))]
        return Corpus(docs, self.problems, self.texts)

    def source_text(self, doc: Document) -> str:
        """The decoded text of the file ``doc`` comes from (offsets index into it).

        >>> c = load_corpus(); p = c[0].paragraphs[1]
        >>> c.source_text(c[0])[p.char_start:p.char_end] == p.text
        True
        """
        return self.texts[doc.source]

    def to_records(self, paragraphs: bool = False) -> list[dict[str, Any]]:
        """One JSON-ready dict per document (see :meth:`Document.to_dict`)."""
        return [d.to_dict(paragraphs=paragraphs) for d in self._docs]

    def to_jsonl(self, path: str | Path, paragraphs: bool = True) -> Path:
        """Write one JSON object per line (UTF-8) and return the path.

        >>> import tempfile, os
        >>> p = load_corpus()[:2].to_jsonl(os.path.join(tempfile.mkdtemp(), "c.jsonl"))
        >>> len(p.read_text(encoding="utf-8").splitlines())
        2
        """
        path = Path(path)
        with path.open("w", encoding="utf-8") as fh:
            for record in self.to_records(paragraphs=paragraphs):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return path

    def to_pandas(self, level: str = "document"):
        """A ``pandas.DataFrame``: one row per document, or per paragraph (``level="paragraph"``).

        >>> df = load_corpus().to_pandas()
        >>> {"doc_id", "kind", "lang", "title", "line_start", "body"} <= set(df.columns)
        True
        """
        import pandas as pd

        if level == "document":
            rows = self.to_records(paragraphs=False)
            for row in rows:
                row["authors"] = list(row["authors"])
            return pd.DataFrame(rows)
        if level == "paragraph":
            return pd.DataFrame(_paragraph_rows(self._docs))
        raise ConfigError(f"level must be 'document' or 'paragraph', not {level!r}")

    def to_dataset(self, level: str = "document"):
        """A Hugging Face ``datasets.Dataset`` with declared ``Features`` (extra ``hf``).

        >>> load_corpus().to_dataset(level="paragraph").features["line_start"].dtype
        'int32'
        """
        from .export import to_dataset

        return to_dataset(self, level)


def _paragraph_rows(docs: Iterable[Document]) -> list[dict[str, Any]]:
    rows = []
    for d in docs:
        for part, paras in (("body", d.paragraphs), ("references", d.references)):
            for p in paras:
                row = p.to_dict()
                row.update(doc_id=d.doc_id, source=d.source, kind=d.kind, part=part)
                rows.append(row)
    return rows


def _as_set(value: str | Sequence[str] | None, allowed: Sequence[str], name: str) -> set[str] | None:
    if value is None:
        return None
    values = {value} if isinstance(value, str) else set(value)
    unknown = values - set(allowed)
    if unknown:
        raise ConfigError(f"unknown {name} {sorted(unknown)}; expected one of {', '.join(allowed)}")
    return values


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load a file, a folder (recursively) or, with no argument, the bundled corpus.

    Args:
        path: A ``.txt``/``.pdf``/``.docx`` file or a folder. ``None``: the bundled corpus.

    Returns:
        A :class:`Corpus`. For a folder, files that fail are listed in
        ``Corpus.problems`` and the others still load.

    Raises:
        CorpusReadError: the path does not exist, or the single file given fails
            (a subclass names the cause: empty, binary, undecodable, unsupported).

    >>> sorted({d.kind for d in load_corpus()})
    ['news', 'paper', 'participants', 'programme', 'resolution']
    """
    root = Path(path) if path is not None else raw_dir()
    if root.is_file():
        src = read_source(root)
        return Corpus(split_source(src), (), {src.name: src.text})
    if not root.is_dir():
        raise CorpusReadError(str(root), "no such file or folder")
    docs: list[Document] = []
    problems: list[LoadProblem] = []
    texts: dict[str, str] = {}
    for file in _files(root):
        name = file.relative_to(root).as_posix()
        try:
            src = read_source(file, name=name)
            docs.extend(split_source(src))
            texts[name] = src.text
        except CorpusReadError as exc:
            problems.append(LoadProblem(str(file), exc.reason))
    return Corpus(docs, problems, texts)


def _files(root: Path) -> list[Path]:
    """Every non-hidden file under ``root``, sorted; unsupported ones fail in ``read_source``."""
    out = []
    for file in sorted(root.rglob("*")):
        rel = file.relative_to(root)
        if file.is_file() and not any(part.startswith(".") for part in rel.parts):
            out.append(file)
    return out


__all__ = ["Corpus", "load_corpus"]
