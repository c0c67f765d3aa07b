"""trie_regex finds what a longest-first alternation of the same words finds."""

from __future__ import annotations

import random
import re

import pytest

from kzlegalnlp.patterns.trie import ranked_branches, trie_branches, trie_regex


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


def _stable_alternation(pairs: list[tuple[str, str]]) -> str:
    """The plain rule trie_branches stands for: ``key + tail`` alternatives, longest key first (stable)."""
    if not pairs:
        return "(?!)"
    return "|".join(re.escape(k) + t for k, t in sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def _random_pairs(rng: random.Random) -> list[tuple[str, str]]:
    tails = ["", "x", "b", r"\w*", "(?!b)", " c", "a+"]
    return [("".join(rng.choice("ab") for _ in range(rng.randint(0, 3))), rng.choice(tails))
            for _ in range(rng.randint(1, 6))]


def test_trie_branches_same_matches_as_a_stable_longest_first_alternation() -> None:
    rng = random.Random(11)
    for _ in range(300):
        pairs = _random_pairs(rng)
        text = "".join(rng.choice("abx c") for _ in range(40))
        got = [m.span() for m in re.finditer(trie_branches(pairs), text)]
        assert got == [m.span() for m in re.finditer(_stable_alternation(pairs), text)], (pairs, text)


def test_ranked_branches_try_each_class_before_the_next() -> None:
    rng = random.Random(12)
    for _ in range(300):
        classes = [_random_pairs(rng) for _ in range(rng.randint(1, 3))]
        plain = "(?:" + "|".join(f"(?:{_stable_alternation(c)})" for c in classes) + ")"
        text = "".join(rng.choice("abx c") for _ in range(40))
        got = [m.span() for m in re.finditer(ranked_branches(classes), text)]
        assert got == [m.span() for m in re.finditer(plain, text)], (classes, text)


def test_no_pairs_never_match_and_an_empty_key_matches_its_tail() -> None:
    assert re.search(trie_branches([]), "anything") is None
    assert re.search(ranked_branches([[], []]), "anything") is None
    assert re.match(trie_branches([("", "x")]), "xy").group() == "x"
    assert re.match(ranked_branches([[("", "")], [("a", "")]]), "ab").group() == ""
