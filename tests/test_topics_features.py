"""The featuriser's token table against the plain rule: every word's n-grams looked up and counted."""

from __future__ import annotations

import random

import numpy as np
import pytest

from kzlegalnlp.topics import features
from kzlegalnlp.topics.features import CharNgrams, tokens, words

TRAIN = ["Есірткі тәркіленді, есірткі сатушы ұсталды.", "Чиновник получил взятку; ёлка и пара.",
         "Интернет-алаяқтар ақша ұрлады", "x² 2x_ab ΣΑΣ İstanbul"]


def _plain(f: CharNgrams, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """TF-IDF rows the straightforward way: each word's known n-grams counted per text."""
    keys = []
    for r, text in enumerate(texts):
        for w in words(text):
            keys += [r * f.n_features + f.vocabulary_[g] for g in f._grams(w) if g in f.vocabulary_]
    key, counts = np.unique(np.asarray(keys, np.int64), return_counts=True)
    row, col = key // f.n_features, key % f.n_features
    val = (1.0 + np.log(counts)).astype(np.float32) * f.idf_[col]
    norms = np.sqrt(np.bincount(row, weights=val.astype(np.float64) ** 2, minlength=len(texts)))
    return col, val / norms[row].astype(np.float32), row


def _same(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> bool:
    return all(x.dtype == y.dtype and np.array_equal(x, y) for x, y in zip(a, b))


@pytest.fixture(params=["char", "prefix"])
def featuriser(request) -> CharNgrams:
    return CharNgrams(ngram_range=(2, 4), min_df=1, analyzer=request.param).fit(TRAIN)


def test_tricky_texts(featuriser: CharNgrams) -> None:
    texts = ["Есірткі-есірткі (есірткі), ЕСІРТКІ\tесірткі\n", "", "  ", "123 ...", "ёлка Ёлка елка",
             "пара-пара-пара", "x²y 2x_ab_", "ΣΑΣ σας", "İstanbul", "взятку\u00a0взятку\u2028пара"]
    assert _same(featuriser.transform_flat(texts), _plain(featuriser, texts))
    assert _same(featuriser.transform_tokens([tokens(t) for t in texts]), _plain(featuriser, texts))


def test_seeded_random_texts(featuriser: CharNgrams) -> None:
    rng = random.Random(17)
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәіңғүұқөһАЁҚӘabcXYZ \t\n-.,_2²İΣ"
    for _ in range(100):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(rng.randint(1, 5))]
        assert _same(featuriser.transform_flat(texts), _plain(featuriser, texts)), texts


def test_a_full_token_table_starts_again(featuriser: CharNgrams, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "_TOKENS_MAX", 6)
    for texts in (TRAIN, TRAIN[::-1], ["пара пара", "ақша"]):
        assert _same(featuriser.transform_flat(texts), _plain(featuriser, texts))
        assert len(featuriser._tokens) <= max(6, sum(len(tokens(t)) for t in texts))


def test_tokens_split_the_normalised_text_at_white_space() -> None:
    assert tokens("Ёлка\u00a0и  ПАРА-пара\n") == ["елка", "и", "пара-пара"]
    assert [w for t in tokens("Ст. 190 УК: Мошенничество!") for w in words(t)] == words("Ст. 190 УК: Мошенничество!")


def test_tokens_as_split_read_as_their_normalised_forms(featuriser: CharNgrams) -> None:
    spaces = [chr(c) for c in range(0x3000 + 1) if chr(c).isspace()]
    tricky = ["ΑΣ ΟΔΟΣ\u2003Σ", "İSTANBUL ǅemal ẞ", "AΣ\u0301 b", "Ёж\u00a0ЁЛКА\u2028x", "", " \t\n", "ﬁ ß",
              "ЕСІРТКІ есірткі Есірткі"]
    rng = random.Random(23)
    alphabet = "aAΣσİıЁёЖжҚқ\u0301²_-." + "".join(spaces)
    texts = tricky + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    assert [t.split() for t in texts] != [tokens(t) for t in texts]  # the case differs...
    assert _same(featuriser.transform_tokens([t.split() for t in texts]), _plain(featuriser, texts))  # ...not the columns
    assert _same(featuriser.transform_tokens([tokens(t) for t in texts]), _plain(featuriser, texts))


def test_distinct_counts_equal_numpy_unique() -> None:
    rng = np.random.default_rng(4)
    blocks = np.concatenate([np.sort(rng.integers(0, 50, 30)) + 100 * r for r in range(20)])  # rows in order
    cases = [np.zeros(0, np.int64), np.array([5]), np.array([2, 2, 2]), np.array([9, 1, 9, 1, 0]), blocks,
             rng.integers(0, 10**12, 5000), rng.integers(-5, 5, 1000)]
    for keys in cases:
        got, want = features._distinct_counts(keys), np.unique(keys, return_counts=True)
        assert all(a.dtype == b.dtype and np.array_equal(a, b) for a, b in zip(got, want)), keys
