"""kk/ru/en term and stem lexicons: weak labels and the lexicon-only baseline.

The entries are data (``data/lexicon.tsv``): a label, a language, a pattern of
word prefixes and a hand-written example sentence. A pattern ``"торговл людьми"``
matches two consecutive words starting with ``торговл`` and ``людьми``; a prefix
ending in ``=`` must be the whole word (``"опг="``). Matching is on lower-cased text
with ``ё`` read as ``е``.

>>> lex = default_lexicon()
>>> lex.counts("Интернет-алаяқтар мен хакерлер")
{'cyber_fraud': 1, 'cybercrime': 1}
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import AnnotationError
from ..patterns.trie import trie_regex
from .labels import DATA


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    >>> Entry("organised_crime", "ru", "опг= интернет-мошенн", "...").words()
    (('опг', True), ('интернет', False), ('мошенн', False))
    """

    label: str
    lang: str
    pattern: str
    example: str

    def words(self) -> tuple[tuple[str, bool], ...]:
        """The pattern as ``(prefix, whole_word)`` pairs; hyphens separate words like spaces."""
        out = []
        for word in re.split(r"[\s\-]+", self.pattern.strip()):
            out.append((word[:-1], True) if word.endswith("=") else (word, False))
        return tuple(out)


def normalise(text: str) -> str:
    """Lower-case and fold ``ё`` to ``е``, the form patterns are written in.

    >>> normalise("ЁЛКА")
    'елка'
    """
    return text.lower().replace("ё", "е")


_TOKEN = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"[\s\-]+(\w+)")  # the next word, with only spaces or hyphens before it
_CACHE_MAX = 100_000


class Lexicon:
    """A compiled set of entries: counts hits per label in one pass over the words.

    Each word is looked up once (cached) for the entries whose first prefix it
    starts with; a multi-word entry then checks the next words, which must be
    separated by spaces or hyphens only. At each word the most specific matching
    entry wins (more words, then a longer first prefix: ``кибермошенн`` before
    ``кибер``) and its words are consumed, so hits never overlap.

    >>> lex = Lexicon([Entry("drugs", "ru", "наркот", "Изъяты наркотики.")])
    >>> lex.counts("Наркотики и наркотические средства")
    {'drugs': 2}
    >>> lex.matches("Изъяты наркотики.")
    [(7, 16, 'drugs')]
    """

    def __init__(self, entries: Sequence[Entry], combos: Sequence[Combo] = ()) -> None:
        self.entries = tuple(entries)
        self.combos = tuple(combos)
        self.labels = tuple(dict.fromkeys([e.label for e in self.entries] + [c.label for c in self.combos]))
        self._words = [e.words() for e in self.entries]
        self._first: dict[str, list[int]] = {}
        for i, ws in enumerate(self._words):
            self._first.setdefault(ws[0][0], []).append(i)
        self._cache: dict[str, tuple[int, ...]] = {}
        # only words starting with a first prefix can start a hit: one regex finds them,
        # so the Python loop runs over the few candidate words, not over every word
        self._candidate = re.compile(r"\b(?:" + trie_regex(p for p in self._first if _TOKEN.fullmatch(p)) + r")\w*")

    def _starts(self, word: str) -> tuple[int, ...]:
        """Entries whose first word matches ``word``, the most specific first (see :meth:`_rank`;
        a stable sort keeps the lexicon's order among equals, so the first that matches wins)."""
        hit = self._cache.get(word)
        if hit is None:
            found = []
            for n in range(1, len(word) + 1):
                for i in self._first.get(word[:n], ()):
                    prefix, whole = self._words[i][0]
                    if not whole or n == len(word):
                        found.append(i)
            hit = tuple(sorted(found, key=self._rank, reverse=True))
            if len(self._cache) < _CACHE_MAX:
                self._cache[word] = hit
        return hit

    def _rank(self, i: int) -> tuple[int, int]:
        """More words first, then the longer first prefix: the most specific entry wins."""
        return len(self._words[i]), len(self._words[i][0][0])

    def _rest_matches(self, i: int, end: int, text: str) -> int:
        """End of entry ``i`` when its later words follow the word ending at ``end`` (spaces or
        hyphens between), else -1."""
        for prefix, whole in self._words[i][1:]:
            nxt = _NEXT_WORD.match(text, end)
            if nxt is None:
                return -1
            w = nxt.group(1)
            if not (w == prefix if whole else w.startswith(prefix)):
                return -1
            end = nxt.end()
        return end

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping hits as ``(start, end, label)`` (offsets in the lower-cased text)."""
        text = normalise(text)
        out: list[tuple[int, int, str]] = []
        pos = 0
        for word in self._candidate.finditer(text):
            start, end = word.span()
            if start < pos:
                continue  # inside the last hit's later words
            for i in self._starts(word.group()):
                stop = self._rest_matches(i, end, text) if len(self._words[i]) > 1 else end
                if stop >= 0:
                    out.append((start, stop, self.entries[i].label))
                    pos = stop
                    break
        return out

    def counts(self, text: str) -> dict[str, int]:
        """Number of hits per label, helper labels included (labels without hits are left out).

        A combination adds, to its label, as many hits as its least frequent helper has.
        """
        out: dict[str, int] = {}
        for _, _, label in self.matches(text):
            out[label] = out.get(label, 0) + 1
        for c in self.combos:
            n = min(out.get(h, 0) for h in c.needs)
            if n:
                out[c.label] = out.get(c.label, 0) + n
        return out

    def scores(self, text: str, labels: Sequence[str]) -> list[float]:
        """A score in [0, 1) per label: ``1 - exp(-hits)`` (one hit gives 0.63).

        >>> default_lexicon().scores("Есірткі", ["drugs", "corruption"])
        [0.632..., 0.0]
        """
        c = self.counts(text)
        return [1.0 - math.exp(-c.get(lab, 0)) for lab in labels]


@dataclass(frozen=True)
class Combo:
    """A label that holds when every helper label has a hit in the same text.

    >>> Combo("cyber_fraud", ("fraud", "ict"), "...").needs
    ('fraud', 'ict')
    """

    label: str
    needs: tuple[str, ...]
    example: str


def _tsv_rows(path: Path, header: list[str]) -> list[list[str]]:
    rows = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    if not rows or rows[0].split("\t") != header:
        raise AnnotationError(f"{path}: expected a header {', '.join(header)!r}")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        cells = [c.strip() for c in row.split("\t")]
        if len(cells) != len(header) or not all(cells):
            raise AnnotationError(f"{path}: data row {n} needs {len(header)} non-empty tab-separated cells: {row!r}")
        out.append(cells)
    return out


def read_combos(path: str | Path) -> list[Combo]:
    """Read a combination TSV (``label, needs, example``).

    >>> [(c.label, c.needs) for c in read_combos(DATA / "combos.tsv")][-1]
    ('cyber_fraud', ('fraud', 'cybercrime'))
    """
    return [Combo(lab, tuple(needs.split()), ex) for lab, needs, ex in _tsv_rows(Path(path), ["label", "needs", "example"])]


def read_lexicon(path: str | Path) -> list[Entry]:
    """Read a lexicon TSV (``label, lang, pattern, example``; ``#`` lines are comments).

    >>> len(read_lexicon(DATA / "lexicon.tsv")) > 50
    True
    """
    return [Entry(*cells) for cells in _tsv_rows(Path(path), ["label", "lang", "pattern", "example"])]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped kk/ru/en lexicon (cached).

    >>> "corruption" in default_lexicon().labels
    True
    """
    return Lexicon(read_lexicon(DATA / "lexicon.tsv"), read_combos(DATA / "combos.tsv"))


def lexicon_for(labels: Iterable[str]) -> Lexicon:
    """The shipped lexicon restricted to ``labels`` and the helpers their combinations need.

    >>> lexicon_for(["drugs"]).labels
    ('drugs',)
    >>> sorted(lexicon_for(["cyber_fraud"]).labels)
    ['cyber_fraud', 'cybercrime', 'fraud', 'ict']
    """
    lex = default_lexicon()
    combos = [c for c in lex.combos if c.label in set(labels)]
    wanted = set(labels).union(*(c.needs for c in combos))
    return Lexicon([e for e in lex.entries if e.label in wanted], combos)
