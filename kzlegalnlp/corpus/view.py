"""What ``kzlegal corpus`` prints: a table of documents, or their records as JSON.

>>> from kzlegalnlp.corpus import load_corpus
>>> rows = table_rows(load_corpus()[:1])
>>> rows[0][:3]
('1', 'news', 'kk')
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from ..errors import CorpusReadError
from .collection import Corpus, load_corpus

TITLE_WIDTH = 70
COLUMNS = ("#", "kind", "lang", "title", "authors", "lines", "source")


def table_rows(corpus: Corpus) -> list[tuple[str, ...]]:
    """One row of strings per document, in :data:`COLUMNS` order.

    >>> from kzlegalnlp.corpus import load_corpus
    >>> table_rows(load_corpus().filter(kind="resolution"))[1][1:3]
    ('resolution', 'ru')
    """
    rows = []
    for k, d in enumerate(corpus, 1):
        title = d.title or ""
        if len(title) > TITLE_WIDTH:
            title = title[:TITLE_WIDTH - 1] + "…"
        if d.title_derived:
            title = f"({title})"  # derived from the first sentence, not printed
        authors = "; ".join(d.authors)
        rows.append((str(k), d.kind, d.lang, title, authors, f"{d.line_start}-{d.line_end}", d.source))
    return rows


def print_table(corpus: Corpus, out: TextIO | None = None) -> None:
    """Print the documents as a rich table (titles in brackets were derived).

    >>> import io
    >>> from kzlegalnlp.corpus import load_corpus
    >>> buf = io.StringIO(); print_table(load_corpus()[:2], buf)
    >>> "2 documents" in buf.getvalue()
    True
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(corpus)} documents", show_lines=False)
    for name in COLUMNS:
        table.add_column(name, overflow="fold", no_wrap=name in ("#", "kind", "lang", "lines"))
    for row in table_rows(corpus):
        table.add_row(*row)
    Console(file=out or sys.stdout, width=160).print(table)


def run(path: str | None, as_json: bool = False, paragraphs: bool = False,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Load ``path`` (default: the bundled corpus) and print it; return the exit code.

    Exit codes: 0 loaded; 1 loaded, but some files of the folder failed (each is
    printed as a warning on stderr); 2 nothing loaded (bad path or bad file).

    >>> import io
    >>> buf = io.StringIO()
    >>> run(None, as_json=True, out=buf), json.loads(buf.getvalue())[0]["kind"]
    (0, 'news')
    """
    out, err = out or sys.stdout, err or sys.stderr
    try:
        corpus = load_corpus(path)
    except CorpusReadError as exc:
        print(f"error: {exc}", file=err)
        return 2
    if as_json:
        json.dump(corpus.to_records(paragraphs=paragraphs), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        print_table(corpus, out)
    for problem in corpus.problems:
        print(f"warning: {problem.path}: {problem.reason}", file=err)
    return 1 if corpus.problems else 0


__all__ = ["run", "print_table", "table_rows", "COLUMNS"]
