"""trie_regex finds what a longest-first alternation of the same words finds."""

from __future__ import annotations

import random
import re

import pytest

from kzlegalnlp.patterns.trie import trie_regex


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@pytest.mark.parametrize("words, text", [
    (["ст", "ст.", "ст.ст."], "ст.ст. 5 и ст. 6, ст 7"),
    (["УК", "УК РК", "УПК", "(", "a+b"], "по УК РК (и УПК) a+b"),
    (["бап", "баптар", "бабы"], "бабы баптары бап"),
])
def test_same_matches_as_longest_first_alternation(words: list[str], text: str) -> None:
    assert [m.span() for m in re.finditer(trie_regex(words), text)] == \
        [m.span() for m in _alternation(words).finditer(text)]


def test_random_word_sets() -> None:
    rng = random.Random(7)
    for _ in range(200):
        words = ["".join(rng.choice("abc.") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))]
        text = "".join(rng.choice("abc. ") for _ in range(60))
        assert [m.span() for m in re.finditer(trie_regex(words), text)] == \
            [m.span() for m in _alternation(words).finditer(text)], (words, text)


def test_no_words_never_matches() -> None:
    assert re.search(trie_regex([]), "anything") is None
    assert re.search(trie_regex([""]), "anything") is None
