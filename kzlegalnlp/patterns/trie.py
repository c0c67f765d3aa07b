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
from typing import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (literally); at a position the longest word wins,
    as in an alternation sorted longest first. No words: a regex that never matches.

    >>> trie_regex(["нарк", "нал", "взят"])
    '(?:взят|на(?:л|рк))'
    >>> re.match(trie_regex(["ab", "a", "abc"]), "abd").group(), re.fullmatch(trie_regex([]), "") is None
    ('ab', True)
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie) or "(?!)"


def _branch(node: dict) -> str:
    # the children start with different characters, so at most one of them can go on;
    # the word ending here is the greedy optional's fallback: longer words win
    alts = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body
