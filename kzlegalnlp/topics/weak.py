"""Weak supervision: lexicon hits and article references mapped to topics.

Two sources give topic evidence without a human label:

* the kk/ru/en lexicon (:mod:`kzlegalnlp.topics.lexicon`);
* article references found by :func:`kzlegalnlp.extract.articles.extract_articles`,
  whose ``topics`` come from the code tables' topic mapping (ст. 190 УК РК ->
  ``cyber_fraud`` when committed online, ст. 366 -> ``corruption``...).

They are used three ways: as extra feature columns of the linear model, as weak
labels for paragraphs that have no gold label, and (lexicon only) as the baseline.

>>> evidence(["Есірткі тәркіленді."], ["drugs", "corruption"])[0].tolist()
[0.693..., 0.0, 0.0, 0.0]
"""

from __future__ import annotations

import math
import re
from functools import lru_cache, reduce
from operator import or_
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .features import TokenBatch, TokenValues
from .lexicon import Lexicon, lexicon_for, normalise

_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _article_extractor() -> tuple[Callable[[str], list], tuple[str, ...], frozenset[str]] | None:
    """The teammates' article extractor, the literal keys every code name contains (the
    registry's abbreviations and names, without those containing a shorter one) and those
    keys :func:`normalise` d, or None where it is not installed."""
    try:
        from ..extract.articles import extract_articles
        from ..patterns.articles import code_registry
    except ImportError:
        return None
    keys = set(code_registry()["keys"]["abbr"]) | set(code_registry()["keys"]["name"])
    keys = {k for k in keys if not any(o != k and o in k for o in keys)}
    return extract_articles, tuple(sorted(keys)), frozenset(map(normalise, keys))


_DIGIT_BIT, _KEY_BIT = 1, 2
_TOKEN_BITS: dict[str, int] = {}  # token -> digit and code-key bits (vocabulary, bounded)
_TOKEN_BITS_MAX = 500_000


def _token_bits(token: str) -> int:
    """Whether a token (as split, or normalised) holds a digit, and a lower-cased code key (see
    :func:`_article_extractor`): a text's tokens say cheaply whether it might cite a code."""
    bits = _TOKEN_BITS.get(token)
    if bits is None:
        found = _article_extractor()
        keys = found[2] if found else ()
        normal = normalise(token)
        bits = (_DIGIT_BIT if _DIGIT.search(normal) else 0) | (_KEY_BIT if any(k in normal for k in keys) else 0)
        if len(_TOKEN_BITS) < _TOKEN_BITS_MAX:
            _TOKEN_BITS[token] = bits
    return bits


def _text_bits(tokens: Sequence[str]) -> int:
    """The bits of a text's tokens together (looked up in C while every token is known)."""
    try:
        return reduce(or_, map(_TOKEN_BITS.__getitem__, tokens), 0)
    except KeyError:
        return reduce(or_, map(_token_bits, tokens), 0)


# the bits of each token by its id in a token table (see batch_bits)
_ID_BITS = TokenValues(lambda tokens: np.fromiter(map(_token_bits, tokens), np.int8, len(tokens)))


def batch_bits(batch: TokenBatch) -> np.ndarray:
    """:func:`_text_bits` of every text of ``batch``, by numpy from its tokens' ids.

    >>> from kzlegalnlp.topics.features import CharNgrams
    >>> batch = CharNgrams(min_df=1).fit(["x"]).token_batch([["ст.", "190", "УК"], [], ["190"], ["ук"]])
    >>> batch_bits(batch).tolist()
    [3, 0, 1, 2]
    """
    bits = _ID_BITS.of(batch.table)[batch.ids]
    out = np.zeros(len(batch.per_text), np.int8)
    filled = batch.per_text > 0  # reduceat reads an empty text's start as one token: only the others
    if filled.any():
        out[filled] = np.bitwise_or.reduceat(bits, (np.cumsum(batch.per_text) - batch.per_text)[filled])
    return out


def article_topics(text: str, tokens: Sequence[str] | None = None) -> dict[str, int]:
    """Topics of the article references in ``text``, counted.

    A reference has topics only when its code is known, and in a text on its own (no
    default code) a code is known only where the text names one (see
    :mod:`kzlegalnlp.extract.code_mentions`): texts without a digit or without a code's
    key are skipped cheaply (most texts). ``tokens``, the text's white-space separated
    tokens (as split or normalised) if the caller has them, make that test
    cheaper still (a token's digits and lower-cased keys are looked up once).

    >>> article_topics("Без ссылок на статьи."), article_topics("Статья 190 не названа.")
    ({}, {})
    >>> article_topics("Осуждён по ч. 2 ст. 190 УК РК."), article_topics("ук 190", ["ук", "190"])
    ({'fraud': 1}, {})
    """
    found = _article_extractor()
    if found is None:
        return {}
    if tokens is not None and _text_bits(tokens) != _DIGIT_BIT | _KEY_BIT:
        return {}
    extract, code_keys, _ = found
    if not _DIGIT.search(text) or not any(map(text.__contains__, code_keys)):
        return {}
    out: dict[str, int] = {}
    try:
        refs = extract(text)
    except Exception:  # a failing extractor must not stop classification  # noqa: BLE001
        return {}
    for ref in refs:
        for topic in getattr(ref, "topics", ()) or ():
            out[topic] = out.get(topic, 0) + 1
    return out


def evidence(texts: Sequence[str], labels: Sequence[str], *, lexicon: Lexicon | None = None,
             articles: bool = True, token_lists: Sequence[Sequence[str]] | TokenBatch | None = None) -> np.ndarray:
    """Dense evidence columns: ``log1p(lexicon hits)`` then ``log1p(article-topic hits)`` per label.

    Returns an array of shape ``(len(texts), 2 * len(labels))``. ``token_lists``, when the
    caller has them, are the texts' white-space separated tokens, as split or normalised
    (the lexicon reads those instead of lower-casing and scanning each text again), or a
    :class:`~kzlegalnlp.topics.features.TokenBatch` of them (each token read by its id).

    >>> evidence(["Чиновник получил взятку по ст. 366 УК РК."], ["corruption"], articles=False).shape
    (1, 2)
    """
    lex = lexicon if lexicon is not None else lexicon_for(labels)
    pos = {lab: j for j, lab in enumerate(labels)}
    out = np.zeros((len(texts), 2 * len(labels)), dtype=np.float32)
    if isinstance(token_lists, TokenBatch):
        # the lexicon and the article test read the tokens by id; only texts with a digit
        # and a code key go to article_topics, which tests them as the token lists would
        _lexicon_columns(out, lex.count_matrix_batch(token_lists), lex.labels, pos)
        if articles:
            for i in np.flatnonzero(batch_bits(token_lists) == _DIGIT_BIT | _KEY_BIT).tolist():
                _article_columns(out, i, article_topics(texts[i]), pos)
        return out
    if token_lists is not None:
        _lexicon_columns(out, lex.count_matrix(token_lists), lex.labels, pos)
    for i, text in enumerate(texts):
        if token_lists is None:
            for lab, c in lex.counts(text).items():
                if lab in pos:
                    out[i, pos[lab]] = math.log1p(c)
        if articles:
            _article_columns(out, i, article_topics(text, token_lists[i] if token_lists is not None else None), pos)
    return out


def _article_columns(out: np.ndarray, i: int, topics: Mapping[str, int], pos: Mapping[str, int]) -> None:
    """Write ``log1p(hits)`` of the article topics of text ``i`` into the article columns of ``out``."""
    for lab, c in topics.items():
        if lab in pos:
            out[i, out.shape[1] // 2 + pos[lab]] = math.log1p(c)


def _lexicon_columns(out: np.ndarray, counts: np.ndarray, lexicon_labels: Sequence[str], pos: Mapping[str, int]) -> None:
    """Write ``log1p(hits)`` of a lexicon count matrix into the label columns of ``out``: by a
    table of ``math.log1p`` of each count, so the values are those of the text-by-text loop."""
    kept = [(j, pos[lab]) for j, lab in enumerate(lexicon_labels) if lab in pos]
    if not kept or not counts.size:
        return
    src, dst = [j for j, _ in kept], [k for _, k in kept]
    table = np.array([math.log1p(c) for c in range(int(counts[:, src].max()) + 1)])
    out[:, dst] = table[counts[:, src]]


ENUMERATION_MIN = 3  # topics named in one sentence that make it an enumeration of crime types
_SENTENCE_END = re.compile(r"[.!?;]\s+")


def enumerated(text: str, labels: Sequence[str], *, lexicon: Lexicon | None = None) -> set[str]:
    """Labels whose every lexicon hit in ``text`` lies in an enumeration of crime types.

    The annotation guideline calls a topic named only as one item of an enumeration
    of several crime types a *passing mention*. Here a sentence is an enumeration when
    the lexicon finds at least ``ENUMERATION_MIN`` different labels in it.

    >>> sorted(enumerated("Күресті күшейту: ұйымдасқан қылмыс, есірткі қылмыстары, сыбайлас жемқорлық.",
    ...                   ["corruption", "organised_crime", "drugs"]))
    ['corruption', 'drugs', 'organised_crime']
    >>> enumerated("Есірткі тәркіленді. Ұйымдасқан топ пен пара берушілер де ұсталды.", ["drugs", "corruption"])
    set()
    """
    lex = lexicon if lexicon is not None else lexicon_for(labels)
    wanted = set(labels)
    hits = [(start, lab) for start, _, lab in lex.matches(text) if lab in wanted]
    if len({lab for _, lab in hits}) < ENUMERATION_MIN:
        return set()  # fewer topics in the whole text than one enumeration needs
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    by_sentence: dict[int, set[str]] = {}
    for start, lab in hits:
        by_sentence.setdefault(sum(e <= start for e in ends), set()).add(lab)
    listed = {lab for labs in by_sentence.values() if len(labs) >= ENUMERATION_MIN for lab in labs}
    alone = {lab for labs in by_sentence.values() if len(labs) < ENUMERATION_MIN for lab in labs}
    return listed - alone


def enumeration_columns(texts: Sequence[str], labels: Sequence[str], *, lexicon: Lexicon | None = None) -> np.ndarray:
    """Per text and label, 1 when the label is named only inside enumerations (see :func:`enumerated`).

    >>> enumeration_columns(["Наркотики, коррупция и организованная преступность.", "Изъяты наркотики."],
    ...                     ["drugs", "corruption", "organised_crime"]).tolist()
    [[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]]
    """
    lex = lexicon if lexicon is not None else lexicon_for(labels)
    pos = {lab: j for j, lab in enumerate(labels)}
    out = np.zeros((len(texts), len(labels)), dtype=np.float32)
    for i, text in enumerate(texts):
        for lab in enumerated(text, labels, lexicon=lex):
            out[i, pos[lab]] = 1.0
    return out


def weak_labels(text: str, labels: Sequence[str], *, lexicon: Lexicon | None = None, min_hits: int = 2) -> list[str]:
    """Labels a text gets without a reader: ``min_hits`` lexicon hits, or one cited article of the topic.

    >>> weak_labels("Кибералаяқтар мен интернет-алаяқтық", ["cyber_fraud", "drugs"])
    ['cyber_fraud']
    >>> weak_labels("Бір рет есірткі деп айтылды.", ["drugs"])
    []
    """
    lex = lexicon if lexicon is not None else lexicon_for(labels)
    hits = lex.counts(text)
    arts = article_topics(text)
    return [lab for lab in labels if hits.get(lab, 0) >= min_hits or arts.get(lab, 0) >= 1]


def lexicon_examples(labels: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """The lexicon's hand-written example sentences with their labels, as weak training rows.

    >>> texts, ys = lexicon_examples(["drugs"])
    >>> len(texts) == len(ys) > 3 and ys[0] == ["drugs"]
    True
    """
    texts: list[str] = []
    ys: list[list[str]] = []
    lex = lexicon_for(labels)
    # helper entries ("fraud", "ict") are not topics: only topic entries and combinations give rows
    examples = [(e.example, e.label) for e in lex.entries] + [(c.example, c.label) for c in lex.combos]
    for text, label in examples:
        if label in labels:
            texts.append(text)
            ys.append([label])
    return texts, ys


def title_context(n: int, groups: Sequence | None, titles: Mapping[Any, str | None] | None,
                  labels: Sequence[str], *, lexicon: Lexicon | None = None, articles: bool = True) -> np.ndarray:
    """Per text, whether the title of its document has evidence for each label: ``(n, len(labels))``.

    The title says what a paper is about, so a paragraph under "Tougher penalties for
    money mules" is read as part of a cyber-fraud paper even when it names no scheme.

    >>> title_context(2, ["a", "b"], {"a": "Торговля людьми"}, ["trafficking"]).tolist()
    [[1.0], [0.0]]
    """
    out = np.zeros((n, len(labels)), dtype=np.float32)
    if not titles:
        return out
    members: dict = {}
    for i, gid in enumerate(groups if groups is not None else range(n)):
        if titles.get(gid):
            members.setdefault(gid, []).append(i)
    for gid, rows in members.items():
        E = evidence([str(titles[gid])], labels, lexicon=lexicon, articles=articles)[0]
        out[rows] = ((E[: len(labels)] > 0) | (E[len(labels):] > 0)).astype(np.float32)
    return out


def context(E: np.ndarray, groups: Sequence | None, n_labels: int, prior: float = 0.0) -> np.ndarray:
    """Document context of each paragraph, from the evidence columns of its document.

    A paragraph *has evidence* for a label when the lexicon or a cited article
    points to it. Per label, the context is (1) the share of the *other* paragraphs
    of the same document with evidence and (2) whether a neighbouring paragraph
    (just before or after, in the given order) has it. So a paragraph of a paper
    about internet fraud that only says "the fraudster" still leans to
    ``cyber_fraud``. Without ``groups`` every text is a one-paragraph document, and a
    one-paragraph document has no context (zeros), like the lexicon's example rows.

    The share is shrunk towards 0 by ``prior`` pseudo-paragraphs without evidence:
    ``others with evidence / (others + prior)``. In a long paper that changes little,
    but in a three-paragraph news item one paragraph on organised crime no longer
    says that the whole item is about it, so the label does not spill onto a
    neighbour about something else.

    Returns ``(n, 2 * n_labels)``.

    >>> E = np.array([[1.0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
    >>> context(E, ["d", "d", "e"], 2).tolist()
    [[0.0, 0.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    >>> context(E, ["d", "d", "e"], 2, prior=3.0)[1].tolist()
    [0.25, 0.0, 1.0, 0.0]
    """
    n = len(E)
    has = ((E[:, :n_labels] > 0) | (E[:, n_labels:2 * n_labels] > 0)).astype(np.float32)
    out = np.zeros((n, 2 * n_labels), dtype=np.float32)
    if groups is None:
        return out  # every text alone: no context
    members: dict = {}
    for i, gid in enumerate(groups):
        members.setdefault(gid, []).append(i)
    for rows in members.values():
        if len(rows) < 2:
            continue
        block = has[rows]
        out[rows, :n_labels] = (block.sum(axis=0) - block) / (len(rows) - 1 + prior)
        nb = np.zeros_like(block)
        nb[1:] = np.maximum(nb[1:], block[:-1])
        nb[:-1] = np.maximum(nb[:-1], block[1:])
        out[rows, n_labels:] = nb
    return out
