"""Context of a figure: the year it refers to and the noun phrase it counts.

Both are heuristics over the sentence around the figure, documented here so the
gold and the code can be compared:

* **year** -- the nearest year printed before the figure in its sentence
  ("2025 жылы", "в 2019 году", "in 2017 –"); else the nearest one after it;
  else a relative word ("биыл", "жыл ішінде", "в этом году", "this year" -> the
  document's year; "былтыр", "в прошлом году", "last year" -> the year before); else
  the year of the paragraph when the paragraph names one single year before the
  figure (a news report on "2025 жылы"). Several years, or a printed range
  ("2018-2021 жылдары"), leave the year unknown: ``None``.
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

import bisect
import re

from ..patterns.numbers import NUMBER_PATTERN

NUMBER_SPAN_RE = re.compile(NUMBER_PATTERN)
YEAR_DASH_RE = re.compile(r"\s*[-–—]\s*")
WINDOW = 600  # characters looked at on each side of a figure for its sentence
# Relative years, matched on lower-cased text; the anchors are a cheap pre-check.
RELATIVE_YEAR = (
    (re.compile(r"(?<![^\W\d_])(?:биыл\w*|ағымдағы\s+жыл\w*|жыл\s+басынан|жыл\s+ішінде|"
                r"в\s+этом\s+году|в\s+текущем(?:\s+году)?|"
                r"с\s+начала\s+(?:этого\s+|текущего\s+)?года|this\s+year)"), 0),
    (re.compile(r"(?<![^\W\d_])(?:былтыр\w*|өткен\s+жыл\w*|в\s+прошлом\s+году|"
                r"за\s+прошлый\s+год|last\s+year)"), -1),
)
RELATIVE_ANCHORS = ("биыл", "ағымдағы", "басынан", "ішінде", "этом", "текущ", "начала", "this",
                    "былтыр", "өткен", "прошл", "last")
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
# ("-йды" is left out: it ends nouns in the accusative too, "жағдайды")
KK_VERB_ENDINGS = ("лды", "лді", "нды", "нді", "ады", "еді", "ған", "ген", "қан", "кен",
                   "уда", "уде", "лып", "ліп", "нып", "ніп", "тты", "тті")
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
    return YearIndex(text, None).sentence(pos)


class YearIndex:
    """Year mentions of one text, found once, then queried per figure.

    Sentence bounds and relative words ("биыл") are looked up in a window of
    at most :data:`WINDOW` characters around each figure, so the cost is linear
    in the text and the number of figures.

    >>> idx = YearIndex("В 2020 году около 70%. Рост 5%.", 2024)
    >>> idx.year_for(12), idx.year_for(28)
    (2020, 2020)
    """

    def __init__(self, text: str, ref_year: int | None,
                 taken: set[int] | frozenset[int] = frozenset(),
                 numbers: list[tuple[int, int]] | None = None):
        self.text, self.ref_year = text, ref_year
        spans = numbers if numbers is not None else [m.span() for m in NUMBER_SPAN_RE.finditer(text)]
        self.mentions = _year_mentions(text, spans, taken)
        self.mention_pos = [p for p, _ in self.mentions]

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos`` (within :data:`WINDOW`)."""
        start = max(0, pos - WINDOW)
        for m in SENTENCE_END_RE.finditer(self.text, start, pos):
            start = m.end()
        while start < pos and self.text[start].isspace():
            start += 1
        m = SENTENCE_END_RE.search(self.text, pos, pos + WINDOW)
        return start, (m.end() if m else min(len(self.text), pos + WINDOW))

    def _between(self, start: int, end: int) -> list[tuple[int, int | None]]:
        lo = bisect.bisect_left(self.mention_pos, start)
        hi = bisect.bisect_left(self.mention_pos, end)
        return self.mentions[lo:hi]

    def _relative(self, start: int, end: int) -> int | None:
        low = self.text[start:end].lower()
        if not any(a in low for a in RELATIVE_ANCHORS):
            return None
        for regex, shift in RELATIVE_YEAR:
            if regex.search(low):
                return None if self.ref_year is None else self.ref_year + shift
        return None

    def year_for(self, pos: int) -> int | None:
        """Year the figure at ``pos`` refers to (see the module rules), or None."""
        s, e = self.sentence(pos)
        found = self._between(s, e)
        before = [m for m in found if m[0] < pos]
        if before:
            return before[-1][1]
        after = [m for m in found if m[0] > pos]
        if after:
            return after[0][1]
        relative = self._relative(s, e)
        if relative is not None or s == 0:
            return relative
        # carry the year of the paragraph (a line of plain text) when it names
        # one single year before the figure; several years or a span: unknown
        lo = max(0, s - 3000)
        block = max(self.text.rfind("\n", lo, s), self.text.rfind("\u2029", lo, s), lo - 1) + 1
        years = {y for _, y in self._between(block, s)}
        return years.pop() if len(years) == 1 else None


def _year_mentions(text: str, spans: list[tuple[int, int]],
                   taken: set[int] | frozenset[int]) -> list[tuple[int, int | None]]:
    """(position, year) of printed years; a range "2018-2021" gives (position, None)."""
    out: list[tuple[int, int | None]] = []
    skip = -1
    for k, (a, b) in enumerate(spans):
        if a <= skip or a in taken or not _is_year_text(text[a:b]):
            continue
        if k + 1 < len(spans):
            c, d = spans[k + 1]
            if YEAR_DASH_RE.fullmatch(text, b, c) and _is_year_text(text[c:d]):
                out.append((a, None))
                skip = c
                continue
        out.append((a, int(text[a:b])))
    return out


def _is_year_text(surface: str) -> bool:
    return len(surface) == 4 and surface[:2] in ("19", "20") and surface.isdigit()



def year_for(text: str, pos: int, ref_year: int | None, taken: set[int] | None = None) -> int | None:
    """Year the figure at ``text[pos]`` refers to (see the module rules), or None.

    For many figures of one text build a :class:`YearIndex` once instead.

    Args:
        text: The text holding the figure.
        pos: Offset of the figure.
        ref_year: Year of the document's date, for "биыл" / "this year".
        taken: Offsets of numbers already read as figures (not years).

    >>> year_for("Биыл 46 мың киберқылмыс анықталды.", 5, 2025)
    2025
    """
    return YearIndex(text, ref_year, taken or set()).year_for(pos)


def _is_kk_verb(word: str) -> bool:
    low = word.lower()
    return low in KK_STOP or (len(low) > 5 and low.endswith(KK_VERB_ENDINGS))


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


RU_GENITIVE = ("ов", "ев", "ей", "ий", "ых", "их", "ех", "ин", "ок", "ек", "of")


def share_of_ru(text: str, pos: int) -> str | None:
    """What a Russian share counts: the genitive after it ("35% подростков"), or None.

    >>> share_of_ru(" подростков правонарушителей воспитывались", 0), share_of_ru(" сумма", 0)
    ('подростков правонарушителей', None)
    """
    m = next_word(text, pos)
    if not m or not m.group().lower().endswith(RU_GENITIVE) or m.group().lower() == "of":
        return None
    return subject_after_ru(text, pos)


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


LABEL_VERBS = frozenset("""составляет составляют составило составила составил является
    было были is are was were құрайды құрады болды""".split())
LABEL_WORDS = 5  # a label is a short noun phrase: "от 18 до 24 лет", "piloting technique"


def subject_before_dash(text: str, pos: int) -> str | None:
    """The label printed before a dash in front of the figure ("piloting technique – 32.8%").

    >>> subject_before_dash("flight pattern deviations – 41.5%", 28)
    'flight pattern deviations'
    """
    left = text[max(0, pos - 70):pos].rstrip().rstrip("(+").rstrip()
    if not left or left[-1] not in "–—:-":
        return None
    left = left[:-1].rstrip()
    label = left[max(left.rfind(c) for c in "–—:;()[]\u2029") + 1:]
    label = re.split(r"[,.]\s+", label)[-1].strip()
    if len(label) < 3 or not label[0].isalpha():
        return None
    words = label.split()
    while words and words[-1].lower() in LABEL_VERBS:
        words.pop()  # "... образованием составляет – 3,2%": the verb is no part of it
    label = " ".join(words[-LABEL_WORDS:])
    return label if label and label[0].isalpha() else None


__all__ = ["YearIndex", "year_for", "sentence_bounds", "subject_after_kk", "subject_after_ru",
           "subject_before_dash", "share_of_ru"]
