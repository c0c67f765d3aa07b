"""Atomic file writing: a temporary file in the same folder, then ``os.replace``.

An interrupted run therefore leaves either the previous complete file or the
new complete file, never a truncated one.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> with atomic_write(target) as fh:
...     _ = fh.write("{}\\n")
>>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
('{}\\n', ['a.jsonl'])
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Iterator


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; it replaces ``path`` only on success.

    For writers that want a file name (openpyxl, pyarrow).
    """
    path = Path(path)
    tmp = _tmp_name(path)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():  # failed or interrupted: leave the old file untouched
            tmp.unlink()


@contextlib.contextmanager
def atomic_write(path: Path, *, encoding: str = "utf-8", newline: str = "\n") -> Iterator[IO[str]]:
    """Open a text file for writing that appears complete or not at all."""
    with atomic_path(Path(path)) as tmp:
        with open(tmp, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the rename makes it visible


class TableWriters:
    """One atomic JSONL writer per table, opened and committed together.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with TableWriters(out, ["documents"]) as w:
    ...     w.write("documents", '{"a":1}')
    >>> (out / "documents.jsonl").read_text()
    '{"a":1}\\n'
    """

    def __init__(self, folder: Path, tables: list[str]) -> None:
        self._stack = contextlib.ExitStack()
        self._files: dict[str, IO[str]] = {}
        self._folder, self._tables = Path(folder), tables

    def __enter__(self) -> "TableWriters":
        for table in self._tables:
            self._files[table] = self._stack.enter_context(atomic_write(self._folder / f"{table}.jsonl"))
        return self

    def write(self, table: str, line: str) -> None:
        """Append one JSON line (without its newline) to ``table``."""
        self._files[table].write(line + "\n")

    def __exit__(self, *exc_info: object) -> bool | None:
        return self._stack.__exit__(*exc_info)
