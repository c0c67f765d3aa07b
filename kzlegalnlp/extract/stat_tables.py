"""Cells of flattened tables: rows of numbers printed one row per line.

PDF extraction flattens a table into lines. What survives and is used here:

* a **header** line holding only consecutive years ("2018 2019 2020 2021");
* **rows**: a line ending in a run of number cells ("(206-бап) 13 6 12 9 40",
  "Барлығы 168 6 83 52,9% 147 11 92 70%"); an empty cell shows as a second
  space ("5 6 4  15");
* the **row label**: the text between the previous row and this one, where an
  article reference ("205-бабы", "(206-бап)", "ст. 158") gives ``article``.

With ``n`` header years a row of ``n`` cells maps cell ``i`` to year ``i``; a row
of ``n + 1`` cells ends with a total (year None); ``k * n`` cells are ``k``
columns per year. Rows that fit none of these keep ``year=None``; a shorter row
is still a row when its last cell is the sum of the others (a total after empty
cells whose doubled spaces were collapsed). A document's cleaned paragraphs lose
those doubled spaces, so for documents the printed source line of each row is
passed along and gives the columns (``raw_lines``). A line of
three or more numbers without a header is still split into cells (so "535 127
142" is never read as one grouped number), with ``year=None``.

>>> t = "2018 2019\\nАлаяқтық (190-бап) 517 7769 8286\\n"
>>> [(c.value, c.year, c.article) for c in table_cells(t, split_lines(t))]
[(517.0, 2018, '190'), (7769.0, 2019, '190'), (8286.0, None, '190')]
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Sequence

from ..patterns.numbers import parse_number

HEADER_RE = re.compile(r"^\s*((?:19|20)\d\d)(?:\s+(?:19|20)\d\d)+\s*$")
CELL_RE = re.compile(r"\d+(?:[.,]\d+)?%?")
ARTICLE_RE = re.compile(
    r"(\d+(?:[.\-]\d+)*)\s*-?\s*(?:бап|баб)|(?:ст\.|статья|статьи|article)\s*(\d+(?:[.\-]\d+)*)",
    re.IGNORECASE,
)
MAX_GAP_LINES = 40  # a table ends when this many non-empty lines pass without a row
MAX_GAP_CHARS = 4000  # ... or this many characters (lines without numbers may be skipped)


@dataclass(frozen=True)
class Cell:
    """One table cell: its span in the text, value, unit, year and row article.

    >>> Cell(0, 3, 517.0, "count", 2018, "190").year
    2018
    """

    start: int
    end: int
    value: float
    unit: str
    year: int | None
    article: str | None
    row: int = 0  # offset of the row's first cell


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``.

    >>> split_lines("ab\\ncd")
    [(0, 2), (3, 5)]
    """
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _years(line: str) -> list[int] | None:
    if not HEADER_RE.match(line):
        return None
    years = [int(y) for y in line.split()]
    ok = all(b == a + 1 for a, b in zip(years, years[1:]))
    return years if ok else None


def row_run(line: str) -> tuple[int, list[tuple[int, str]]] | None:
    """Trailing run of number cells of a line: (its start, [(offset, cell)]), or None.

    Tokens are read right to left (linear time); an empty cell is a doubled space.

    >>> row_run("Барлығы 5 6  15 ")
    (8, [(8, '5'), (10, '6'), (12, ''), (13, '15')])
    """
    stripped = line.rstrip()
    toks = stripped.split(" ")
    cells: list[tuple[int, str]] = []
    pos, empties = len(stripped), 0
    for tok in reversed(toks):
        start = pos - len(tok)
        if tok and CELL_RE.fullmatch(tok):
            cells.append((start, tok))
            empties = 0
        elif not tok and cells and empties < 3:
            cells.append((start, tok))
            empties += 1
        else:
            break
        pos = start - 1
    while cells and not cells[-1][1]:
        cells.pop()
    if len(cells) < 2:
        return None
    cells.reverse()
    return cells[0][0], cells


def _is_total_row(values: list[float]) -> bool:
    """True when the last cell is the sum of the others ("5 6 4 15")."""
    return len(values) >= 2 and abs(values[-1] - sum(values[:-1])) < 1e-9


def _year_of(i: int, ncells: int, years: list[int] | None, total: bool = False) -> int | None:
    """Year of cell ``i`` of a row of ``ncells`` under ``years``; None when unknown.

    ``total``: the row ends with the sum of its other cells; with no more cells
    than years, empty cells were lost and no cell's year can be told.
    """
    if not years:
        return None
    n = len(years)
    if total and ncells <= n:
        return None
    if ncells == n:
        return years[i]
    if ncells == n + 1:
        return years[i] if i < n else None
    if ncells % n == 0:
        return years[i // (ncells // n)]
    return None  # empty cells lost (a cleaner collapsed the doubled spaces): unknown


def _article(label: str) -> str | None:
    m = ARTICLE_RE.search(label)
    return (m.group(1) or m.group(2)) if m else None


NUMERIC_END_RE = re.compile(r"[\d%][ \t\r]*(?:\n|$)")


def numeric_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` that end in a digit or "%" (rows, headers).

    Found from their last character, so the cost is one fast scan of the text.

    >>> numeric_lines("Кесте\\n2018 2019\\nтекст\\n5 6")
    [(6, 15), (22, 25)]
    """
    out = []
    for m in NUMERIC_END_RE.finditer(text):
        end = m.end() - 1 if text[m.end() - 1:m.end()] == "\n" else m.end()
        out.append((text.rfind("\n", 0, m.start()) + 1, end))
    return out


# Characters a line of prose ends in: no digit, no "%" and no white space.
PROSE_ENDS = frozenset(".,;:!?)]}»\"'…" + string.ascii_letters
                       + "".join(map(chr, range(0x410, 0x450))) + "ЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ")


def _row_candidates(text: str, lines: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes of the ``lines`` that may be rows or headers: all but those ending in
    :data:`PROSE_ENDS`, before one space at most (a document's line ends in the space
    that joins it to the next). The lines between two candidates are non-empty prose,
    passed over without a slice and a strip each.

    >>> _row_candidates("Кесте. 2018 2019\\n\\nтекст", [(0, 7), (7, 16), (17, 17), (18, 23)])
    [1, 2]
    """
    out, n = [], len(text)
    for k, (ls, le) in enumerate(lines):
        end = le - 1 if ls < le - 1 < n and text[le - 1] == " " else le
        if end <= ls or end > n or text[end - 1] not in PROSE_ENDS:
            out.append(k)
    return out


def _cell_slots(run: tuple[int, list[tuple[int, str]]], raw: str | None
                ) -> tuple[list[tuple[int, str, int]], int]:
    """(offset, token, column) of each cell of ``run`` and the row's column count.

    ``raw`` is the printed line the row was cleaned from: its doubled spaces still
    show the empty cells a cleaner collapsed ("5 6 4  15" cleaned to "5 6 4 15"),
    so its columns are used when it holds the same numbers.

    >>> _cell_slots(row_run("5 6 4 15"), "5 6 4  15")
    ([(0, '5', 0), (2, '6', 1), (4, '4', 2), (6, '15', 4)], 5)
    """
    cells = run[1]
    raw_run = row_run(raw) if raw else None
    if raw_run and [t for _, t in raw_run[1] if t] == [t for _, t in cells if t]:
        columns = [i for i, (_, t) in enumerate(raw_run[1]) if t]
        clean = [(off, t) for off, t in cells if t]
        return [(off, t, i) for (off, t), i in zip(clean, columns)], len(raw_run[1])
    return [(off, t, i) for i, (off, t) in enumerate(cells) if t], len(cells)


def table_cells(text: str, lines: Sequence[tuple[int, int]],
                raw_lines: Sequence[str | None] | None = None) -> list[Cell]:
    """Cells of the flattened tables of ``text`` (see the module rules).

    Args:
        text: The text.
        lines: (start, end) offsets of its printed lines, in order.
        raw_lines: The printed source line of each of ``lines`` when ``text`` was
            cleaned (spaces collapsed), so empty cells can still be told; or None.

    >>> t = "5 6 4  15"
    >>> [c.value for c in table_cells(t, split_lines(t))]
    [5.0, 6.0, 4.0, 15.0]
    >>> t = "2018 2019 2020 2021\\n5 6 4 15"
    >>> [c.year for c in table_cells(t, split_lines(t), [None, "5 6 4  15"])]
    [2018, 2019, 2020, None]
    """
    out: list[Cell] = []
    years: list[int] | None = None
    gap, label_from, last_row = 0, 0, 0
    prev = -1
    for k in _row_candidates(text, lines):
        gap += k - prev - 1  # the lines passed over end in prose: non-empty, no row
        prev = k
        if gap > MAX_GAP_LINES:
            years = None
        ls, le = lines[k]
        if years is not None and ls - last_row > MAX_GAP_CHARS:
            years = None
        line = text[ls:le].rstrip()
        if not line:
            continue
        if not (line[-1].isdigit() or line[-1] == "%"):  # rows and headers end in a number
            gap += 1
            if gap > MAX_GAP_LINES:
                years = None
            continue
        header = _years(line)
        if header:
            years, gap, label_from, last_row = header, 0, le, le
            continue
        run = row_run(line)
        slots, ncells = _cell_slots(run, raw_lines[k] if raw_lines else None) if run else ([], 0)
        whole = run is not None and not line[: run[0]].strip()
        values = [parse_number(t.rstrip("%")) for _, t, _ in slots]
        in_table = years is not None and (ncells >= len(years) or _is_total_row(values))
        if run and (in_table or whole and ncells >= 3):
            article = _article(text[max(label_from, ls + run[0] - 2000): ls + run[0]])
            total = _is_total_row(values)
            for off, tok, i in slots:
                unit = "percent" if tok.endswith("%") else "count"
                out.append(Cell(ls + off, ls + off + len(tok), parse_number(tok.rstrip("%")),
                                unit, _year_of(i, ncells, years, total), article, ls + run[0]))
            gap, label_from, last_row = 0, le, le
            continue
        gap += 1
        if gap > MAX_GAP_LINES:
            years = None
    return out


__all__ = ["Cell", "table_cells", "split_lines", "numeric_lines"]
