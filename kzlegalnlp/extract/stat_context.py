"""Context of a figure: the year it refers to and the noun phrase it counts.

Both are heuristics over the sentence around the figure, documented here so the
gold and the code can be compared:

* **year** -- the nearest year printed before the figure in its sentence
  ("2025 жылы", "в 2019 году", "in 2017 –"); else the nearest one after it;
  else a relative word ("биыл", "в этом году", "this year" -> the document's
  year; "былтыр", "в прошлом году", "last year" -> the year before); else the
  last year printed earlier in the paragraph (or the previous sentence). A printed year range ("2018-2021
  жылдары") blocks the guess: the figure is then for the whole span, ``None``.
* **subject** -- for Kazakh, the words after the figure up to the head noun
  (a word with a possessive or case ending, or before a verb); for Russian and
  English, the noun after a count ("78 уголовных дел"), or the label before a
  dash ("образованием – 40,4%").

>>> year_for("В 2020 году около 70%.", 12, 2024)
2020
>>> subject_after_kk(" интернет-алаяқтық қылмысы тіркелді.", 0)
'интернет-алаяқтық қылмысы'
"""

from __future__ import annotations

import re

YEAR_MENTION_RE = re.compile(
    r"(?<![\d.,])(?P<y1>(?:19|20)\d\d)(?:\s*[-–—]\s*(?P<y2>(?:19|20)\d\d))?(?![\d]|[.,]\d)"
)
RELATIVE_YEAR = (
    (re.compile(r"(?<![^\W\d_])(?:биыл\w*|ағымдағы\s+жыл\w*|жыл\s+басынан|в\s+этом\s+году|"
                r"в\s+текущем(?:\s+году)?|с\s+начала\s+(?:этого\s+|текущего\s+)?года|"
                r"this\s+year|so\s+far\s+this\s+year)", re.I), 0),
    (re.compile(r"(?<![^\W\d_])(?:былтыр\w*|өткен\s+жыл\w*|в\s+прошлом\s+году|"
                r"за\s+прошлый\s+год|last\s+year)", re.I), -1),
)
# sentence ends; U+2029 joins the paragraphs of a document (see statistics.py)
SENTENCE_END_RE = re.compile(r"[.!?;](?=\s+[^\s\d])|\n[ \t]*(?=[-–—•])|\u2029")
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# Kazakh words that end a counted noun phrase: verbs and function words.
KK_STOP = frozenset(
    """және мен бен пен бойынша үшін туралы деп бар жоқ бұл осы ол олар сол тең болды болып
    болған болса құрады құрайды құрап жетті жетеді тіркелді тіркелген анықталды анықталған
    ғана тек шамамен жуық астам артық дейін кейін бері сайын арқылы қатысты ішінде оның соның
    жылы жыл жылдан жылға жылғы жылдары""".split()
)
KK_VERB_ENDINGS = ("лды", "лді", "нды", "нді", "ады", "еді", "ған", "ген", "қан", "кен",
                   "уда", "уде", "лып", "ліп", "нып", "ніп", "тты", "тті", "йды", "йді")
# A Kazakh noun with one of these endings closes the phrase (possessive, cases).
KK_HEAD_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің", "сы", "сі", "ны", "ні",
                   "ды", "ді", "ты", "ті", "ға", "ге", "қа", "ке", "да", "де", "та", "те")
KK_CONJ = frozenset({"мен", "бен", "пен", "және"})
RU_STOP = frozenset(
    """и в во на по за из от до с со к у о об при для что как это был были было была является
    составило составила составляет составляют год года году лет тыс млн млрд раз человек
    the of in on at by for and or to from was were is are more than over about""".split()
)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``text[pos]``.

    >>> t = "Бірінші. Екінші 5 сөйлем. Үшінші"
    >>> t[slice(*sentence_bounds(t, 16))]
    'Екінші 5 сөйлем.'
    """
    start = 0
    lo = max(0, pos - 600)
    for m in SENTENCE_END_RE.finditer(text, lo, pos):
        start = m.end()
    while start < pos and text[start].isspace():
        start += 1
    m = SENTENCE_END_RE.search(text, pos, min(len(text), pos + 600))
    end = m.end() if m else min(len(text), pos + 600)
    return start, end


def _mentions(text: str, start: int, end: int, taken: set[int]) -> list[tuple[int, int | None]]:
    """(position, year or None for a range) of year mentions in ``text[start:end]``."""
    out = []
    for m in YEAR_MENTION_RE.finditer(text, start, end):
        if m.start() in taken:
            continue
        out.append((m.start(), None if m.group("y2") else int(m.group("y1"))))
    return out


def year_for(text: str, pos: int, ref_year: int | None, taken: set[int] | None = None) -> int | None:
    """Year the figure at ``text[pos]`` refers to (see the module rules), or None.

    Args:
        text: The text holding the figure.
        pos: Offset of the figure.
        ref_year: Year of the document's date, for "биыл" / "this year".
        taken: Offsets of numbers already read as figures (not years).

    >>> year_for("Биыл 46 мың киберқылмыс анықталды.", 5, 2025)
    2025
    """
    taken = taken or set()
    s, e = sentence_bounds(text, pos)
    found = _mentions(text, s, e, taken)
    before = [m for m in found if m[0] < pos]
    if before:
        return before[-1][1]
    after = [m for m in found if m[0] > pos]
    if after:
        return after[0][1]
    sentence = text[s:e]
    for regex, shift in RELATIVE_YEAR:
        if regex.search(sentence):
            return None if ref_year is None else ref_year + shift
    if s > 0:
        # carry a year over from earlier in the paragraph (a line of plain text),
        # or at least from the previous sentence
        ps, _ = sentence_bounds(text, max(0, s - 2))
        block = max(text.rfind("\n", 0, s), text.rfind("\u2029", 0, s)) + 1
        prev = _mentions(text, min(ps, max(block, s - 3000)), s, taken)
        if prev:
            return prev[-1][1]
    return None


def _is_kk_verb(word: str) -> bool:
    low = word.lower()
    return low in KK_STOP or (len(low) > 5 and low.endswith(KK_VERB_ENDINGS[:18]))


def next_word(text: str, i: int) -> re.Match[str] | None:
    """The word after ``text[i:]`` when only spaces or line breaks come between.

    >>> next_word("5  адам", 1).group()
    'адам'
    """
    j = i
    while j < len(text) and j - i < 12 and text[j] in " \u00a0\u2009\u202f\n\r\t":
        j += 1
    return WORD_RE.match(text, j)


def subject_after_kk(text: str, pos: int, limit: int = 4) -> str | None:
    """Kazakh counted noun phrase starting at ``text[pos:]``, or None.

    >>> subject_after_kk(" бала мен жасөспірім тәлімгерлік", 0)
    'бала мен жасөспірім'
    """
    words: list[str] = []
    i = pos
    while len(words) < limit:
        m = next_word(text, i)
        if not m:
            break
        word, low = m.group(), m.group().lower()
        if low not in KK_CONJ and _is_kk_verb(word) and not (words and words[-1].lower() in KK_CONJ):
            break
        after_conj = bool(words) and words[-1].lower() in KK_CONJ
        words.append(word)
        i = m.end()
        if low in KK_CONJ:
            continue
        if after_conj:
            break  # "бала мен жасөспірім": a coordination closes the phrase
        nxt = next_word(text, i)
        if low.endswith(KK_HEAD_ENDINGS) and not (nxt and nxt.group().lower() in KK_CONJ):
            break
    while words and words[-1].lower() in KK_CONJ:
        words.pop()
    return " ".join(words) or None


def subject_after_ru(text: str, pos: int, limit: int = 2) -> str | None:
    """Russian or English counted noun after a count ("78 уголовных дел"), or None.

    >>> subject_after_ru(" уголовных дел возбуждено", 0)
    'уголовных дел'
    """
    words: list[str] = []
    i = pos
    while len(words) < limit:
        m = next_word(text, i)
        if not m or m.group().lower() in RU_STOP:
            break
        words.append(m.group())
        i = m.end()
    return " ".join(words) or None


LABEL_RE = re.compile(r"([^\W\d_][^–—:;()\[\]\d]{2,60}?)\s*[–—:-]\s*[(+]?$")


def subject_before_dash(text: str, pos: int) -> str | None:
    """The label printed before a dash in front of the figure ("piloting technique – 32.8%").

    >>> subject_before_dash("flight pattern deviations – 41.5%", 28)
    'flight pattern deviations'
    """
    left = text[max(0, pos - 70):pos]
    m = LABEL_RE.search(left)
    if not m:
        return None
    label = re.split(r"[,.]\s*", m.group(1).strip())[-1].strip()
    label = " ".join(label.split()[-4:])
    return label or None


__all__ = ["year_for", "sentence_bounds", "subject_after_kk", "subject_after_ru",
           "subject_before_dash", "YEAR_MENTION_RE"]
