"""Finding names of legal codes in text and resolving them to registry ids.

A *mention* is a family alias ("УК", "Қылмыстық кодекстің", "Criminal Code"),
possibly with a country marker before ("ҚР ҚК") or after ("УК РФ",
"Criminal Code of the Republic of Kazakhstan"). The registry lives in
``kzlegalnlp/patterns/codes.json``.

Which country a code named without one belongs to (a bare "УК", "ГК",
"Уголовного кодекса"):

1. a country printed with the mention (before, after or inside the name:
   "Кодекс Республики Казахстан об административных правонарушениях"); a
   country whose codes the registry does not hold ("УК Кыргызской
   Республики", ``OTHER`` in the registry) leaves the code unknown;
2. a family that exists for one country only (КЗСЗ);
3. otherwise the country of the nearest code named earlier in the same
   document (paragraphs are read in order);
4. otherwise the country the document is about (the country most often named
   in it);
5. otherwise a name written in Kazakh ("ҚК-нің", "Қылмыстық кодекстің") is
   taken as Kazakhstan's (``default_country_by_lang`` in the registry);
6. otherwise the code stays unknown (``code=None``, ``unresolved``).

The ``resolution`` of a reference says where its code was printed:
``explicit`` when the code is named at the reference, or after a later
reference of the same enumeration ("ч. 1 ст. 345 и ч. 2 ст. 346 УК РК"), even
if its country came from steps 3-5; ``context`` when no code is named there (a bare
"ст. 191", "Кодекса") and the nearest code named earlier in the document is
taken (or ``default_code``); ``same_code`` for
"настоящего Кодекса", "осы Кодекстің" (the nearest earlier code) and for
"указанного Закона" (the nearest earlier law).

>>> [(m.family, m.country) for m in find_mentions("по ст. 190 УК РК и ст. 42 УПК")]
[('UK', 'KZ'), ('UPK', None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..patterns.articles import alias_regex, code_registry, compiled, scan_keys, WindowSearch

_KK_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LATIN = re.compile(r"[A-Za-z]")
_COMPANY_NAME = re.compile(r"[ \t]*+[«\"]")


@dataclass(frozen=True)
class Mention:
    """A code named in the text: ``family`` and, when printed, ``country``."""

    start: int
    end: int
    family: str
    country: str | None
    lang: str


@dataclass(frozen=True)
class LawMention:
    """A law named with its title ("Закон РК «О ...»"): the nearest one is "указанного Закона"."""

    start: int
    end: int
    name: str


@dataclass
class Context:
    """What earlier text of the same document says about codes.

    >>> ctx = Context(doc_country="KZ")
    >>> ctx.resolve_family("UK", None)
    ('KZ-UK', 'context')
    """

    code: str | None = None
    law: str | None = None
    country: str | None = None
    doc_country: str | None = None
    default_code: str | None = None
    _seen: list[str] = field(default_factory=list)

    def resolve_family(self, family: str, country: str | None,
                       lang: str | None = None) -> tuple[str | None, str]:
        """Registry id of a family named with an optional country, and how its country was found.

        The second value is ``explicit`` (printed or the only one), ``context``
        (steps 3-5 of the module's rule) or ``unresolved``; a reference that
        names the code is ``explicit`` either way (see :mod:`.articles`).
        """
        ids = family_codes(family)
        if country:  # "УК Кыргызстана": a country without this code in the registry is not guessed away
            code = f"{country}-{family}"
            return (code, "explicit") if code in ids else (None, "unresolved")
        if len(ids) == 1:
            return ids[0], "explicit"
        by_lang = code_registry()["default_country_by_lang"].get(lang or "")
        for guess in (self.country, self.doc_country, by_lang):
            if guess and f"{guess}-{family}" in ids:
                return f"{guess}-{family}", "context"
        return None, "unresolved"

    def remember(self, code: str | None) -> None:
        """Record ``code`` as the nearest code named so far."""
        if code:
            self.code = code
            self.country = code.split("-", 1)[0]


@lru_cache(maxsize=None)
def family_codes(family: str) -> tuple[str, ...]:
    """Registry ids of one family, e.g. ``("KZ-UK", "RU-UK")``.

    >>> family_codes("Health")
    ('KZ-Health',)
    """
    return tuple(c["id"] for c in code_registry()["codes"] if c["family"] == family)


def _family_regex() -> str:
    parts = []
    for name, fam in code_registry()["families"].items():
        alts = [rf"(?-i:{re.escape(a)}(?:-[^\W\d_]+)?)" for a in fam["abbr"]]
        alts += [alias_regex(n) for n in fam["names"]]
        parts.append(f"(?P<{name}>{'|'.join(alts)})")
    return "|".join(parts)


@lru_cache(maxsize=1)
def mention_re() -> re.Pattern[str]:
    """One expression for every family alias (the country is checked around it).

    >>> mention_re().search("согласно УК РК").group()
    'УК'
    """
    return re.compile(rf"(?:{_family_regex()})(?!\w)", re.IGNORECASE)


def _country_alts(side: str) -> str:
    groups = []
    for country, spec in code_registry()["countries"].items():
        alts = [alias_regex(a) for lang in spec[side].values() for a in lang]
        if alts:
            groups.append(f"(?P<{country}>{'|'.join(alts)})")
    return "|".join(groups)


@lru_cache(maxsize=1)
def _pre_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_country_alts('pre')})\s+\Z")


@lru_cache(maxsize=1)
def _pre_window() -> WindowSearch:
    return WindowSearch(_pre_re())  # never empty: "\\s+" before the end


@lru_cache(maxsize=1)
def _post_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{_country_alts('post')})(?!\w)")


@lru_cache(maxsize=1)
def _inner_re() -> re.Pattern[str]:
    # a country printed inside a long name: "Кодекс Республики Казахстан об административных ..."
    return re.compile(rf"(?<!\w)(?:{_country_alts('post')})(?!\w)")


def _lang_of(surface: str) -> str:
    if _KK_LETTERS.search(surface):
        return "kk"
    return "en" if _LATIN.search(surface) else "ru"


def mention_at(text: str, m: re.Match[str]) -> Mention | None:
    """Turn a family-alias match into a :class:`Mention`, reading the country around it.

    >>> text = "Қазақстан Республикасының Қылмыстық кодексі"
    >>> m = mention_at(text, mention_re().search(text))
    >>> (m.start, m.family, m.country, m.lang)
    (0, 'UK', 'KZ', 'kk')
    """
    start, end, country = m.start(), m.end(), None
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None  # inside a word
    if m.group().isupper() and _COMPANY_NAME.match(text, end):
        return None  # "УК «Жилсервис»", "ГК «Росатом»": a company, not a code
    pre = _pre_window().search(text, max(0, start - 60), start)
    if pre:
        start, country = pre.start(), pre.lastgroup
    post = _post_re().match(text, end)
    if post and not country:
        end, country = post.end(), post.lastgroup
    inner = None if country else _inner_re().search(text, m.start(), m.end())
    if inner:
        country = inner.lastgroup
    return Mention(start, end, m.lastgroup or "", country, _lang_of(text[start:end]))


@lru_cache(maxsize=1)
def _mention_window() -> WindowSearch:
    return WindowSearch(mention_re())


def _alias_over(rx: re.Pattern[str], text: str, lo: int, p: int) -> re.Match[str] | None:
    """The first alias of ``rx`` (:func:`mention_re`) after ``lo`` that begins at or
    before the key at ``p`` and does not end before it."""
    window = _mention_window()
    m = window.search(text, lo, p + 70, last=p)
    while m and m.end() <= p:
        m = window.search(text, m.end(), p + 70, last=p)
    return m


def find_mentions(text: str, keys: dict[str, list[int]] | None = None) -> list[Mention]:
    """Every code named in ``text``, in order.

    >>> [m.country for m in find_mentions("ҚР ҚК 205-бабы; Уголовный кодекс РФ")]
    ['KZ', 'RU']
    """
    out: dict[int, Mention] = {}
    last_end, rx = 0, mention_re()
    keys = scan_keys(text) if keys is None else keys
    # an abbreviation starts at its key (or one letter before: "УПК"); a name may start 70 before
    starts = sorted([(p, 1) for p in keys["abbr"]] + [(p, 70) for p in keys["name"]])
    for p, reach in starts:
        if p < last_end:
            continue
        m = _alias_over(rx, text, max(last_end, p - reach), p)
        if not m:
            continue
        found = mention_at(text, m)
        last_end = m.end()
        if found is not None:
            out.setdefault(found.start, found)
    return list(out.values())


def document_country(text: str, keys: dict[str, list[int]] | None = None) -> str | None:
    """The country most often named in ``text`` ("KZ", "RU"), or None.

    >>> document_country("Республика Казахстан, РК, и Россия")
    'KZ'
    """
    counts: dict[str, int] = {}
    keys = scan_keys(text) if keys is None else keys
    for country in code_registry()["countries"]:
        for p in keys.get(country, ()):
            if p == 0 or not text[p - 1].isalnum():  # a word start, not "ПАРК"
                counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda c: counts[c])


def _kk_law_at(text: str, p: int, lo: int, kk: re.Pattern[str]) -> re.Match[str] | None:
    """A Kazakh law whose keyword is at ``p``: its quoted title comes before it.

    The quotes are found with ``rfind`` (bounded, no regex scan of the window),
    so a run of keywords after an unclosed quote stays linear.
    """
    close = text.rfind("»", max(lo, p - 90), p)
    start = text.rfind("«", max(lo, close - 201), close) if close >= 0 else -1
    m = kk.match(text, start, p + 16) if start >= 0 else None
    return m if m and m.start("kkw") == p else None


def find_laws(text: str, keys: dict[str, list[int]] | None = None) -> list[LawMention]:
    """Every law named with its quoted title, in order.

    >>> [m.name for m in find_laws("Закон РК от 18.11.2015 г. № 410-V «О противодействии коррупции»")]
    ['Закон РК от 18.11.2015 г. № 410-V «О противодействии коррупции»']
    >>> [m.name for m in find_laws("«Құқық қорғау қызметі туралы» ҚР Заңының 6-бабы")]
    ['«Құқық қорғау қызметі туралы» ҚР Заңының']
    """
    keys = scan_keys(text) if keys is None else keys
    ru_en, kk = compiled("law_name"), compiled("kk_law_name")
    out: list[LawMention] = []
    for p in keys["law"]:
        if out and p < out[-1].end:
            continue
        m = ru_en.match(text, p)
        if m is None and text.startswith(("Заң", "заң", "ЗАҢ"), p):
            m = _kk_law_at(text, p, out[-1].end if out else 0, kk)
        if m:
            out.append(LawMention(m.start(), m.end(), " ".join(m.group().split())))
    return out
