"""The grammar of article references, as named patterns with examples.

Every pattern is a regular-expression string built from smaller named pieces,
and carries examples that it must find. ``tests/test_articles_patterns.py``
proves both directions: each pattern matches each of its examples, and each
example is matched by its pattern. The code registry (names and abbreviations of
codes, country markers) is data: ``codes.json`` next to this module.

All patterns avoid nested unbounded repetition over the same characters, and
runs of white space are read possessively (``\\s*+``), so a match attempt costs
time linear in what it reads: no catastrophic backtracking, not even on long
runs of spaces (``\\s*-?\\s*`` alone is quadratic on them).

>>> import re
>>> bool(re.search(PATTERNS["ru_designator"].regex, "согласно ст. 190", re.I))
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .trie import trie_regex

try:  # to read which characters can begin a match
    from re import _constants as _sre, _parser
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Pattern:
    """A named regular expression with the examples it must match.

    >>> p = Pattern("num", r"\\d+", ("12",))
    >>> p.compile().search("a 12").group()
    '12'
    """

    name: str
    regex: str
    examples: tuple[str, ...]
    flags: int = re.IGNORECASE
    doc: str = ""

    def compile(self) -> re.Pattern[str]:
        """The compiled expression (cached by :func:`compiled`)."""
        return re.compile(self.regex, self.flags)


# --- numbers -----------------------------------------------------------------
# An article number as printed: 190, 291.2, 188-1, 345-1. Whether "A-B" is an
# inserted article ("188-1") or a range ("205-211") is decided in code: an
# inserted number is smaller than its base.
NUM = r"\d{1,4}(?!\d)(?:\.\d{1,3}(?!\d)){0,2}(?:-\d{1,2}(?!\d)(?!\.\d))?"
# an em dash with spaces around it is punctuation ("по статье 217 — 234 факта"), not a range
# (U+2010/U+2011 are the hyphens word processors insert)
DASH = r"(?:\s*+[-–\u2010\u2011]\s*+|—)"
# one list item: a number or a range of numbers
ITEM = rf"{NUM}(?:{DASH}{NUM})?"
# a number must not be a year, a chapter, a percentage or an amount
NOT_UNIT = (
    r"(?!\s*+-?\s*+(?:жыл|ж\.|жж|тарау|бөлім(?!\w*\s*\d)|пайыз|%)"
    r"|\s*+(?:год|г\.|гг|лет|процент|тенге|млн|млрд|тыс|year|percent))"
)

# --- Russian ------------------------------------------------------------------
# "статьи, такие как 291.2" (articles such as ...) also leads a list
# every case of "статья", the genitive plural "статей" and "статьёй" included
RU_ART_WORD = r"стат(?:ь(?:ями|ях|ям|ей|ёй|ю|я|и|е)|ей)"
RU_ART = (
    r"(?<!\w)(?:ст\.\s*+ст\.|ст\.\s*+с\.|ст\."
    rf"|{RU_ART_WORD}(?:(?:\s*+,\s*+|\s++)таки(?:е|х|ми)\s++как)?)"
)
RU_SEP = (
    r"(?:\s*+,\s*+(?:(?:и|или|а\s++также)\s++)?|\s++(?:и|или)\s++)"
    rf"(?:(?:ст\.|{RU_ART_WORD})\s*+)?"
)
RU_PART_KW = r"(?<!\w)(?:ч\.\s*+ч\.|ч\.|част(?:ями|ях|ям|ью|ей|ь|и))"
RU_PARA_KW = r"(?<!\w)(?:п\.\s*+п\.|п\.|пункт(?:ами|ах|ам|ом|ов|а|у|е|ы)?(?!\w))"
RU_SUB_KW = r"(?<!\w)(?:пп\.|подп\.|подпункт(?:ами|ах|ам|ом|ов|а|у|е|ы)?(?!\w))"
RU_ORD = (
    r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)"
    r"(?:ая|ой|ую|ою|ья|ьей|ью|ье|ого|ому|ым|ом|ые|ых|ыми|ий|ей)"
)
PITEM = r"(?:«[а-яёa-z]»|\"[а-яёa-z]\"|[а-яё]\)|\d{1,3}(?:\.\d{1,2})?(?:-\d)?\)?)"
RU_PITEM = rf"(?:{PITEM}|{RU_ORD})"
RU_PLIST = rf"{RU_PITEM}(?:(?:\s*+,\s*+|\s++и\s++){RU_PITEM})*"
# parts printed after the article: a later value with its own part ("ст. 190 ч. 4 п. 2, 217 ч. 3")
# is the next article, not a second paragraph
RU_SUFFIX_PLIST = (rf"{RU_PITEM}(?:(?:\s*+,\s*+|\s++и\s++)(?>{RU_PITEM})"
                   rf"(?!\s*+(?:{RU_PART_KW}|{RU_PARA_KW}|{RU_SUB_KW})))*")

# --- laws ---------------------------------------------------------------------
# between a law's keyword and its quoted name only its country, date and number
# ("РК от 18.11.2015 г. № 410-V", "Республики Казахстан от 18 ноября 2015 года"):
# capitalised words, numbers, "от", "года", months. Other lower-case words end
# it, so in "статьи 4 Закона слова «в течение»" the quote is not the law's name.
_MONTH = r"(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[яа]"
_LAW_TOKEN = rf"(?>(?-i:[A-ZА-ЯЁ])[\w-]*+|\d[\w./-]*+|от|года|г\.|№|{_MONTH}|,)"
LAW_GAP = rf"(?:\s*+{_LAW_TOKEN}){{0,12}}?\s*+"
RU_LAW_WORD = r"(?:Федеральн\w+\s++)?(?:закон(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)|ЗРК)"
EN_LAW_NAME = r"Law(?:\s++of\s++the\s++Republic\s++of\s++\w+)?\s*+(?:«[^«»]{1,200}»|\"[^\"]{1,200}\")"
KK_LAW_WORD = r"(?<!\w)заң(?:ы|ның|ының|ына|ында|да)?(?!\w)"
# other acts whose articles are not a code's: convention, protocol, agreement, decree, resolution
KK_ACT_WORD = r"(?<!\w)(?:конвенция|хаттама|келісім|жарлы[ғқ]|қаулы)\w*"
# "настоящего / указанного Кодекса (Закона)", "осы / аталған Кодекстің": the one named last
RU_SAME = r"(?:настоящ\w+|того\s+же|этого|данного|(?:выше)?указанного|названного|упомянутого)"
KK_SAME = r"(?:осы|сол|аталған|көрсетілген)"
# "нового / действующего кодекса", "жаңа кодекстің" name no code: the code of the context
RU_NOT_A_NAME = (r"(?!(?:нов|действующ|действовавш|прежн|стар|отмен|утративш|последн|соответствующ"
                 r"|эт|данн|указанн|названн|настоящ|вышеуказанн|упомянут|того|сам|котор|друг"
                 r"|ин(?:ого|ым|ом))\w*\s)")
KK_NOT_A_NAME = (r"(?!(?:ҚР|РК|РФ|осы|сол|бұл|жаңа|қолданыстағы|бұрынғы|ескі|аталған|көрсетілген"
                 r"|тиісті|басқа)\s)")
RU_COUNTRY = r"(?:\s++(?:РК|РФ|Республики\s++Казахстан|Российской\s++Федерации)(?!\w))"
LAW_KEYS = ("Закон", "закон", "ЗАКОН", "ЗРК", "Law", "Заң", "заң", "ЗАҢ")

# --- Kazakh -------------------------------------------------------------------
KK_ORD_SUFFIX = r"(?:ыншы|інші|нші|ншы|ші|шы)"
KK_ORD_WORDS = {
    "бірінші": "1", "екінші": "2", "үшінші": "3", "төртінші": "4", "бесінші": "5",
    "алтыншы": "6", "жетінші": "7", "сегізінші": "8", "тоғызыншы": "9", "оныншы": "10",
}
RU_ORD_STEMS = {
    "перв": "1", "втор": "2", "трет": "3", "четв": "4", "пят": "5",
    "шест": "6", "седьм": "7", "восьм": "8", "девят": "9", "десят": "10",
}
KK_ORD = "(?:" + "|".join(KK_ORD_WORDS) + ")"
KK_CONNECT = rf"\s*+[-\u2010\u2011]?\s*+(?:{KK_ORD_SUFFIX}\s*+-?\s*+)?"
# lower case: "БАПАНОВ" is a surname; "баб" only as "бабы-": "5 бабушкам" is Russian
KK_BAP = r"(?-i:ба(?:п|бы))\w*"
KK_SEP = r"\s*+-?(?:\s*+,\s*+(?:және\s++)?|\s*+(?<![^\s-])(?:және|мен|немесе)\s++)"
KK_PITEM = rf"(?:\d{{1,3}}(?:\s*+-\s*+{KK_ORD_SUFFIX})?|{KK_ORD})"
KK_PLIST = rf"{KK_PITEM}(?:{KK_SEP}{KK_PITEM})*"
KK_PARA_ITEM = rf"\d{{1,3}}\s*+(?:\)|-?\s*+(?:{KK_ORD_SUFFIX}\s*+-?\s*+)?)"

# --- English ------------------------------------------------------------------
EN_ART = r"(?<!\w)(?:articles?(?:,?\s++such\s++as)?|arts?\.)"
EN_SEP = r"(?:\s*+,\s*+(?:(?:and|or)\s++)?|\s++(?:and|or)\s++)(?:(?:articles?|arts?\.)\s*+)?"
EN_ROMAN = r"(?-i:[IVX]{1,5})(?!\w)"  # upper case only: "Article I", not "article i.e."

# Literal keys: every anchor contains one of them. Searching for plain literals
# is far faster than running the full grammar at every position.
ANCHOR_KEYS = ("ст.", "Ст.", "СТ.", "стат", "Стат", "СТАТ", "art", "Art", "ART", "бап", "баб")

PATTERNS: dict[str, Pattern] = {
    p.name: p
    for p in (
        Pattern("number", NUM, ("190", "291.2", "188-1"), doc="an article number as printed"),
        Pattern("item", ITEM, ("290-291.2", "205–213", "227-1"), doc="a number or a range"),
        Pattern("ru_designator", RU_ART,
                ("ст. 190", "ст.ст. 159", "ст.с.205", "статьей 960", "статьям 28", "Статья 5", "статей 190",
                 "статьёй 190",
                 "ст. ст. 1", "статьи, такие как 159")),
        Pattern("ru_list", rf"{ITEM}(?:{RU_SEP}{ITEM})*",
                ("159, 160, 204, 292 и 304", "168 и ст. 169", "290, 291, 291.1")),
        Pattern("ru_part", rf"{RU_PART_KW}\s*+{RU_PLIST}",
                ("ч. 2", "ч.ч. 2, 3", "части 2", "Часть 1", "частью второй")),
        Pattern("ru_paragraph", rf"{RU_PARA_KW}\s*+{RU_PLIST}",
                ("п. «в»", "пункт 12", "пункте 1", "п.30", "п. 2")),
        Pattern("ru_subparagraph", rf"{RU_SUB_KW}\s*+{RU_PLIST}", ("пп. 3)", "подпункт «а»")),
        Pattern("ru_same_code",
                rf"{RU_SAME}\s+кодекс\w*",
                ("настоящего Кодекса", "того же Кодекса", "этого кодекса", "вышеуказанного Кодекса")),
        Pattern("ru_same_law",
                rf"{RU_SAME}\s+закон\w*",
                ("этого Закона", "того же закона", "настоящего Закона")),
        Pattern("ru_law",
                r"(?:Федеральн\w+\s+)?(?:закон\w*|ЗРК|ФЗ|указ(?:а|у|ом|е)?(?!\w)|конвенци\w*|постановлени\w*"
                r"|(?:соглашени[еяюий]|соглашением|договор|протокол|устав|регламент|пакт)"
                r"(?:а|у|ом|е|ы|ов)?(?!\w)|директив(?:а|ы|е|у|ой)(?!\w))"
                rf"(?:{LAW_GAP}«[^«»]{{1,200}}»)?",
                ("Закона РК «О национальной безопасности»", "ЗРК «О персональных данных»",
                 "Федерального закона", "Закона РК от 18.11.2015 г. № 410-V «О противодействии коррупции»")),
        Pattern("ru_other_code",
                rf"{RU_NOT_A_NAME}[а-яё]+(?:-[а-яё]+)?(?:ого|его|ому|ему|ым|им|ом|ем|ый|ий|ой)"
                rf"\s++кодекс\w*{RU_COUNTRY}?"
                rf"|кодекс\w*{RU_COUNTRY}?\s*+«[^«»]{{1,200}}»",
                ("Налогового кодекса РК", "Трудового кодекса Республики Казахстан", "Земельного кодекса",
                 "Кодекса Республики Казахстан «О налогах и других обязательных платежах в бюджет»"),
                doc="a code missing from the registry: kept as a law (code None), never guessed"),
        Pattern("en_other_code",
                r"(?:the\s++)?(?-i:(?:[A-Z][a-z]+\s++){1,3})Code"
                r"(?:\s++of\s++(?:the\s++)?(?:Republic\s++of\s++)?(?-i:[A-Z])\w+)?",
                ("the Labour Code of the Republic of Kazakhstan", "Tax Code")),
        Pattern("kk_other_code", rf"(?<!\w){KK_NOT_A_NAME}[^\W\d_]{{3,}}\s+кодекс\w*",
                ("Еңбек кодексінің", "Салық кодексі")),
        Pattern("law_name", rf"(?<!\w)(?:{RU_LAW_WORD}{LAW_GAP}«[^«»]{{1,200}}»|{EN_LAW_NAME})",
                ("Закон РК «О противодействии коррупции»",
                 "Законом Республики Казахстан от 18 ноября 2015 года № 410-V «О противодействии коррупции»",
                 "Law of the Republic of Kazakhstan «On Countering Corruption»"),
                doc="a law named with its title, remembered for \"указанного Закона\""),
        Pattern("kk_law_name", rf"«[^«»]{{1,200}}»[^«».;]{{0,80}}?(?P<kkw>{KK_LAW_WORD})",
                ("«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Қазақстан Республикасының Заңы",),
                doc="a Kazakh law: its quoted title comes first"),
        Pattern("kk_bap", rf"\d{KK_CONNECT}{KK_BAP}",
                ("190-бабы", "205-бап", "190-ыншы бабы", "212-баптар", "190-\nбабының",
                 "227-1-баптары")),
        Pattern("kk_list", rf"{ITEM}(?:{KK_SEP}{ITEM})*",
                ("205, 206, 207, 208", "227 және 227-1", "207, 210, 211 және 213")),
        Pattern("kk_part", rf"{KK_PLIST}\s*+-?\s*+бөлі[кг]\w*",
                ("4-бөлігі", "2-бөлігінің", "бірінші және екінші бөліктерінде", "4-інші бөлігі",
                 "1-және 3-бөліктеріне")),
        Pattern("kk_paragraph", rf"{KK_PARA_ITEM}(?:{KK_SEP}{KK_PARA_ITEM})*\s*+тарма[қғ](?!ша)\w*",
                ("3) тармағы", "4-тармағында", "1-тармағында", "3), 4) тармақтары",
                 "1 және 2-тармақтарында")),
        Pattern("kk_subparagraph", r"(?:\d{1,3}|[а-яәі])\s*+(?:\)|-)?\s*+тармақша\w*",
                ("2) тармақшасы", "5-тармақшасында")),
        Pattern("kk_same_code", rf"{KK_SAME}\s+кодекс\w*",
                ("осы Кодекстің", "осы кодекске", "аталған Кодекстің")),
        Pattern("kk_act", KK_ACT_WORD, ("конвенциясының", "Келісімнің", "Хаттаманың")),
        Pattern("kk_law", rf"{KK_LAW_WORD}\s*+\Z",
                ("заңның ", "Заңының ")),
        Pattern("en_designator", EN_ART,
                ("Article 190", "Art. 190", "Articles 205", "art. 1", "articles such as 205")),
        Pattern("en_list", rf"(?:{ITEM}|{EN_ROMAN})(?:{EN_SEP}(?:{ITEM}|{EN_ROMAN}))*",
                ("205-213", "344 and 345", "II")),
        Pattern("en_suffix", r"\((?P<part>\d{1,3})\)(?:\s*\((?P<para>\d{1,3}|[a-z])\))?",
                ("(2)", "(2)(b)"), doc="Article 190(2)(b): part 2, paragraph b"),
        Pattern("en_same_code", r"(?:this|the\s+same|the\s+said)\s+Code",
                ("this Code", "the same Code", "the said Code")),
        Pattern("en_same_law", r"(?:this|the\s+same|the\s+said|that)\s+(?:Law|Act)",
                ("this Law", "the said Law", "that Act")),
        Pattern("en_law",
                r"(?:the\s+)?(?:Law|Act|Convention|Protocol|Decree|Treaty|Agreement|Charter|Directive)(?!\w)"
                r"(?:\s+of\s+the\s+Republic\s+of\s+\w+)?(?:\s*(?:«[^«»]{1,200}»|\"[^\"]{1,200}\"))?",
                ("the Law of the Republic of Kazakhstan «On Aviation»", "Convention")),
        Pattern("generic_code", r"(?<!\w)Кодекс(?:а|у|ом|е|і|тің|інің|іне|ке)?(?!\w)",
                ("Кодекса", "Кодекстің"), flags=0),
        Pattern("not_unit", rf"\d{NOT_UNIT}", ("5 бабы",), doc="a number that is not a year"),
    )
}


@lru_cache(maxsize=None)
def compiled(name: str) -> re.Pattern[str]:
    """The compiled pattern ``name`` of :data:`PATTERNS`.

    >>> compiled("ru_part").match("ч. 2").group()
    'ч. 2'
    """
    return PATTERNS[name].compile()


@lru_cache(maxsize=1)
def code_registry() -> dict[str, Any]:
    """The code registry (``codes.json``), parsed once.

    >>> code_registry()["codes"][0]["id"]
    'KZ-UK'
    """
    with open(_HERE / "codes.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _keys() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    keys = code_registry()["keys"]
    groups = {"anchor": ANCHOR_KEYS, "abbr": tuple(keys["abbr"]), "name": tuple(keys["name"]),
              "law": LAW_KEYS}
    for country, spec in code_registry()["countries"].items():
        groups[country] = tuple(spec["markers"])
    owner = {key: name for name, keys in groups.items() for key in keys}
    # one trie-shaped regex: at a position the longest key wins, as in a longest-first alternation
    return re.compile(trie_regex(owner)), owner, tuple(groups)


def scan_keys(text: str) -> dict[str, list[int]]:
    """One pass over ``text`` for every literal key: anchors, code names, country names.

    >>> scan_keys("ст. 5 УК РК")["anchor"], scan_keys("ст. 5 УК РК")["abbr"]
    ([0], [6])
    """
    rx, owner, names = _keys()
    out: dict[str, list[int]] = {name: [] for name in names}  # (a set of the names per call cost a quarter)
    for m in rx.finditer(text):
        out[owner[m.group()]].append(m.start())
    return out


def alias_regex(alias: str) -> str:
    """A registry alias as a regex: spaces match any whitespace, Latin look-alikes count.

    PDF-extracted Kazakh often prints the Latin ``i`` for ``і``; a hyphenated
    name may be broken over two lines ("Уголовно-\\nпроцессуального").

    >>> import re
    >>> bool(re.fullmatch(alias_regex("Қылмыстық кодекс"), "Қылмыстық\\nкодекс"))
    True
    >>> bool(re.fullmatch(alias_regex("кодексі"), "кодексi"))
    True
    >>> bool(re.fullmatch(alias_regex("Уголовно-процессуального"), "Уголовно-\\nпроцессуального"))
    True
    """
    alias = re.sub(r"(?<=\w)-(?=\w)", r"-\\s*", alias)  # a word hyphen, not "(?-i:"
    return alias.replace(" ", r"\s+").replace("і", "[іi]")


# --- searching from the characters a match can begin with -----------------------
# ``rx.search(text, pos, endpos)`` tries the whole pattern at every position; a
# pattern that opens with optional groups, assertions or case-insensitive
# alternatives gives the engine no character to skip to, and a bounded window
# search then costs a full match attempt per character. The characters a
# non-empty match can begin with are read once from the parsed pattern; a plain
# character class of them (case folding resolved in advance) is scanned by the
# engine's fast loop, and the pattern is tried only where one stands.

_REPEATS = tuple(getattr(_sre, op) for op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, op))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", object())  # (?>...) is Python 3.11+
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_MAX_RANGE = 512  # a wider class ("\\w", "[^...]") begins too many matches to be worth it


class _AnyChar(Exception):
    """Any character may begin a match (or the parse holds an item this reader does not know)."""


# digits and white space are kept as the class escapes themselves (the same flags): exact
# without listing them, and few enough in prose to be worth it
_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s"}


def _class_chars(items: list, ignore: bool, exact: set[str], fold: set[str]) -> None:
    for op, av in items:
        if op is _sre.LITERAL:
            (fold if ignore else exact).add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            (fold if ignore else exact).update(map(chr, range(av[0], av[1] + 1)))
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            exact.add(_CATEGORIES[av])
        else:
            raise _AnyChar  # a word category, a negated class, a wide range


def _begins(items: list, ignore: bool, exact: set[str], fold: set[str]) -> bool:
    """Add the characters a match of the parsed sequence ``items`` can begin with; True when it can be empty."""
    for op, av in items:
        if op is _sre.LITERAL:
            (fold if ignore else exact).add(chr(av))
            return False
        if op is _sre.IN:
            _class_chars(av, ignore, exact, fold)
            return False
        if op is _sre.BRANCH:
            empty = False
            for alt in av[1]:
                empty |= _begins(alt, ignore, exact, fold)
            if not empty:
                return False
        elif op is _sre.SUBPATTERN:
            _, add, drop, sub = av
            scoped = (ignore or bool(add & re.IGNORECASE)) and not drop & re.IGNORECASE
            if not _begins(sub, scoped, exact, fold):
                return False
        elif op is _ATOMIC:
            if not _begins(av, ignore, exact, fold):
                return False
        elif op in _REPEATS:
            if not _begins(av[2], ignore, exact, fold) and av[0] > 0:
                return False
        elif op not in _ZERO_WIDTH:
            raise _AnyChar  # ".", "[^x]", a group reference...
    return True


@lru_cache(maxsize=1)
def _bmp() -> str:
    # case folding never crosses into or out of the Basic Multilingual Plane
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


def begin_chars(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A plain character class of every character a non-empty match of ``rx`` can begin with
    (None: any character may). An empty match is the caller's concern.

    >>> begin_chars(re.compile(r"(?<!\\w)(?:ч\\.|(?-i:П)\\.)?(?-i:УК)", re.I)).pattern
    '[ПУЧч]'
    >>> begin_chars(re.compile(r"(?<![\\d.])\\d{1,4}\\Z")).pattern, begin_chars(re.compile(r"\\w+")) is None
    ('[\\\\d]', True)
    """
    exact: set[str] = set()
    fold: set[str] = set()
    parsed = _parser.parse(rx.pattern, rx.flags)
    try:
        _begins(list(parsed), bool(parsed.state.flags & re.IGNORECASE), exact, fold)
    except _AnyChar:
        return None
    if fold:  # every character the engine takes for one of them when ignoring case
        folded = re.compile("[" + "".join(map(re.escape, sorted(fold))) + "]", re.IGNORECASE)
        exact.update(folded.findall(_bmp()))
    if not exact:
        return None
    escapes = set(_CATEGORIES.values())
    body = "".join(ch if ch in escapes else re.escape(ch) for ch in sorted(exact))
    return re.compile(f"[{body}]", rx.flags & re.ASCII)


class WindowSearch:
    """A pattern that can match empty only at the end of a window, with the characters
    its matches begin with (:func:`begin_chars`, read once: hashing a big pattern
    for a cache look-up per call would cost more than the search).

    >>> window = WindowSearch(re.compile(r"(?:ч\\.\\s*\\d)?\\Z", re.I))
    >>> window.search("по Ч. 2", 0, 7).group(), window.search("по ч. x", 0, 7)
    ('Ч. 2', None)
    """

    __slots__ = ("rx", "begins")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.begins = begin_chars(rx)

    def search(self, text: str, pos: int, endpos: int, last: int | None = None) -> re.Match[str] | None:
        """``rx.search(text, pos, endpos)``, trying ``rx`` only where a match can begin;
        None for the empty match at ``endpos`` and for a match that begins after ``last``.

        The same leftmost match as the plain search: the pattern is tried at the
        same positions in the same order, minus those where no match can begin.
        """
        stop = endpos if last is None else min(endpos, last + 1)
        if self.begins is None:
            m = self.rx.search(text, pos, endpos)
            return m if m is not None and m.start() < stop and m.end() > m.start() else None
        match = self.rx.match
        for c in self.begins.finditer(text, pos, stop):
            m = match(text, c.start(), endpos)
            if m is not None:
                return m
        return None
