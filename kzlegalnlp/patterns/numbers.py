"""Numbers as printed in Kazakh, Russian and English legal and news texts.

Two jobs, both pure functions on strings:

* :data:`NUMBER_RE` finds a number: digit groups split by a space, a no-break
  space (U+00A0) or a thin space (U+2009, U+202F) -- ``27 892``, ``268 750 015``
  -- and a decimal part after a comma or a point (``31,7``, ``41.5``).
* :func:`parse_number` turns such a surface into a ``float`` and
  :func:`multiplier` reads a multiplier word in any of its case forms
  (``мыңнан``, ``тыс.``, ``млн-ға``, ``миллиардтан``, ``trillion``).

>>> parse_number("27 892"), parse_number("1,2") * multiplier("триллион")
(27892.0, 1200000000000.0)
>>> multiplier("мыңнан"), multiplier("млрд-тан"), multiplier("тонна")
(1000.0, 1000000000.0, None)
"""

from __future__ import annotations

import re
from typing import Iterator

# Characters that may separate groups of three digits.
GROUP_SEPARATORS = " \u00a0\u2009\u202f"

# A grouped integer ("268 750 015") must have 3-digit groups after a 1-3 digit
# head and must not run into a further digit; otherwise a plain integer.
# The decimal part needs a digit right after the comma, so "205, 206" stays a list.
# No look-behind: a pattern that starts with a digit lets the regex engine skip
# ahead fast; a number glued to "1." or "2," is dropped by the caller instead.
NUMBER_PATTERN = (
    r"\d(?:\d{0,2}(?:,\d{3}){2,}(?![.,]?\d)"  # English grouping, unambiguous: "1,250,000"
    r"|(?:\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d*)"
    r"(?:[.,]\d+(?![.,]?\d))?)"
)
NUMBER_RE = re.compile(NUMBER_PATTERN)

# The zeros of the decimal digit sets of the Basic Multilingual Plane (each set is the
# ten code points from its zero; tests/test_statistics_fastpaths.py checks the list
# against ``str.isdecimal``).
BMP_DIGIT_ZEROS = (0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66,
                   0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810,
                   0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
                   0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10)
# NUMBER_PATTERN opening with those digits spelled out: for a text without characters
# beyond U+FFFF it finds the same numbers, and the regex engine skips ahead through a
# bitmap instead of a Unicode category lookup per character.
_BMP_NUMBER_RE = re.compile(
    "[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in BMP_DIGIT_ZEROS) + "]"
    + NUMBER_PATTERN.removeprefix(r"\d"))


def find_numbers(text: str) -> Iterator[re.Match[str]]:
    """``NUMBER_RE.finditer(text)``, faster on a text within the BMP.

    >>> [m.group() for m in find_numbers("27 892 адам, ٣٤ and 1,250,000")]
    ['27 892', '٣٤', '1,250,000']
    """
    if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return _BMP_NUMBER_RE.finditer(text)
    return NUMBER_RE.finditer(text)
# "3,400" is 3.4 in Kazakh and Russian but 3400 in English: the caller decides
AMBIGUOUS_COMMA_RE = re.compile(r"\d{1,3},\d{3}")

# stem -> factor; a word is a multiplier when it starts with one of the stems
# (that covers the case forms: мыңнан, мыңға, мыңдай, тысячи, миллионнан ...).
# Each stem has an example checked by tests/test_statistics_patterns.py.
MULTIPLIER_STEMS: dict[str, tuple[float, str]] = {
    "мың": (1e3, "мыңнан"),
    "тысяч": (1e3, "тысячи"),
    "тыс": (1e3, "тыс."),
    "thousand": (1e3, "thousand"),
    "миллион": (1e6, "миллионнан"),
    "млн": (1e6, "млн-ға"),
    "million": (1e6, "millions"),
    "mln": (1e6, "mln"),
    "миллиард": (1e9, "миллиардтан"),
    "млрд": (1e9, "млрд-тан"),
    "billion": (1e9, "billion"),
    "bn": (1e9, "bn"),
    "bln": (1e9, "bln"),
    "триллион": (1e12, "триллион"),
    "трлн": (1e12, "трлн"),
    "trillion": (1e12, "trillion"),
}

# Stems that are also the start of unrelated words: they must be the whole word
# or be followed by a dot, a hyphen (Kazakh suffix) or a case ending listed here.
_SHORT_STEMS = {"тыс", "млн", "млрд", "трлн", "mln", "bn", "bln"}

# Only the Cyrillic abbreviations take a dot ("тыс.", "млн."): after a full word
# ("million.") or an English "bn" the dot ends the sentence, no part of the figure.
_DOTTED = {"тыс", "млн", "млрд", "трлн"}
# Latin "mln." / "bln." (common in Kazakh and Russian texts in English) keep their
# dot only when a lowercase word follows ("5 mln. tenge"); otherwise it ends the sentence.
_DOTTED_LATIN = {"mln", "bln"}
MULTIPLIER_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, _DOTTED), key=len, reverse=True)) + r")"
    r"(?:\.|-[^\W\d_]+|[^\W\d_]*)"
    r"|(?:" + "|".join(sorted(_DOTTED_LATIN)) + r")\.(?=[ \u00a0](?-i:[a-z]))"
    r"|(?:" + "|".join(sorted(map(re.escape, set(MULTIPLIER_STEMS) - _DOTTED), key=len,
                              reverse=True)) + r")(?:-[^\W\d_]+|[^\W\d_]*)",
    re.IGNORECASE,
)


def parse_number(surface: str, english: bool = False) -> float:
    """Value of a printed number: group separators dropped, comma or point as decimal.

    Args:
        surface: A string matched by :data:`NUMBER_RE`.
        english: Read commas as thousands separators ("3,400" = 3400), as English does.

    Returns:
        The number as a float.

    Raises:
        ValueError: If ``surface`` holds no digits.

    >>> parse_number("268\u00a0750 015"), parse_number("0,175"), parse_number("41.5")
    (268750015.0, 0.175, 41.5)
    >>> parse_number("3,400"), parse_number("3,400", english=True), parse_number("1,250,000")
    (3.4, 3400.0, 1250000.0)
    """
    if surface.isdecimal():
        return float(surface)  # digits only (the most numbers): nothing to take out
    clean = surface.strip()
    if english or clean.count(",") > 1:
        clean = clean.replace(",", "")
    for sep in GROUP_SEPARATORS:
        clean = clean.replace(sep, "")
    clean = clean.replace(",", ".")
    if not any(map(str.isdigit, clean)):  # (an empty string has none)
        raise ValueError(f"not a number: {surface!r}")
    return float(clean)


_STEMS_LONGEST_FIRST = sorted(MULTIPLIER_STEMS, key=len, reverse=True)  # sorted once


def multiplier(word: str) -> float | None:
    """Factor of a multiplier word in any case form, or None if it is not one.

    Args:
        word: One word as printed, with its suffix (``мыңға``, ``млн.``, ``млрд-тан``).

    >>> multiplier("мыңдай"), multiplier("тыс."), multiplier("millions"), multiplier("млнх")
    (1000.0, 1000.0, 1000000.0, None)
    """
    low = word.lower()
    for stem in _STEMS_LONGEST_FIRST:
        if not low.startswith(stem):
            continue
        rest = low[len(stem):]
        if stem in _SHORT_STEMS and rest not in ("", ".") and not rest.startswith("-"):
            return None
        return MULTIPLIER_STEMS[stem][0]
    return None


def is_decimal(surface: str) -> bool:
    """True when the number has a decimal part (``31,7``), so it is no year or ordinal.

    >>> is_decimal("31,7"), is_decimal("27 892")
    (True, False)
    """
    return bool(re.search(r"[.,]\d", surface))


__all__ = ["NUMBER_RE", "find_numbers", "NUMBER_PATTERN", "AMBIGUOUS_COMMA_RE", "MULTIPLIER_STEMS", "MULTIPLIER_RE", "parse_number",
           "multiplier", "is_decimal"]
