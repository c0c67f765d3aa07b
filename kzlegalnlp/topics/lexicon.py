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
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter, methodcaller
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..errors import AnnotationError
from ..patterns.trie import ranked_branches, trie_regex
from .features import TokenBatch, TokenValues
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


_WORD = re.compile(r"\w+")
_LASTINDEX = attrgetter("lastindex")
_START = methodcaller("start")
_TEXT_BREAK = "."  # between texts scanned as one string: no hit passes a "."
_WORD_START = re.compile(r"\b(?=\w)")
_FORMS_MAX = 500_000  # tokens whose scan form is kept
_NO_WORD = r"(?!\w)"  # a whole word: no letter or digit follows


def _word_regex(prefix: str, whole: bool) -> str | None:
    """A regex for one word of a pattern (a \\w run starting with ``prefix``, or equal to it when
    ``whole``); None when no word can match (a prefix with other characters, an empty whole word)."""
    if not prefix:
        return None if whole else r"\w+"
    if not _WORD.fullmatch(prefix):
        return None
    return re.escape(prefix) + (_NO_WORD if whole else r"\w*")


def _entry_tail(words: Sequence[tuple[str, bool]]) -> str | None:
    """What follows the first prefix of an entry: the rest of its first word, then each later
    word after spaces or hyphens; None when the entry can never match."""
    first, whole = words[0]
    later = [_word_regex(prefix, w) for prefix, w in words[1:]]
    if not first or not _WORD.fullmatch(first) or None in later:
        return None
    return (_NO_WORD if whole else r"\w*") + "".join(r"[\s\-]+" + str(rx) for rx in later)


class Lexicon:
    """A compiled set of entries: counts hits per label in one regex scan of the text.

    A hit starts at a word starting with an entry's first prefix; a multi-word entry
    needs its later words to follow, separated by spaces or hyphens only. At each word
    the most specific matching entry wins (more words, then a longer first prefix:
    ``кибермошенн`` before ``кибер``; the lexicon's order among equals) and its words
    are consumed, so hits never overlap.

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
        patterns = [e.words() for e in self.entries]
        self._hits, self._group_labels = self._compile(patterns)
        # the same entries at a word that a space stands before: in scan forms (see _form) every
        # word start has one, and a regex starting with a literal lets the engine skip to it in C
        self._spaced_hits = re.compile(" " + self._hits.pattern[len(r"\b"):])
        self._live = self._live_regex(patterns)
        column = {lab: j for j, lab in enumerate(self.labels)}
        self._group_columns = np.array([column.get(lab, -1) for lab in self._group_labels], dtype=np.int64)  # type: ignore[arg-type]
        self._combo_columns = [(column[c.label], [column[h] for h in c.needs]) for c in self.combos]
        self._forms: dict[str, str] = {}
        # by id in a token table: each token's form, and its width in the scan (0: a dead token)
        self._token_forms = TokenValues(lambda tokens: np.array(list(map(self._form, tokens)), dtype=object))
        self._token_widths = TokenValues(lambda tokens: np.fromiter(
            (0 if form == "." else len(form) for form in map(self._form, tokens)), np.int64, len(tokens)))

    def _compile(self, patterns: Sequence[tuple[tuple[str, bool], ...]]) -> tuple[re.Pattern[str], list[str | None]]:
        """One regex for all entries, and the label of each of its groups.

        Each entry ends in an empty group, so a match's ``lastindex`` names the entry.
        The entries of each word count form a trie on their first prefixes (longest first,
        the lexicon's order among equals: :func:`trie_branches`), the tries tried most words
        first: the regex engine's first match at a word is the most specific entry."""
        classes = [[(ws[0][0], f"{tail}(?P<e{i}>)") for i, ws in enumerate(patterns)
                    if len(ws) == n and (tail := _entry_tail(ws)) is not None]
                   for n in sorted({len(ws) for ws in patterns}, reverse=True)]
        rx = re.compile(r"\b" + ranked_branches(classes))
        labels: list[str | None] = [None] * (rx.groups + 1)
        for name, group in rx.groupindex.items():
            labels[group] = self.entries[int(name[1:])].label
        return rx, labels

    @staticmethod
    def _live_regex(patterns: Sequence[tuple[tuple[str, bool], ...]]) -> re.Pattern[str]:
        """A token is *live* when one of its words starts with a prefix of some pattern: only
        live tokens can take part in a hit."""
        prefixes = {prefix for ws in patterns for prefix, _ in ws}
        if any(not prefix and not whole for ws in patterns for prefix, whole in ws[1:]):
            return re.compile(r"\w")  # an entry that takes any following word: every word is live
        return re.compile(r"\b" + trie_regex(p for p in prefixes if _WORD.fullmatch(p)))

    def _form(self, token: str) -> str:
        """A token as the hit scan reads it: when live, the token with a space before each
        word start (where only a space or a hyphen could stand before a word continuing a
        hit, another space changes nothing); only hyphens (which separate a hit's words like
        spaces): itself; else ``.``, which no hit can start at or pass through (cached:
        tokens are vocabulary).

        >>> lex = default_lexicon()
        >>> [lex._form(t) for t in ["(Наркотики", "интернет-алаяқтар", "-", "2025", "погода"]]
        ['( наркотики', ' интернет- алаяқтар', '-', '.', '.']
        """
        form = self._forms.get(token)
        if form is None:
            normal = normalise(token)
            if self._live.search(normal):
                form = _WORD_START.sub(" ", normal)
            else:
                form = normal if not normal.strip("-") else "."
            if len(self._forms) < _FORMS_MAX:
                self._forms[token] = form
        return form

    def counts_tokens(self, tokens: Sequence[str]) -> dict[str, int]:
        """:meth:`counts` of a text given as its white-space separated tokens, as split or
        already normalised (:func:`kzlegalnlp.topics.features.tokens`): a token's form is
        that of its :func:`normalise` d form, and normalising twice changes nothing.

        The scan reads each token's form (:meth:`_form`) back to back: a hit's words are
        live, each word start has a space before it, spaces and hyphens between words stay
        spaces and hyphens, and a dead token is a ``.`` that stops a hit as the token did in
        the text. Most tokens are dead, so the scan reads a much shorter string, and skips
        in C to the next space.

        >>> lex = default_lexicon()
        >>> lex.counts_tokens("Кеше ТОРГОВЛЯ людьми и 2 кг наркотиков".split())
        {'trafficking': 1, 'drugs': 1}
        """
        return self._with_combos(self._spaced_hits.finditer(self._scan_forms([tokens])[0]))

    def _scan_forms(self, token_lists: Sequence[Sequence[str]]) -> list[str]:
        """Each text as the hit scan reads it (see :meth:`counts_tokens`)."""
        forms = self._forms
        try:
            return ["".join(map(forms.__getitem__, tokens)) for tokens in token_lists]
        except KeyError:
            return ["".join(map(self._form, tokens)) for tokens in token_lists]

    def count_matrix(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """Hits per text (rows, given as tokens) and label (columns, :attr:`labels`), combinations
        included: :meth:`counts_tokens` of many texts at once.

        The texts are scanned as one string, separated by ``.`` (which no hit passes), and
        the hits counted by numpy: no Python step per text or hit.

        >>> lex = Lexicon([Entry("drugs", "ru", "наркот", "..."), Entry("trafficking", "ru", "торговл людьми", "...")])
        >>> lex.labels, lex.count_matrix([["наркотики"], [], ["торговля", "людьми", "наркотики", "наркотики"]]).tolist()
        (('drugs', 'trafficking'), [[1, 0], [0, 0], [2, 1]])
        """
        scanned = self._scan_forms(token_lists)
        starts = np.cumsum([0] + [len(text) + len(_TEXT_BREAK) for text in scanned])
        hits = list(self._spaced_hits.finditer(_TEXT_BREAK.join(scanned)))
        rows = np.searchsorted(starts, np.fromiter(map(_START, hits), np.int64, len(hits)), side="right") - 1
        return self._hit_counts(hits, rows, len(token_lists))

    def count_matrix_batch(self, batch: TokenBatch) -> np.ndarray:
        """:meth:`count_matrix` of a :class:`~kzlegalnlp.topics.features.TokenBatch`: each token's
        form is found by its id, and only the forms a hit can read are joined: a run of dead
        tokens, or a text break, is one ``.`` (no hit passes one ``.`` or several).

        >>> from kzlegalnlp.topics.features import CharNgrams
        >>> batch = CharNgrams(min_df=1).fit(["x"]).token_batch([["наркотики", "2025", "и"], [], ["наркотики"]])
        >>> default_lexicon().count_matrix_batch(batch)[:, default_lexicon().labels.index("drugs")].tolist()
        [1, 0, 1]
        """
        forms, widths = self._token_forms.of(batch.table), self._token_widths.of(batch.table)
        kept = np.flatnonzero(widths[batch.ids])  # the tokens whose form is not "."
        ids, rows = batch.ids[kept], batch.rows()[kept]
        dotted = np.ones(len(kept), dtype=bool)  # a "." before a kept token after a dead one or a text break
        dotted[1:] = (kept[1:] != kept[:-1] + 1) | (rows[1:] != rows[:-1])
        at = np.arange(len(kept)) + np.cumsum(dotted)  # where each kept form goes among the pieces
        pieces = np.full(len(kept) + int(dotted.sum()), _TEXT_BREAK, dtype=object)
        pieces[at] = forms[ids]
        piece_widths = np.ones(len(pieces), dtype=np.int64)
        piece_widths[at] = widths[ids]
        form_starts = (np.cumsum(piece_widths) - piece_widths)[at]
        hits = list(self._spaced_hits.finditer("".join(pieces.tolist())))
        # a hit starts inside a form (at a space): its text is that form's
        found = np.searchsorted(form_starts, np.fromiter(map(_START, hits), np.int64, len(hits)), side="right") - 1
        return self._hit_counts(hits, rows[found], len(batch.lists))

    def _hit_counts(self, hits: list[re.Match[str]], rows: np.ndarray, n: int) -> np.ndarray:
        """Hits per text (``rows``: the text of each hit) and label, combinations included."""
        cols = self._group_columns[np.fromiter(map(_LASTINDEX, hits), np.int64, len(hits))]
        k = len(self.labels)
        counts = np.bincount(rows * k + cols, minlength=n * k).reshape(n, k)
        for column, needs in self._combo_columns:  # in order: a combination may need an earlier one
            counts[:, column] += counts[:, needs].min(axis=1)
        return counts

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping hits as ``(start, end, label)`` (offsets in the lower-cased text)."""
        labels = self._group_labels
        return [(m.start(), m.end(), labels[m.lastindex]) for m in self._hits.finditer(normalise(text))]  # type: ignore[misc,index]

    def counts(self, text: str) -> dict[str, int]:
        """Number of hits per label, helper labels included (labels without hits are left out).

        A combination adds, to its label, as many hits as its least frequent helper has.
        """
        return self.counts_normalised(normalise(text))

    def counts_normalised(self, text: str) -> dict[str, int]:
        """:meth:`counts` of a text already :func:`normalise` d (callers that lower-case once for
        several readers).

        >>> Lexicon([Entry("drugs", "ru", "наркот", "...")]).counts_normalised("наркотики, наркотики")
        {'drugs': 2}
        """
        return self._with_combos(self._hits.finditer(text))

    def _with_combos(self, hits: Iterable[re.Match[str]]) -> dict[str, int]:
        """Hits per label, then what the combinations add."""
        # hits counted in C: the entry of each match by its last group, its label by a list
        out = dict(Counter(map(self._group_labels.__getitem__, map(_LASTINDEX, hits))))
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
def _shipped() -> tuple[tuple[Entry, ...], tuple[Combo, ...]]:
    """The shipped entries and combinations, read once (compiling a lexicon is what costs)."""
    return tuple(read_lexicon(DATA / "lexicon.tsv")), tuple(read_combos(DATA / "combos.tsv"))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped kk/ru/en lexicon (cached).

    >>> "corruption" in default_lexicon().labels
    True
    """
    return Lexicon(*_shipped())


def lexicon_for(labels: Iterable[str]) -> Lexicon:
    """The shipped lexicon restricted to ``labels`` and the helpers their combinations need
    (compiled from the shipped entries: the whole lexicon is not compiled first).

    >>> lexicon_for(["drugs"]).labels
    ('drugs',)
    >>> sorted(lexicon_for(["cyber_fraud"]).labels)
    ['cyber_fraud', 'cybercrime', 'fraud', 'ict']
    """
    entries, combos = _shipped()
    combos = tuple(c for c in combos if c.label in set(labels))
    wanted = set(labels).union(*(c.needs for c in combos))
    return Lexicon([e for e in entries if e.label in wanted], combos)
