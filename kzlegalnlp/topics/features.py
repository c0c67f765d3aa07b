"""A numpy-only char n-gram TF-IDF featuriser, shared by training and inference.

Each word (a run of letters, lower-cased, ``ё`` read as ``е``) gives its n-grams
padded with ``<`` and ``>`` plus the whole word, so Kazakh and Russian endings do
not hide the stem. Weights are sublinear TF times smoothed IDF, L2-normalised per
text, exactly like scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``. Word
features are cached, so prediction needs no scikit-learn and no scipy.

>>> f = CharNgrams(ngram_range=(3, 4), min_df=1).fit(["есірткі тәркіленді", "есірткі сатушы"])
>>> idx, val, row = f.transform_flat(["есірткі"])
>>> len(idx) == len(val) == len(row) and abs(float((val ** 2).sum()) - 1.0) < 1e-6
True
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from ..errors import ConfigError

_NOT_WORD = re.compile(r"[\W\d_]+")  # the complement of a letter, [^\W\d_]
_CACHE_MAX = 200_000
_TOKENS_MAX = 500_000  # distinct tokens kept (a vocabulary: dozens of MB at most)


def normalise(text: str) -> str:
    """Lower-case and read ``ё`` as ``е``: the form words and lexicon patterns are written in.

    >>> normalise("ЁЛКА")
    'елка'
    """
    return text.lower().replace("ё", "е")


def tokens(text: str) -> list[str]:
    """The :func:`normalise` d text split at white space: what featuriser and lexicon both read.

    >>> tokens("Ст. 190\tУК")
    ['ст.', '190', 'ук']
    """
    return normalise(text).split()


def words(text: str) -> list[str]:
    """The lower-cased letter runs of ``text`` (digits and punctuation dropped).

    >>> words("Ст. 190 УК: Мошенничество!")
    ['ст', 'ук', 'мошенничество']
    >>> words(" 2x²_Ёж "), words("")
    (['x²', 'еж'], [])
    """
    return letter_runs(normalise(text))


def letter_runs(text: str) -> list[str]:
    """The letter runs of an already normalised text (or token), in order.

    >>> letter_runs("(ст.190-бап)")
    ['ст', 'бап']
    """
    # splitting at the complement is faster than finding the letter runs
    parts = _NOT_WORD.split(text)
    if parts and not parts[-1]:
        parts.pop()
    return parts[1:] if parts and not parts[0] else parts


def word_grams(word: str, lo: int, hi: int) -> list[str]:
    """The padded char n-grams of one word (``lo..hi``) plus the word itself.

    >>> word_grams("жем", 3, 4)
    ['<же', 'жем', 'ем>', '<жем', 'жем>', 'w:жем']
    """
    padded = f"<{word}>"
    out = [padded[i : i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]
    out.append("w:" + word)
    return out


def word_prefixes(word: str, lo: int, hi: int) -> list[str]:
    """The word's prefixes of ``lo..hi`` letters (shorter than the word) plus the word itself.

    Prefixes act as cheap stems for Kazakh and Russian, whose endings change with case.

    >>> word_prefixes("жемқорлық", 4, 6)
    ['жемқ', 'жемқо', 'жемқор', 'w:жемқорлық']
    """
    out = [word[:n] for n in range(lo, min(hi, len(word) - 1) + 1)]
    out.append("w:" + word)
    return out


ANALYZERS = {"char": word_grams, "prefix": word_prefixes}


@dataclass(frozen=True)
class TokenBatch:
    """Texts as their white-space separated tokens, each token also by its id in a token table
    (see :meth:`CharNgrams.token_batch`), so every reader looks a token up once per batch.

    ``table`` holds the table's tokens by id; it only grows, and is a new list when the
    table starts again (see :class:`TokenValues`).
    """

    lists: Sequence[Sequence[str]]  # the tokens of each text
    ids: np.ndarray  # the id of every token, texts in order (int64)
    per_text: np.ndarray  # tokens per text (int64)
    table: list[str]

    def rows(self) -> np.ndarray:
        """The text (row) of every token."""
        return np.repeat(np.arange(len(self.per_text), dtype=np.int64), self.per_text)


class TokenValues:
    """A value per token of a token table, by id, read once per token (a table is a vocabulary).

    ``read`` maps a list of tokens to an array of their values. A table that started again
    (a new :attr:`TokenBatch.table` list) is read again from its first token.

    >>> lengths = TokenValues(lambda tokens: np.array([len(t) for t in tokens], np.int64))
    >>> table = ["ab", "c"]
    >>> lengths.of(table).tolist()
    [2, 1]
    >>> table.append("def"); lengths.of(table).tolist(), lengths.of(["x"]).tolist()
    ([2, 1, 3], [1])
    """

    def __init__(self, read: Callable[[list[str]], np.ndarray]) -> None:
        self._read = read
        self._table: list[str] | None = None
        self._values = read([])

    def of(self, table: list[str]) -> np.ndarray:
        """The values of every token of ``table``, by id."""
        if table is not self._table:
            self._table, self._values = table, self._read([])
        if len(self._values) < len(table):
            self._values = np.concatenate([self._values, self._read(table[len(self._values):])])
        return self._values


def _distinct_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_counts=True)``, sorted by a stable sort: keys of n-grams come in
    blocks of one text each, in order, which it merges as runs (several times faster here).

    >>> [a.tolist() for a in _distinct_counts(np.array([3, 1, 3, 7, 7, 7]))]
    [[1, 3, 7], [1, 2, 3]]
    """
    key = np.sort(keys, kind="stable")
    if not len(key):
        return key, np.zeros(0, np.int64)
    first = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    return key[first], np.diff(np.append(first, len(key)))


class CharNgrams:
    """Char n-gram TF-IDF with a stored vocabulary and IDF vector.

    Args:
        ngram_range: smallest and largest n.
        min_df: keep n-grams seen in at least this many texts.
        max_features: keep at most this many n-grams (most frequent by document frequency).
        analyzer: ``"char"`` (padded char n-grams of each word) or ``"prefix"`` (word
            prefixes of ``ngram_range`` letters: about three times fewer lookups).

    >>> f = CharNgrams(ngram_range=(3, 3), min_df=1).fit(["пара алды", "пара берді"])
    >>> "<па" in f.vocabulary_
    True
    """

    def __init__(self, ngram_range: tuple[int, int] = (3, 5), min_df: int = 2, max_features: int | None = 200_000,
                 analyzer: str = "char") -> None:
        if analyzer not in ANALYZERS:
            raise ConfigError(f"analyzer must be one of {sorted(ANALYZERS)}, got {analyzer!r}")
        self.ngram_range = tuple(ngram_range)
        self.min_df = min_df
        self.max_features = max_features
        self.analyzer = analyzer
        self._split = ANALYZERS[analyzer]
        self._cache: dict[str, tuple[int, ...]] = {}
        self._reset_tokens()

    def _grams(self, word: str) -> list[str]:
        return self._split(word, self.ngram_range[0], self.ngram_range[1])

    def fit(self, texts: Iterable[str]) -> "CharNgrams":
        """Learn the vocabulary and IDF from ``texts``."""
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            grams: set[str] = set()
            for w in set(words(text)):
                grams.update(self._grams(w))
            df.update(grams)
        kept = [(g, c) for g, c in df.items() if c >= self.min_df]
        kept.sort(key=lambda gc: (-gc[1], gc[0]))
        if self.max_features:
            kept = kept[: self.max_features]
        kept.sort()
        self.set_vocabulary([g for g, _ in kept], np.array([np.log((1 + n) / (1 + c)) + 1.0 for _, c in kept]))
        return self

    def set_vocabulary(self, grams: Sequence[str], idf: np.ndarray) -> None:
        """Install a vocabulary (list of n-grams) and its IDF vector, e.g. from a saved model."""
        self.vocabulary_ = {g: i for i, g in enumerate(grams)}
        self.idf_ = np.asarray(idf, dtype=np.float32)
        self._cache = {}
        self._reset_tokens()

    @property
    def n_features(self) -> int:
        """Number of n-gram columns."""
        return len(self.vocabulary_)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        ids = self._cache.get(word)
        if ids is None:
            ids = tuple([i for i in map(self.vocabulary_.get, self._grams(word)) if i is not None])
            if len(self._cache) < _CACHE_MAX:
                self._cache[word] = ids
        return ids

    def transform_flat(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """TF-IDF rows in coordinate form: ``(column, value, row)`` arrays, sorted by row and column.

        Rows are L2-normalised; a text without known n-grams has no entries.
        """
        return self.transform_tokens([t.split() for t in texts])

    def transform_tokens(self, token_lists: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`transform_flat` of texts given as their white-space separated tokens, as split
        or already :func:`normalise` d (:func:`tokens`): a token's n-grams are those of its
        normalised form, and normalising twice changes nothing.

        >>> f = CharNgrams(ngram_range=(3, 3), min_df=1).fit(["пара алды"])
        >>> col, val, row = f.transform_tokens([[], ["алды,", "алды"]])
        >>> [f"{row[k]}:{sorted(f.vocabulary_, key=f.vocabulary_.get)[c]}" for k, c in enumerate(col)]
        ['1:<ал', '1:w:алды', '1:алд', '1:ды>', '1:лды']
        """
        return self.transform_batch(self.token_batch(token_lists))

    def transform_batch(self, batch: TokenBatch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`transform_tokens` of a :class:`TokenBatch` of this featuriser's table."""
        cols, rows = self._gram_columns(batch)
        if not len(cols):
            return np.zeros(0, np.int64), np.zeros(0, np.float32), np.zeros(0, np.int64)
        nf = max(self.n_features, 1)
        key, counts = _distinct_counts(rows * nf + cols)
        row, col = key // nf, key % nf
        val = (1.0 + np.log(counts)).astype(np.float32) * self.idf_[col]
        norms = np.sqrt(np.bincount(row, weights=val.astype(np.float64) ** 2, minlength=len(batch.lists)))
        val = val / norms[row].astype(np.float32)
        return col, val, row

    def token_batch(self, token_lists: Sequence[Sequence[str]]) -> TokenBatch:
        """The texts' tokens with their ids in this featuriser's token table (new tokens are added)."""
        flat = list(chain.from_iterable(token_lists))
        try:
            ids = np.fromiter(map(self._tokens.__getitem__, flat), np.int64, len(flat))
        except KeyError:
            ids = self._learn_tokens(flat)
        per_text = np.fromiter(map(len, token_lists), np.int64, len(token_lists))
        return TokenBatch(token_lists, ids, per_text, self._table)

    def _gram_columns(self, batch: TokenBatch) -> tuple[np.ndarray, np.ndarray]:
        """Column and row of every known n-gram occurrence (int64), texts in order.

        Every token is looked up in a table of the tokens seen so far (a vocabulary, not
        texts), which holds the columns of its words' n-grams back to back; numpy then
        copies each occurrence's run, so no Python step runs per word."""
        ids = batch.ids
        lengths = self._lengths[ids]
        total = int(lengths.sum())
        if not total:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        # the run of occurrence k starts at starts[ids[k]]; offsets within runs by one arange
        ends = np.cumsum(lengths)
        at = np.repeat(self._starts[ids] - (ends - lengths), lengths) + np.arange(total)
        rows = np.repeat(batch.rows(), lengths)
        return self._columns[at].astype(np.int64), rows

    def _learn_tokens(self, flat: list[str]) -> np.ndarray:
        """Table ids of ``flat``, adding the tokens not in the table (which starts again when
        it would grow past ``_TOKENS_MAX``)."""
        new = set(flat).difference(self._tokens)
        if len(self._tokens) + len(new) > _TOKENS_MAX:
            self._reset_tokens()
            new = set(flat)
        self._add_tokens(sorted(new))  # sorted: the table does not depend on set order
        return np.fromiter(map(self._tokens.__getitem__, flat), np.int64, len(flat))

    def _reset_tokens(self) -> None:
        """An empty token table (also bounds its memory: it starts again when full)."""
        self._tokens: dict[str, int] = {}
        self._table: list[str] = []  # the tokens by id (a new list: readers of the old one start again)
        self._columns = np.zeros(0, np.int32)
        self._starts = np.zeros(0, np.int64)
        self._lengths = np.zeros(0, np.int64)

    def _add_tokens(self, new: Sequence[str]) -> None:
        """Append tokens to the table: each token's columns are those of its letter runs, in order."""
        runs = [list(chain.from_iterable(map(self._word_ids, letter_runs(normalise(t))))) for t in new]
        lengths = np.fromiter(map(len, runs), np.int64, len(runs))
        starts = len(self._columns) + np.cumsum(lengths) - lengths
        self._tokens.update(zip(new, range(len(self._tokens), len(self._tokens) + len(new))))
        self._table.extend(new)
        self._columns = np.concatenate([self._columns, np.fromiter(chain.from_iterable(runs), np.int32)])
        self._starts = np.concatenate([self._starts, starts])
        self._lengths = np.concatenate([self._lengths, lengths])

    def transform(self, texts: Sequence[str]) -> Any:
        """TF-IDF as a ``scipy.sparse.csr_matrix`` (training only: imports scipy)."""
        from scipy.sparse import csr_matrix

        col, val, row = self.transform_flat(texts)
        return csr_matrix((val, (row, col)), shape=(len(texts), self.n_features))
