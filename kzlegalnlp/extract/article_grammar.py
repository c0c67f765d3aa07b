"""Parsing article references out of one text (no code resolution here).

The scan is anchor-driven so that it stays linear: one pass finds the anchors
(a Russian or English article word, a Kazakh "N-бап..." form, a Kazakh code
name followed by numbers), and each anchor is parsed with anchored patterns
that read forwards, or backwards within a bounded window.

>>> [(h.article, h.part) for h in find_hits("ч. 2 ст. 366 УК РК")]
[('366', '2')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..patterns.articles import (
    DASH, EN_ART, EN_ROMAN, EN_SEP, ITEM, KK_ACT_WORD, KK_BAP, KK_CONNECT, KK_LAW_WORD, KK_ORD_WORDS,
    KK_PLIST, KK_SAME, KK_SEP, NOT_UNIT, NUM, PATTERNS, RU_ART, RU_ORD_STEMS, RU_PARA_KW, RU_PART_KW,
    RU_PLIST, RU_SEP, RU_SUB_KW, RU_SUFFIX_PLIST, scan_keys, WindowSearch,
)
from .code_mentions import LawMention, Mention, find_laws, find_mentions

_I = re.IGNORECASE
_WINDOW = 200  # how far back a Kazakh list or a Russian prefix may start
_SPACED_RANGE_MAX = 30  # "ст. 205 – 213" is a range, "ст. 217 – 312" an article and a count


@dataclass(frozen=True)
class Attach:
    """How a code is named next to a reference: a mention, "same code", generic or a law."""

    kind: str
    mention: Mention | None = None
    law: str | None = None


@dataclass(slots=True)
class Hit:
    """One referenced article before code resolution; offsets into the parsed text."""

    start: int
    end: int
    article: str
    lang: str
    range_to: str | None = None
    part: str | None = None
    paragraph: str | None = None
    subparagraph: str | None = None
    attach: Attach | None = None


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    article: str
    range_to: str | None
    parts: tuple[str | None, ...] = (None,)
    paragraphs: tuple[str | None, ...] = (None,)
    subparagraphs: tuple[str | None, ...] = (None,)


# --- compiled pieces -----------------------------------------------------------

@lru_cache(maxsize=1)
def _re() -> dict[str, re.Pattern[str]]:
    kk_part = PATTERNS["kk_part"].regex
    kk_para = PATTERNS["kk_paragraph"].regex
    kk_sub = PATTERNS["kk_subparagraph"].regex
    return {
        "anchor": re.compile(
            rf"(?P<ru>{RU_ART})\s*+(?=\d)|(?P<en>{EN_ART})\s*+(?=\d|{EN_ROMAN})", _I),
        "kk_anchor": re.compile(rf"(?P<kk>\d){KK_CONNECT}\Z", _I),
        "num_split": re.compile(rf"({NUM})(?:{DASH}({NUM}))?"),
        "item": re.compile(rf"{ITEM}{NOT_UNIT}", _I),
        "en_item": re.compile(rf"(?:{ITEM}|{EN_ROMAN}){NOT_UNIT}", _I),
        # a separator and the next item, read in one match ("group 1" is the item)
        "ru_next": re.compile(rf"{RU_SEP}({ITEM}){NOT_UNIT}", _I),
        "en_next": re.compile(rf"{EN_SEP}((?:{ITEM}|{EN_ROMAN})){NOT_UNIT}", _I),
        "kk_next": re.compile(rf"{KK_SEP}({ITEM}){NOT_UNIT}", _I),
        "kk_list_end": re.compile(rf"(?<![\d.])(?:{ITEM})(?:{KK_SEP}{ITEM})*\Z", _I),
        "kk_list2_end": re.compile(rf"(?<![\d.])(?:{ITEM})(?:{KK_SEP}{ITEM})+\s*+\Z", _I),
        "kk_bap": re.compile(rf"{KK_CONNECT}{KK_BAP}", _I),
        "kk_word": re.compile(KK_BAP),
        "kk_part": re.compile(rf"\s*+(?P<v>{KK_PLIST})\s*+-?\s*+бөлі[кг]\w*", _I),
        "kk_para": re.compile(rf"\s*+(?P<v>{kk_para})", _I),
        "kk_sub": re.compile(rf"\s*+(?P<v>{kk_sub})", _I),
        "kk_paren": re.compile(
            rf"\s*+\(\s*+(?P<p>{KK_PLIST})\s*+-?\s*+бөлі[кг]\w*"
            rf"(?:\s*+(?P<q>\d{{1,3}})\s*+(?:\)|-)\s*+тарма[қғ](?!ша)\w*)?\s*+\)", _I),
        "kk_before": re.compile(
            rf"(?:(?P<same>{PATTERNS['kk_same_code'].regex})|(?P<samelaw>{KK_SAME}\s+{KK_LAW_WORD})"
            rf"|(?P<law>{KK_LAW_WORD}|{KK_ACT_WORD})"
            rf"|(?P<othercode>{PATTERNS['kk_other_code'].regex})"
            r"|(?P<generic>(?<!\w)Кодекс\w*))\s*+\Z", _I),
        "ru_suffix": re.compile(
            rf"\s*+,?\s*+(?:(?P<part>{RU_PART_KW})|(?P<sub>{RU_SUB_KW})|(?P<para>{RU_PARA_KW}))"
            rf"\s*+(?P<v>{RU_SUFFIX_PLIST})", _I),
        # parts followed by an article word with no comma before it: "п. 2 ч. 4 ст."
        "ru_next_prefix": re.compile(
            rf"(?:\s*+,?\s*+(?:{RU_PART_KW}|{RU_SUB_KW}|{RU_PARA_KW})\s*+{RU_PLIST})*\s++{RU_ART}", _I),
        # a title in brackets after a reference: "статьей 190 (мошенничество)"
        "note": re.compile(r"\s*+\([^()\d]{1,80}\)"),
        # what may stand between two references of one enumeration
        "enum_gap": re.compile(
            r"\s*+(?:\([^()\d]{1,80}\)\s*+)?(?:[,;]\s*+)?"
            r"(?:(?:и|или|а\s++также|and|or|as\s++well\s++as|және|мен|немесе)\s++)?", _I),
        # ranges in words: "со статьи 205 по статью 213", "Articles 296 to 303",
        # "205-бабынан 213-бабына дейін"
        "ru_from": re.compile(r"(?<!\w)со?\s++\Z", _I),
        "ru_range": re.compile(rf"\s++по\s++(?:ст\.\s*+|стать(?:ю|и|ей)\s++)?({NUM})", _I),
        "en_range": re.compile(rf"\s++(?:to|through)\s++(?:articles?\s++|arts?\.\s*+)?({NUM})", _I),
        "kk_range": re.compile(rf"\s*+(?:бастап\s++)?({NUM}){KK_CONNECT}{KK_BAP}\s++дейін\w*", _I),
        "ru_prefix": re.compile(
            rf"(?:(?P<sub>{RU_SUB_KW})\s*+(?P<subv>{RU_PLIST})\s*+,?\s*+)?"
            rf"(?:(?P<para>{RU_PARA_KW})\s*+(?P<parav>{RU_PLIST})\s*+,?\s*+)?"
            rf"(?:(?P<part>{RU_PART_KW})\s*+(?P<partv>{RU_PLIST})\s*+,?\s*+)?\Z", _I),
        "en_prefix": re.compile(
            rf"(?:(?<!\w)(?P<sub>sub-?paragraph)\s++(?P<subv>{RU_PLIST})\s++(?:of\s++)?)?"
            rf"(?:(?<!\w)(?P<para>paragraph|para\.|item)\s++(?P<parav>{RU_PLIST})\s++(?:of\s++)?)?"
            rf"(?:(?<!\w)(?P<part>part)\s++(?P<partv>{RU_PLIST})\s++(?:of\s++)?)?\Z", _I),
        "ru_after": re.compile(
            rf"\s*+(?:(?P<same>{PATTERNS['ru_same_code'].regex})|(?P<samelaw>{PATTERNS['ru_same_law'].regex})"
            rf"|(?P<law>{PATTERNS['ru_law'].regex})|(?P<othercode>{PATTERNS['ru_other_code'].regex})"
            rf"|(?P<generic>{PATTERNS['generic_code'].regex}))", _I),
        "en_after": re.compile(
            rf"\s++(?:of\s++)?(?:(?P<same>{PATTERNS['en_same_code'].regex})"
            rf"|(?P<samelaw>{PATTERNS['en_same_law'].regex})"
            rf"|(?P<law>{PATTERNS['en_law'].regex})|(?P<othercode>{PATTERNS['en_other_code'].regex}))", _I),
        "en_suffix": re.compile(PATTERNS["en_suffix"].regex, _I),
        "en_words_suffix": re.compile(
            rf"\s*+,?\s*+(?<!\w)(?:(?P<part>part)|(?P<sub>sub-?paragraph)|(?P<para>paragraph|para\.|item))"
            rf"\s++(?P<v>{RU_PLIST})", _I),
        # "this article 3 sections", "в настоящей статье 2 раздела": the paper, not a provision
        "en_paper": re.compile(r"(?<!\w)(?:this|the|our|present|that)\s++\Z", _I),
        "ru_paper": re.compile(
            r"(?<!\w)(?:настоящ(?:ей|ая|ую)|данн(?:ой|ая|ую)|эт(?:ой|а|у)|наш(?:ей|а|у))\s++\Z", _I),
        "en_of": re.compile(r"\s+of\s+(?:the\s+)?", _I),
        "quote_before": re.compile(r"«[^«»]{1,150}»[^«»]{0,120}\Z"),
    }


@lru_cache(maxsize=None)
def _window(kind: str) -> WindowSearch:
    """A search over a window before a position, tried only where a match can begin (the
    patterns searched so match empty only at the window's end, or never)."""
    return WindowSearch(_re()[kind])


# --- small helpers -------------------------------------------------------------

def _split_item(s: str) -> tuple[str, str | None]:
    """"290-291.2" -> ("290", "291.2"); "188-1" stays an inserted article."""
    if not any(dash in s for dash in "-–—\u2010\u2011"):
        return s, None
    m = _re()["num_split"].fullmatch(s)
    a, b = (m.group(1), m.group(2)) if m else (s, None)
    if "-" in a and b is None:
        base, ins = a.rsplit("-", 1)
        if int(ins) > int(base.split(".")[0]):  # "10-12" is a range, "188-1" is not
            a, b = base, ins
    return a, b


def _new_item(text: str, start: int, end: int) -> _Item:
    """The item printed at ``text[start:end]``, a range unless the dash introduces a figure.

    Press releases print counts after a dash: "по ст. 367 – 198", "по ст. 217 – 312".
    A falling pair is never a range; a spaced dash is one only over a short span
    ("ст. 366 – 368", "ст. 205 – 213").
    """
    a, b = _split_item(text[start:end])
    if b is None:
        return _Item(start, end, a, b)
    first, last = (int(x.split(".")[0].split("-")[0]) for x in (a, b))
    spaced = any(ch.isspace() for ch in text[start:end])
    if last < first or (spaced and last - first > _SPACED_RANGE_MAX):
        return _Item(start, start + len(a), a, None)
    return _Item(start, end, a, b)


def _norm_part(v: str) -> str:
    """A part/paragraph value as a plain string: "«в»" -> "в", "второй" -> "2", "3)" -> "3"."""
    v = v.strip().strip("«»\"").rstrip(")").strip()
    low = v.lower()
    if low in KK_ORD_WORDS:
        return KK_ORD_WORDS[low]
    for stem, num in RU_ORD_STEMS.items():
        if low.startswith(stem) and not low[:1].isdigit():
            return num
    return re.sub(r"\s*-\s*\D+$", "", v)


def _values(v: str | None) -> tuple[str | None, ...]:
    if not v:
        return (None,)
    pieces = re.split(r"\s*-?\s*(?:,|\sи\s|\sжәне\s|\sмен\s|\sнемесе\s)\s*", f" {v} ".strip())
    return tuple(n for p in pieces if p.strip(" -") for n in _part_range(_norm_part(p)))


def _part_range(v: str) -> tuple[str, ...]:
    """"1-3" -> 1, 2, 3 (parts 1 to 3); "1-1" stays an inserted part, as articles do."""
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", v)
    if not m or not int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 10:
        return (v,)
    return tuple(str(i) for i in range(int(m.group(1)), int(m.group(2)) + 1))


def _items(text: str, pos: int, first: str, nxt: str) -> list[_Item]:
    """Read a list of numbers starting at ``pos`` ("159, 160 и 304")."""
    r = _re()
    m = r[first].match(text, pos)
    out: list[_Item] = []
    if not m:
        return out
    out.append(_new_item(text, m.start(), m.end()))
    # a list stops after a falling "367 – 198": what follows the figure is no longer the list
    while out[-1].end == m.end() and (m := r[nxt].match(text, m.end())):
        out.append(_new_item(text, m.start(1), m.end(1)))
    return out


def _expand(items: list[_Item], lang: str, attach: Attach | None) -> list[Hit]:
    hits = []
    for it in items:
        for part in it.parts:
            for para in it.paragraphs:
                for sub in it.subparagraphs:
                    hits.append(Hit(it.start, it.end, it.article, lang, it.range_to,
                                    part, para, sub, attach))
    return hits


# --- parts and attachments -----------------------------------------------------

def _ru_suffix(text: str, item: _Item, pos: int, kind: str) -> int:
    """Parts printed after the number: "ст. 190 ч. 4 п. 2".

    Parts that run into the next article word ("ст. 28, п. 2 ч. 4 ст. 190")
    lead the next reference instead.
    """
    seen: set[str] = set()
    while True:
        m = _re()[kind].match(text, pos)
        if not m or m.lastgroup in seen or _re()["ru_next_prefix"].match(text, m.end()):
            return pos
        group = next(g for g in ("part", "para", "sub") if m.group(g))
        if group in seen:
            return pos
        seen.add(group)
        _set_parts(item, group, m.group("v"))
        item.end, pos = m.end(), m.end()


def _set_parts(item: _Item, group: str, value: str | None) -> None:
    _assign(item, group, _values(value))


def _assign(item: _Item, group: str, vals: tuple[str | None, ...]) -> None:
    """Set the parts, paragraphs or subparagraphs of ``item`` unless already set."""
    if group == "part" and item.parts == (None,):
        item.parts = vals
    elif group == "para" and item.paragraphs == (None,):
        item.paragraphs = vals
    elif group == "sub" and item.subparagraphs == (None,):
        item.subparagraphs = vals


def _prefix(text: str, item: _Item, lo: int, start: int, kind: str) -> None:
    """Parts printed before the article word: "п. «в» ч. 2 ст.", "Part 2 of Article"."""
    # the pattern ends in \Z, so it matches empty only at ``start``: nothing printed before
    m = _window(kind).search(text, max(lo, start - 120), start)
    if not m:
        return
    for group in ("part", "para", "sub"):
        if m.group(group):
            _set_parts(item, group, m.group(group + "v"))
    item.start = m.start()


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _after(text: str, pos: int, by_start: dict[int, Mention], kind: str) -> tuple[Attach | None, int]:
    """The code, "same code" phrase or law printed after a Russian/English reference.

    A short note in brackets may stand between: "статьей 190 (мошенничество) УК РК".
    """
    attach, end = _attach_at(text, pos, by_start, kind)
    note = _re()["note"].match(text, pos) if attach is None else None
    if note:
        attach, end = _attach_at(text, note.end(), by_start, kind)
    return (attach, end) if attach else (None, pos)


def _attach_at(text: str, pos: int, by_start: dict[int, Mention], kind: str) -> tuple[Attach | None, int]:
    r = _re()
    starts = [_skip_ws(text, pos)]
    if kind == "en_after":
        of = r["en_of"].match(text, pos)
        starts = [of.end(), _skip_ws(text, pos + 1) + 3] if of else [_skip_ws(text, pos)]
    for q in starts:
        if q in by_start:
            return Attach("mention", by_start[q]), by_start[q].end
    m = r[kind].match(text, pos)
    if not m:
        return None, pos
    if m.group("same"):
        return Attach("same"), m.end()
    if m.groupdict().get("samelaw"):
        return Attach("same_law"), m.end()
    law = m.group("law") or m.group("othercode")  # a code missing from the registry is kept as a law
    if law:
        return Attach("law", law=" ".join(law.split())), m.end()
    return Attach("generic"), m.end()


def _law_name(text: str, start: int, end: int) -> str:
    q = _re()["quote_before"].search(text, max(0, start - 280), start)
    first = q.start() if q else start
    return " ".join(text[first:end].split())


def _kk_before(text: str, start: int, lo: int, by_end: dict[int, Mention]) -> Attach | None:
    """The code, "осы Кодекстің" or law printed before a Kazakh reference."""
    back = start
    while back > lo and text[back - 1].isspace():
        back -= 1
    if back in by_end:
        return Attach("mention", by_end[back])
    m = _re()["kk_before"].search(text, max(lo, start - 80), start)
    if not m:
        return None
    if m.group("same"):
        return Attach("same")
    if m.group("samelaw"):
        return Attach("same_law")
    if m.group("law"):
        return Attach("law", law=_law_name(text, m.start("law"), m.end("law")))
    if m.group("othercode"):
        return Attach("law", law=" ".join(m.group("othercode").split()))
    return Attach("generic")


def _word_range(text: str, items: list[_Item], start: int, lang: str) -> None:
    """A range printed with words after a single number: "со ст. 205 по ст. 213", "Articles 5 to 7"."""
    item = items[-1]
    if len(items) > 1 or item.range_to is not None:
        return
    if lang == "ru" and not _re()["ru_from"].search(text, max(0, start - 4), start):
        return  # "ст. 190 по ..." without "с": "по" is not "up to"
    upto = _re()[f"{lang}_range"].match(text, item.end)
    if upto:
        item.range_to = upto.group(1)
        item.end = upto.end()


def _kk_tail(text: str, item: _Item, pos: int) -> int:
    """The "-бабының 2-бөлігінің 3) тармағы" tail of a Kazakh reference."""
    r = _re()
    bap = r["kk_bap"].match(text, pos)
    if not bap:
        return pos
    pos = item.end = bap.end()
    upto = r["kk_range"].match(text, pos) if bap.group().endswith(("нан", "нен", "тан", "тен")) else None
    if upto and item.range_to is None:  # "205-бабынан 213-бабына дейін"
        item.range_to = upto.group(1)
        item.end = upto.end()
        return item.end
    for kind, group in (("kk_part", "part"), ("kk_para", "para"), ("kk_sub", "sub")):
        m = r[kind].match(text, pos)
        if m:
            value = m.group("v")
            if group == "part":
                _set_parts(item, group, value)
            else:  # "3), 4) тармақтары": the numbers (or the letter) before the keyword
                _assign(item, group, tuple(re.findall(r"\d+", value)) or (value.strip()[:1],))
            pos = item.end = m.end()
    return pos


# --- the anchors -----------------------------------------------------------------

def _law_before(text: str, start: int, lo: int, laws_by_end: dict[int, LawMention]) -> Attach | None:
    """A law named right before a reference: "Закон РК «О ...» (статья 12)"."""
    back = start
    while back > lo and text[back - 1].isspace():
        back -= 1
    if back > lo and text[back - 1] in "(,:":
        back -= 1
        while back > lo and text[back - 1].isspace():
            back -= 1
    law = laws_by_end.get(back)
    return Attach("law", law=law.name) if law else None


def _ru_more(text: str, items: list[_Item], end: int, by_start: dict[int, Mention]) -> int:
    """The list going on after printed parts: "ст.ст. 190 ч. 4 п. 2, 217 ч. 3 УК РК".

    A number there is an article only with parts of its own or a code right
    after it: in "ст. 190 ч. 2, 15 человек" the 15 is not one.
    """
    while (nxt := _re()["ru_next"].match(text, end)):
        item = _new_item(text, nxt.start(1), nxt.end(1))
        after = _ru_suffix(text, item, item.end, "ru_suffix")
        if after == item.end and _skip_ws(text, item.end) not in by_start:
            break
        items.append(item)
        end = after
    return end


def _parse_designator(text: str, m: re.Match[str], lo: int, by_start: dict[int, Mention],
                      laws_by_end: dict[int, LawMention]) -> tuple[list[Hit], int]:
    """A reference led by "ст."/"статья" (ru) or "Article"/"Art." (en)."""
    lang = "ru" if m.group("ru") else "en"
    first, nxt = ("item", "ru_next") if lang == "ru" else ("en_item", "en_next")
    items = _items(text, m.end(), first, nxt)
    if not items:
        return [], m.end()
    items[0].start = m.start()
    _word_range(text, items, m.start(), lang)
    _prefix(text, items[0], lo, m.start(), "ru_prefix" if lang == "ru" else "en_prefix")
    end = items[-1].end
    if lang == "ru":
        suffixed = _ru_suffix(text, items[-1], end, "ru_suffix")
        end = _ru_more(text, items, suffixed, by_start) if suffixed > end else suffixed
    elif (paren := _re()["en_suffix"].match(text, end)):
        _set_parts(items[-1], "part", paren.group("part"))
        _set_parts(items[-1], "para", paren.group("para"))
        end = items[-1].end = paren.end()
    else:  # "Article 1, paragraph 2 of the Constitution"
        end = _ru_suffix(text, items[-1], end, "en_words_suffix")
    attach, end = _after(text, end, by_start, "ru_after" if lang == "ru" else "en_after")
    if attach is None and _re()[f"{lang}_paper"].search(text, max(0, m.start() - 14), m.start()):
        return [], m.end()
    if attach is None and laws_by_end:
        attach = _law_before(text, items[0].start, lo, laws_by_end)
    return _expand(items, lang, attach), end


def _kk_items(text: str, pos: int) -> list[_Item]:
    """A Kazakh list after a code name, each number with optional "(… бөлігінде)"."""
    r = _re()
    out: list[_Item] = []
    m = r["item"].match(text, pos)
    while m:
        item = _new_item(text, m.start(), m.end())
        paren = r["kk_paren"].match(text, item.end)
        if paren:
            item.parts = _values(paren.group("p"))
            item.paragraphs = (paren.group("q"),)
            item.end = paren.end()
        out.append(item)
        nxt = r["kk_next"].match(text, item.end)
        m = r["item"].match(text, nxt.start(1)) if nxt else None
    return out


def _parse_kk_bap(text: str, digit: int, lo: int,
                  by_end: dict[int, Mention]) -> tuple[list[Hit], int]:
    """A Kazakh "N-бап" reference found at its last digit; the list is read backwards."""
    lm = _window("kk_list_end").search(text, max(lo, digit - _WINDOW), digit + 1)
    if not lm:
        return [], digit + 1
    items = [it for it in _items(text, lm.start(), "item", "kk_next") if it.end <= digit + 1]
    if not items or items[-1].end != digit + 1:
        items = [_Item(lm.start(), digit + 1, *_split_item(text[lm.start():digit + 1]))]
    end = _kk_tail(text, items[-1], digit + 1)
    return _expand(items, "kk", _kk_before(text, items[0].start, lo, by_end)), end


def _parse_kk_code(text: str, mention: Mention, lo: int) -> tuple[list[Hit], int]:
    """A Kazakh code name with numbers after ("ҚР ҚК 207, 210 және 213") or before it."""
    attach = Attach("mention", mention)
    start = _skip_ws(text, mention.end)
    items = _kk_items(text, start) if start > mention.end else []
    if items:
        end = _kk_tail(text, items[-1], items[-1].end)
        return _expand(items, "kk", attach), end
    lm = _window("kk_list2_end").search(text, max(lo, mention.start - _WINDOW), mention.start)
    if lm:
        items = [it for it in _items(text, lm.start(), "item", "kk_next") if it.end <= mention.start]
        if len(items) >= 2:
            return _expand(items, "kk", attach), mention.end
    return [], mention.end


def _anchors(text: str, positions: list[int]) -> list[re.Match[str]]:
    """Anchor matches at the literal keys: "ст."/"статья"/"Article" and Kazakh "N-бап"."""
    r, out = _re(), []
    for p in positions:
        if text.startswith(("бап", "баб"), p):
            m = r["kk_anchor"].search(text, max(0, p - 16), p) if r["kk_word"].match(text, p) else None
        else:
            m = r["anchor"].match(text, p)
        if m:
            out.append(m)
    return out


def find_hits(text: str, mentions: list[Mention] | None = None,
              keys: dict[str, list[int]] | None = None,
              laws: list[LawMention] | None = None) -> list[Hit]:
    """Every referenced article of ``text``, unresolved, in order.

    >>> [(h.article, h.range_to, h.lang) for h in find_hits("ст. 290-291.2 УК РФ")]
    [('290', '291.2', 'ru')]
    >>> [h.article for h in find_hits("ҚР ҚК 207, 210, 211 және 213")]
    ['207', '210', '211', '213']
    """
    keys = scan_keys(text) if keys is None else keys
    mentions = find_mentions(text, keys) if mentions is None else mentions
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    laws_by_end = {law.end: law for law in (find_laws(text, keys) if laws is None else laws)}
    events: list[tuple[int, int, object]] = [(a.start(), 1, a) for a in _anchors(text, keys["anchor"])]
    events += [(m.start, 0, m) for m in mentions if m.lang == "kk"]
    events.sort(key=lambda e: (e[0], e[1]))
    groups: list[tuple[int, list[Hit]]] = []
    consumed = 0
    for pos, _, ev in events:
        if pos < consumed:
            continue
        if isinstance(ev, Mention):
            found, end = _parse_kk_code(text, ev, consumed)
        elif ev.re is _re()["kk_anchor"]:
            found, end = _parse_kk_bap(text, ev.start(), consumed, by_end)
        else:
            found, end = _parse_designator(text, ev, consumed, by_start, laws_by_end)
        if found:
            groups.append((end, found))
            consumed = max(consumed, end)
    _share_codes(text, groups)
    return sorted((h for _, found in groups for h in found), key=lambda h: h.start)


def _share_codes(text: str, groups: list[tuple[int, list[Hit]]]) -> None:
    """A reference with no code takes the code printed once for its whole enumeration.

    Russian and English print it after the last reference ("ч. 1 ст. 345 и
    ч. 2 ст. 346 УК РК"), Kazakh before the first ("ҚР ҚК 24-бабының
    3-бөлігі, 190-бабының 4-бөлігі").
    """
    spans = [(min(h.start for h in found), end, found) for end, found in groups]

    def joined(left: tuple[int, int, list[Hit]], right: tuple[int, int, list[Hit]], kk: bool) -> bool:
        if (left[2][0].lang == "kk") != kk or (right[2][0].lang == "kk") != kk:
            return False
        gap = _re()["enum_gap"].match(text, left[1])
        return gap is not None and gap.end() == right[0]

    for left, right in reversed(list(zip(spans, spans[1:]))):
        if left[2][0].attach is None and right[2][0].attach and joined(left, right, kk=False):
            for h in left[2]:
                h.attach = right[2][0].attach
    for left, right in zip(spans, spans[1:]):
        if right[2][0].attach is None and left[2][0].attach and joined(left, right, kk=True):
            for h in right[2]:
                h.attach = left[2][0].attach


__all__ = ["Attach", "Hit", "find_hits"]
