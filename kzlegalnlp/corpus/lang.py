"""Language of a text: Kazakh (``kk``), Russian (``ru``) or English (``en``).

The rule is a small scoring model, not a trained classifier, so it is fast,
deterministic and works on a title or a single sentence:

1. Letters are counted by script. If Latin letters outnumber Cyrillic ones the
   text is English (the corpus holds no other Latin-script language).
2. Among Cyrillic letters, the nine letters that exist in Kazakh but not in
   Russian (``ә ғ қ ң ө ұ ү һ і``) are strong evidence for Kazakh.
3. Frequent function words (``және``, ``бойынша``, ``мен`` ... versus ``и``,
   ``в``, ``не``, ``что`` ...) and a few Russian-only letter patterns (``ы`` after
   vowels is rare in both, so we use words) break ties on short strings and on
   Kazakh text typed without the specific letters.

An empty text, or one without letters, returns ``default``. Only the first
:data:`SAMPLE_CHARS` characters are read.

>>> detect_lang("Интернет-алаяқтық қылмысы тіркелді")
'kk'
>>> detect_lang("Уголовная ответственность за мошенничество")
'ru'
>>> detect_lang("Cybercrime in the digital age")
'en'
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Sequence

import numpy as np

SAMPLE_CHARS = 1000
DECISIVE_LETTERS = 150
WEAK_EVIDENCE = 1.0  # a score margin below this defers to the context language
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

# Frequent words that settle short strings; each list is checked by a test.
KAZAKH_WORDS = frozenset(
    """және мен бен пен бойынша үшін туралы деп бар жоқ бұл осы ол олар сол да де та те
    еді емес болып болады болған жылы жыл арқылы қарсы сияқты тиіс керек мұндай барлық
    қазақстан республикасы кодексі бабы бабының қылмыс қылмыстық істер ішкі""".split()
)
RUSSIAN_WORDS = frozenset(
    """и в во не на что как это по из за от до для при или но же ли бы его её их
    также который которые было были является год года статья статьи ст кодекса
    республики казахстан уголовного уголовный преступлений преступления""".split()
)

# Word endings typical of one language (checked by a test): Kazakh plural,
# past-tense and case suffixes; Russian adjective, noun and verb endings.
KAZAKH_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер", "ған", "ген", "қан", "кен",
                  "ында", "інде", "ынан", "інен", "ады", "еді", "ды", "ді", "ты", "ті")
RUSSIAN_ENDINGS = ("ого", "его", "ому", "ыми", "ими", "ая", "яя", "ое", "ый", "ий",
                   "ние", "ния", "ость", "ости", "ться", "ются", "ется", "ых", "их")


_WORD = re.compile(r"[^\W\d_]+")


def _word_score(word: str) -> complex:
    """One lower-case word's evidence, Kazakh as the real part and Russian as the
    imaginary part, so that a text's evidence is one ``sum`` in C.

    >>> _word_score("және"), _word_score("которые"), _word_score("істерді")
    ((1+0j), 1j, (0.5+0j))
    """
    kk = ru = 0.0
    if word in KAZAKH_WORDS:
        kk += 1
    elif word in RUSSIAN_WORDS:
        ru += 1
    if len(word) > 3:
        kk += 0.5 * word.endswith(KAZAKH_ENDINGS)
        ru += 0.5 * word.endswith(RUSSIAN_ENDINGS)
    return complex(kk, ru)


@lru_cache(maxsize=1 << 16)
def _token_score(token: str) -> complex:
    """The evidence of the words of one space-separated token as printed (cached: the
    same tokens come back in every text, so most cost one lookup, and each distinct
    token is lower-cased once instead of every text).

    >>> _token_score("(Істерді,"), _token_score("2019-жылы")
    ((0.5+0j), (1+0j))
    """
    low = token.lower()
    words = (low,) if low.isalpha() else _WORD.findall(low)
    return sum(map(_word_score, words), 0j)


def _word_evidence(text: str) -> tuple[float, float]:
    """Kazakh and Russian evidence from frequent words (1 each) and endings (0.5 each).

    A word (``[^\\W\\d_]+``) never crosses white space, so the words are those of the
    space-separated tokens; lower-casing never crosses it either (white space is neither
    cased nor case-ignorable, even for a final sigma), so each token is lower-cased on
    its own; the parts are multiples of 0.5, so the sum is exact in any order.

    >>> _word_evidence("Қылмыстық істер және сот"), _word_evidence("дела и суды")
    ((3.5, 0.0), (0.5, 1.0))
    """
    total = sum(map(_token_score, text.split()), 0j)
    return total.real, total.imag


# In UTF-8 every character of the Cyrillic block U+0400-U+04FF starts with one of the
# lead bytes D0-D3, and no other byte sequence contains them; Ә Ғ Қ Ң Ө Ұ Ү Һ lie in
# U+0480-U+04FF (lead bytes D2, D3, shared only with letters of other Turkic alphabets).
# One ``bytes.translate`` keeps a byte of each class as its mark, L an ASCII letter, C a
# lead byte D0 or D1, K a lead byte D2 or D3, and deletes every other byte
_LETTER_BYTES = {**dict.fromkeys(string.ascii_letters.encode("ascii"), ord("L")),
                 0xD0: ord("C"), 0xD1: ord("C"), 0xD2: ord("K"), 0xD3: ord("K")}
_SCRIPT_CLASSES = bytes(_LETTER_BYTES.get(b, b) for b in range(256))
_NO_SCRIPT = bytes(b for b in range(256) if b not in _LETTER_BYTES)
# ... and the Kazakh І and і are D0 86 and D1 96
_KAZAKH_I = (b"\xd0\x86", b"\xd1\x96")


def _script_counts(text: str) -> tuple[int, int, int]:
    """Latin (ASCII), Cyrillic and Kazakh-specific letters of ``text``, counted on its
    UTF-8 bytes: one ``bytes.translate`` in C keeps a mark of each letter's class and
    nothing else, so ``bytes.count`` reads only the marks (several times cheaper than a
    regex).

    >>> _script_counts("ст. 190 УК РФ, ICAO"), _script_counts("Қылмыстық іс")
    ((4, 6, 0), (0, 11, 3))
    """
    raw = text.encode("utf-8", "surrogatepass")
    marks = raw.translate(_SCRIPT_CLASSES, _NO_SCRIPT)
    latin, kazakh_leads = marks.count(b"L"), marks.count(b"K")
    return latin, len(marks) - latin, kazakh_leads + raw.count(_KAZAKH_I[0]) + raw.count(_KAZAKH_I[1])


class ScriptTotals:
    """The script counts of :func:`_script_counts` for any span of one text, read from
    running totals made once for the whole text (a few numpy passes over its code points):
    a file's paragraphs then cost a subtraction each instead of an encoding and a count.

    >>> totals = ScriptTotals("ст. 190 УК РФ, ICAO Қылмыстық іс")
    >>> totals.spans([0, 20], [19, 32]), _script_counts("Қылмыстық іс")
    ([(4, 6, 0), (0, 11, 3)], (0, 11, 3))
    """

    def __init__(self, text: str) -> None:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        latin = ((codes | 0x20) - 0x61) < 26  # an ASCII letter folded to a-z (below "a" wraps round)
        cyrillic = (codes >> 8) == 0x04  # U+0400-U+04FF
        kazakh = ((codes >> 7) == 0x09) | (codes == 0x406) | (codes == 0x456)  # U+0480-U+04FF, І, і
        self._totals = [_running_total(mask) for mask in (latin, cyrillic, kazakh)]

    def spans(self, starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, int, int]]:
        """The script counts of ``text[start:end]`` for each pair of ``starts`` and ``ends``."""
        at, to = np.asarray(starts, dtype=np.intp), np.asarray(ends, dtype=np.intp)
        latin, cyrillic, kazakh = ((totals[to] - totals[at]).tolist() for totals in self._totals)
        return list(zip(latin, cyrillic, kazakh))


def _running_total(mask: np.ndarray) -> np.ndarray:
    """``[0, *cumsum(mask)]`` in int32, summed in place (4 bytes a character, no copy).

    >>> _running_total(np.array([True, False, True])).tolist()
    [0, 1, 1, 2]
    """
    totals = np.zeros(len(mask) + 1, dtype=np.int32 if len(mask) < 2**31 else np.int64)
    np.cumsum(mask, out=totals[1:])
    return totals


def detect_lang(text: str, default: str = "kk", context: str | None = None,
                scripts: tuple[int, int, int] | None = None) -> str:
    """Return ``"kk"``, ``"ru"`` or ``"en"`` for ``text``.

    Args:
        text: Any string; a few words are enough.
        default: Returned when the text holds no letters at all.
        context: The language around the text (its document's). When given, it
            wins over weak evidence: a table cell ``Кесте 1`` or a name inside a
            Kazakh paper has no Kazakh letter and no telling word, so the
            letters alone would call it Russian.
        scripts: The script counts of ``text[:SAMPLE_CHARS]`` (:class:`ScriptTotals`),
            when the caller has them.

    Returns:
        The language code.

    >>> detect_lang("Ішкі істер министрлігі"), detect_lang("Министерство внутренних дел")
    ('kk', 'ru')
    >>> detect_lang("12.05.2024"), detect_lang("12.05.2024", default="ru")
    ('kk', 'ru')
    >>> detect_lang("Кесте 1"), detect_lang("Кесте 1", context="kk"), detect_lang("Уголовный кодекс", context="kk")
    ('ru', 'kk', 'ru')
    """
    scores = lang_scores(text, scripts)
    if scores is None:
        return context or default
    ranked = sorted(scores.values(), reverse=True)
    if context and ranked[0] - ranked[1] < WEAK_EVIDENCE:
        return context
    return max(scores, key=scores.__getitem__)


def lang_scores(text: str, scripts: tuple[int, int, int] | None = None) -> dict[str, float] | None:
    """Evidence for each language, or ``None`` when ``text`` has no letters (``scripts``:
    the script counts of ``text[:SAMPLE_CHARS]``, when the caller has them).

    >>> lang_scores("...") is None
    True
    >>> s = lang_scores("Қылмыстық кодекс"); s["kk"] > s["ru"]
    True
    """
    text = text[:SAMPLE_CHARS]  # enough evidence; keeps long documents cheap
    latin, cyrillic, specific = scripts or _script_counts(text)
    if latin + cyrillic == 0:
        return None
    if latin > 2 * cyrillic or (latin > cyrillic and not specific):
        return {"en": float(latin), "ru": float(cyrillic), "kk": 0.0}
    share = specific / cyrillic
    if cyrillic >= DECISIVE_LETTERS and (share >= 0.03 or share <= 0.005):
        # long enough for the letters alone to decide (Kazakh prose runs at ~8%)
        return {"kk": 40.0 * share, "ru": 1.0 if share <= 0.005 else 0.0, "en": 0.0}
    kk_words, ru_words = _word_evidence(text)
    # A Kazakh-specific letter turns up about once every 12 letters of Kazakh
    # text, so relative to the Cyrillic count a 2% share is already telling;
    # Russian text has none, except in quoted Kazakh names.
    kk = 40.0 * share + 2.0 * kk_words + (1.0 if specific else 0.0)
    ru = 2.0 * ru_words + (0.8 if specific == 0 else 0.0)
    return {"kk": kk, "ru": ru, "en": 0.0}


__all__ = ["detect_lang", "lang_scores", "ScriptTotals", "KAZAKH_LETTERS", "KAZAKH_WORDS", "RUSSIAN_WORDS",
           "KAZAKH_ENDINGS", "RUSSIAN_ENDINGS"]
