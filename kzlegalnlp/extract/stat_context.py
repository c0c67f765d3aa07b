"""Context of a figure: the year it refers to and the noun phrase it counts.

Both are heuristics over the sentence around the figure, documented here so the
gold and the code can be compared:

* **year** -- see :mod:`kzlegalnlp.extract.stat_years` (re-exported here).
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

from .stat_years import YearIndex, sentence_bounds, year_for

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# Kazakh words that end a counted noun phrase: verbs and function words.
KK_STOP = frozenset(
    """және мен бен пен бойынша үшін туралы деп бар жоқ бұл осы ол олар сол тең болды болып
    болған болса құрады құрайды құрап жетті жетеді тіркелді тіркелген анықталды анықталған
    ғана тек шамамен жуық астам артық дейін кейін бері сайын арқылы қатысты ішінде оның соның
    жылы жыл жылдан жылға жылғы жылдары артты айтты тартты кетті өтті""".split()
)
# ("-йды" and "-тты" are left out: they end nouns in the accusative too, "жағдайды",
# "азаматты"; the common verbs in "-тты" are in KK_STOP)
KK_VERB_ENDINGS = ("лды", "лді", "нды", "нді", "ады", "еді", "ған", "ген", "қан", "кен",
                   "уда", "уде", "лып", "ліп", "нып", "ніп")
# A Kazakh noun with one of these endings closes the phrase (possessive, cases).
KK_HEAD_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің", "сы", "сі", "ны", "ні",
                   "ды", "ді", "ты", "ті", "ға", "ге", "қа", "ке", "да", "де", "та", "те",
                   "дан", "ден", "тан", "тен", "нан", "нен")
KK_CONJ = frozenset({"мен", "бен", "пен", "және"})
RU_STOP = frozenset(
    """и в во на по за из от до с со к у о об при для что как это был были было была является
    составило составила составляет составляют год года году лет тыс млн млрд раз человек
    the of in on at by for and or to from was were is are more than over about
    таких этих тех такого этого those these such last this next year years worth with""".split()
)


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


# Word shapes inside a Kazakh noun phrase (modifiers come before their noun):
KK_ADJ_ENDINGS = ("тық", "тік", "лық", "лік", "дық", "дік", "ғы", "гі", "қы", "кі", "лы", "лі")
KK_CASE_ENDINGS = ("ға", "ге", "қа", "ке", "да", "де", "та", "те", "дан", "ден", "тан", "тен",
                   "нан", "нен")
KK_PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер")
KK_AGENT_ENDINGS = ("шы", "ші")  # "жүргізуші", "қатысушы": a person noun, a head
KK_NUMERALS = frozenset("бір екі үш төрт бес алты жеті сегіз тоғыз он жүз".split())


def _kk_modifier(low: str) -> bool:
    return low in KK_NUMERALS or low.endswith(KK_ADJ_ENDINGS)


def _kk_starts_new_phrase(prev: str, low: str) -> bool:
    """After a plain noun ("іс", "сараптама") a case form or a verbal noun in "-у"
    belongs to what follows ("іс сотқа жолданды", "сараптама енгізу"). (A word in
    "-лық" may be an abstract noun, "құқық бұзушылық", so it does not count.)"""
    if _kk_modifier(prev.lower()):
        return False
    return low.endswith(KK_CASE_ENDINGS) or (len(low) > 4 and low.endswith(("у", "ю")))


def _kk_participle(text: str, m: re.Match[str]) -> bool:
    """A participle right after the number modifies the noun that follows it
    ("12 ұйымдасқан топ", "300 тіркелген дерек"), unless a verb follows."""
    low = m.group().lower()
    if low in KK_STOP or not low.endswith(("ған", "ген", "қан", "кен")):
        return False
    nxt = next_word(text, m.end())
    return nxt is not None and not _is_kk_verb(nxt.group())


def _kk_head(low: str, has_words: bool) -> bool:
    """A word that closes the phrase: case or possessive ending, plural, agent noun,
    or "-ы/-і" after a noun ("қызмет түрі", "іс материалдары")."""
    return (low.endswith(KK_HEAD_ENDINGS) or low.endswith(KK_PLURAL_ENDINGS)
            or low.endswith(KK_AGENT_ENDINGS)
            or (has_words and low.endswith(("ы", "і")) and not _kk_modifier(low)))


def subject_after_kk(text: str, pos: int, limit: int = 4) -> str | None:
    """Kazakh counted noun phrase starting at ``text[pos:]``, or None.

    >>> subject_after_kk(" бала мен жасөспірім тәлімгерлік", 0)
    'бала мен жасөспірім'
    >>> subject_after_kk(" іс сотқа жолданды", 0), subject_after_kk(" жүргізуші мас күйде", 0)
    ('іс', 'жүргізуші')
    """
    words: list[str] = []
    i = pos
    while len(words) < limit:
        m = next_word(text, i)
        if not m:
            break
        word, low = m.group(), m.group().lower()
        after_conj = bool(words) and words[-1].lower() in KK_CONJ
        if (low not in KK_CONJ and _is_kk_verb(word) and not after_conj
                and not (not words and _kk_participle(text, m))):
            break
        if (words and not after_conj and low not in KK_CONJ
                and _kk_starts_new_phrase(words[-1], low)):
            break
        words.append(word)
        i = m.end()
        if low in KK_CONJ:
            continue
        if after_conj:
            break  # "бала мен жасөспірім": a coordination closes the phrase
        nxt = next_word(text, i)
        if _kk_head(low, len(words) > 1) and not (nxt and nxt.group().lower() in KK_CONJ):
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


# A second word with a verb ending is the predicate, not part of the counted noun:
# "человек пострадали", "обращений поступает", "officers took", "cases registered".
RU_VERB_ENDINGS = ("ает", "яет", "ует", "ют", "ался", "ались", "алось", "ено", "ены", "аны",
                   "ано", "али", "или", "ели", "ыли", "ился", "ились")
EN_PAST = frozenset("took died fell rose went came made lost paid said left got".split())


def _ru_en_predicate(word: str) -> bool:
    low = word.lower()
    return (low in EN_PAST or (len(low) > 4 and low.endswith(RU_VERB_ENDINGS))
            or (len(low) > 5 and low.isascii() and low.endswith("ed")))


def subject_after_ru(text: str, pos: int, limit: int = 2) -> str | None:
    """Russian or English counted noun after a count ("78 уголовных дел"), or None.

    >>> subject_after_ru(" уголовных дел возбуждено", 0), subject_after_ru(" officers took", 0)
    ('уголовных дел', 'officers')
    """
    words: list[str] = []
    i = pos
    # adjectives in the genitive plural lengthen the phrase: "организованных преступных групп"
    while len(words) < limit or (len(words) < limit + 2
                                 and words[-1].lower().endswith(("ых", "их"))):
        m = next_word(text, i)
        if not m or m.group().lower() in RU_STOP or (words and _ru_en_predicate(m.group())):
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
