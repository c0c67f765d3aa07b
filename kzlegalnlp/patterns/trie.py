"""Alternations of many literal words as one trie-shaped regex.

Python's regex engine tries the branches of ``a|b|c`` one after the other at
every position; factored as a trie it follows one branch per character, so a
scan for hundreds of keys costs about as much as a scan for a few.

>>> import re
>>> rx = re.compile(trie_regex(["ст", "ст.", "статья", "бап"]))
>>> [m.group() for m in rx.finditer("ст. 5, статья 6, бап 7")]
['ст.', 'статья', 'бап']
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (literally); at a position the longest word wins,
    as in an alternation sorted longest first. No words: a regex that never matches.

    >>> trie_regex(["нарк", "нал", "взят"])
    '(?:взят|на(?:л|рк))'
    >>> re.match(trie_regex(["ab", "a", "abc"]), "abd").group(), re.fullmatch(trie_regex([]), "") is None
    ('ab', True)
    """
    return trie_branches((word, "") for word in words if word)


def trie_branches(pairs: Iterable[tuple[str, str]]) -> str:
    """A regex for ``(key, tail)`` pairs: each matches its literal key followed by its tail (a
    regex). At a position the pairs whose key starts there are tried longest key first, equal
    keys in the given order, as in an alternation of ``key + tail`` sorted that way (stable).
    No pairs: a regex that never matches.

    >>> print(trie_branches([("на", r"\\d"), ("нал", "ог"), ("на", "$")]))
    на(?:лог|\\d|$)
    >>> [m.group() for m in re.finditer(trie_branches([("a", "b"), ("ab", "c")]), "abc ab")]
    ['abc', 'ab']
    """
    trie: dict = {}
    for key, tail in pairs:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        tails = node.setdefault("", [])
        if tail not in tails:  # a repeated pair could never match where its first copy failed
            tails.append(tail)
    return _branch(trie) if trie else "(?!)"


def ranked_branches(classes: Sequence[Iterable[tuple[str, str]]]) -> str:
    """:func:`trie_branches` of several classes of pairs, every pair of a class tried before
    any pair of a later class (as an alternation of the classes' regexes), but branching on
    the first character once: the engine scans the alternatives of a branch one by one.

    >>> print(ranked_branches([[("ab", "")], [("abc", ""), ("b", "")]]))
    (?:a(?:b|bc)|b)
    >>> [m.group() for m in re.finditer(ranked_branches([[("a", "x")], [("ab", "")]]), "ab ax")]
    ['ab', 'ax']
    """
    classes = [list(pairs) for pairs in classes]
    if any(not key for pairs in classes for key, _ in pairs):  # no first character to branch on
        return "(?:" + "|".join(trie_branches(pairs) for pairs in classes) + ")"
    alts = []
    for ch in sorted({key[0] for pairs in classes for key, _ in pairs}):
        rests = [[(key[1:], tail) for key, tail in pairs if key[0] == ch] for pairs in classes]
        tries = [trie_branches(rest) for rest in rests if rest]
        alts.append(re.escape(ch) + (tries[0] if len(tries) == 1 else "(?:" + "|".join(tries) + ")"))
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _branch(node: dict) -> str:
    # the children start with different characters, so at most one of them can go on; the
    # keys ending here come after them, so longer keys win (as the greedy optional of a
    # bare word: "ab" in "a(?:b)?")
    alts = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    tails = node.get("", [])
    if tails == [""] and alts:
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?"
    alts += tails
    if len(alts) < 2:
        return alts[0] if alts else ""
    return "(?:" + "|".join(alts) + ")"
