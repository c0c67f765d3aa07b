"""The loader's fast paths give what the plain rules give.

Each rule is written here the straightforward way (a regex scan, a loop per line or
per character) and compared with the library on tricky hand-written strings and on
random ones built from the same pieces (fixed seeds).
"""

from __future__ import annotations

import dataclasses
import pickle
import random
import re
from collections import Counter

import pytest

from kzlegalnlp.corpus import io, lang
from kzlegalnlp.corpus.clean import (
    HyphenRule,
    build_paragraph,
    Layout,
    Line,
    _line_of,
    _plain_pieces,
    _hyphen_joined,
    _piece,
    _rebuilt,
    is_caps,
    new_record,
    is_page_number,
    split_lines,
    usual_gap,
)
from kzlegalnlp.corpus.starts import make_groups
from kzlegalnlp.records import Document, Paragraph, Piece

_LETTERS = re.compile(r"[^\W\d_]+")
PIECES = ["сот", "Сот,", "(іс-қимыл)", "ақпа-", "раттандыру", "2019-", "жылы", "x²", "(x²-", "Ⅻ", "_a_",
          "«сөз»", "a-b-c", "ICAO.", "  ", "\t", "\xa0", "\u2028", "\x0c", "-", "12", " 7", "Қ", "і"]


def _random_texts(seed: int, count: int = 300) -> list[str]:
    rng = random.Random(seed)
    breaks = [" ", " ", "", "\n", "\n\n", "-\n", " \n", "\r\n"]
    return ["".join(rng.choice(PIECES) + rng.choice(breaks) for _ in range(rng.randint(0, 40)))
            for _ in range(count)]


def _reference_lines(text: str) -> list[Line]:
    """One :func:`_line_of` per line, cut by a regex."""
    lines, pos = [], 0
    for number, match in enumerate(re.finditer(r"\r\n|\r|\n", text), 1):
        lines.append(_line_of(text[pos:match.start()], number, pos))
        pos = match.end()
    if pos < len(text):
        lines.append(_line_of(text[pos:], len(lines) + 1, pos))
    return lines


def _reference_words(text: str) -> set[str]:
    """Letter runs of the lowered text, less both halves of each word broken at a line end."""
    low = text.lower()
    counts = Counter(_LETTERS.findall(low))
    for match in re.finditer(r"-[ \t]*(?=[\r\n])", low):
        start = match.start()
        while start > max(0, match.start() - 40) and low[start - 1].isalpha():
            start -= 1
        right = re.compile(r"\s*([^\W\d_]+)").match(low, match.end())
        for half in (low[start:match.start()], right.group(1) if right else ""):
            if half:
                counts[half] -= 1
    return {w for w, n in counts.items() if n > 0}


@pytest.mark.parametrize("text", ["a\n  b \n", "\n\n x", "a \nb\t\nc\x0c \n", "x\u2028y\n \x0c\n\x85a\x85",
                                  "a\r\n b\rc", "", "\n"] + _random_texts(1))
def test_split_lines_is_one_line_of_per_line(text: str) -> None:
    assert split_lines(text) == _reference_lines(text)


@pytest.mark.parametrize("text", ["іс-қимыл, (іс-қимыл) сот сот.", "ақпа-\nраттандыру ақпараттандыру",
                                  "x² (x²) x²-\nа", "2019-жылы 2019-\nжылы",
                                  "а" * 45 + "-\nб" + " б" * 3, "Ⅻab- \t\r\n\n  cd cd ab", "a-\n-\nb b a",
                                  "сөз-\xa0\nсөз сөз", "сөз -\n\x0c\u2028 сөз сөз", "сөз-", "_сөз-\n_сөз_ сөз",
                                  "-\n", "Σ-\nΣΣ σ ς İ-\nİ i"] + _random_texts(2))
def test_attested_words_are_the_letter_runs_of_the_text(text: str) -> None:
    rule = HyphenRule.from_text(text)
    hyphenated = {t.strip(".,;:!?()[]{}«»\"'“”„…") for t in text.lower().split() if "-" in t}
    assert rule.words == _reference_words(text)
    assert rule.hyphenated == {t for t in hyphenated if re.fullmatch(r"[^\W_]+(?:-[^\W_]+)+", t)}
    assert rule.stems == {w[:-2] for w in rule.words if len(w) >= 7}


@pytest.mark.parametrize("text", ["ст. 190 УК РФ, ICAO", "Қылмыстық іс", "Ӏ ҷ Ї ї ё Ё", "\ud800x", "",
                                  "LLC KZ CLK zZaA", "".join(map(chr, range(0x500)))]
                         + _random_texts(3))
def test_script_counts_are_letters_by_code_point(text: str) -> None:
    latin = sum(c.isascii() and c.isalpha() for c in text)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in text)
    kazakh = sum("\u0480" <= c <= "\u04ff" or c in "Іі" for c in text)
    assert lang._script_counts(text) == (latin, cyrillic, kazakh)


@pytest.mark.parametrize("text", ["Қылмыстық істер және сот", "дела и суды", "(2019-жылы) которые,", "",
                                  "ҚЫЛМЫСТЫҚ ІСТЕР ЖӘНЕ СОТ", "ДЕЛА И СУДЫ.КОТОРЫЕ", "ΟΔΟΣ. ΟΔΟΣ ΣΑ İSTANBUL\xa0И"]
                         + _random_texts(4))
def test_word_evidence_is_a_sum_over_words(text: str) -> None:
    kk = ru = 0.0
    for word in _LETTERS.findall(text.lower()):
        kk += word in lang.KAZAKH_WORDS
        ru += word in lang.RUSSIAN_WORDS
        if len(word) > 3:
            kk += 0.5 * word.endswith(lang.KAZAKH_ENDINGS)
            ru += 0.5 * word.endswith(lang.RUSSIAN_ENDINGS)
    assert lang._word_evidence(text) == (kk, ru)


@pytest.mark.parametrize("text", ["КИБЕР АЛАЯҚТЫҚ", "Сот", "ABC d", "ABCD e", "ӘӘӘ", "ӘӘӘӘ ә", "ӘӘӘӘ әә", ""]
                         + _random_texts(5))
def test_is_caps_is_the_share_of_capitals(text: str) -> None:
    upper = len(re.findall(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", text))
    lower = len(re.findall(r"[a-zа-яёәғқңөұүһі]", text))
    assert is_caps(text) == (upper + lower >= 4 and upper >= 0.8 * (upper + lower))


def _plain_paragraphs() -> list[list[Line]]:
    """Printed lines that are copied as printed (no hyphen at a line end, no white-space run)."""
    texts = ["бір \nекі\nүш ", "a\nb", "сөз"] + [t.replace("-", "") for t in _random_texts(6)]
    paragraphs = [[ln for ln in split_lines(t) if ln.text] for t in texts]
    return [p for p in paragraphs if p and all("  " not in ln.text and ln.text.isprintable() for ln in p)]


@pytest.mark.parametrize("lines", _plain_paragraphs())
def test_plain_pieces_are_the_builders(lines: list[Line]) -> None:
    text, pieces = _rebuilt(lines, HyphenRule())
    assert text == " ".join(ln.text for ln in lines)
    assert _plain_pieces(lines) == pieces


def _hyphenated_paragraphs() -> list[tuple[list[Line], HyphenRule]]:
    """Printed lines without white-space runs, many ending in a hyphen, with the rule of their text."""
    texts = ["ақпа-\nраттандыру іс-\nқимыл ақпараттандыру", "2019-\n2020 -\n- x", "Западно-\nКазахстанского",
             "сөз-\nсөз сөз-сөз", "a-\nb -\nc"] + _random_texts(8)
    out = []
    for text in texts:
        lines = [ln for ln in split_lines(text) if ln.text]
        if lines and all("  " not in ln.text and ln.text.isprintable() for ln in lines):
            out.append((lines, HyphenRule.from_text(text)))
    return out


@pytest.mark.parametrize("lines, rule", _hyphenated_paragraphs())
def test_hyphen_joined_is_the_builders(lines: list[Line], rule: HyphenRule) -> None:
    assert _hyphen_joined(lines, rule) == _rebuilt(lines, rule)


@pytest.mark.parametrize("text", ["a\n\n5\n\nb", "end of a page\n18\n\fnext page\na table\n19\ncell",
                                  "x\n\n\n\ny\n\nz"] + _random_texts(7))
def test_layout_measures_each_line(text: str) -> None:
    lines = split_lines(text)
    layout = Layout.of(lines)
    assert layout.page_numbers == {ln.number for i, ln in enumerate(lines) if is_page_number(lines, i)}
    printed = [ln.number for ln in lines if ln.text and ln.number not in layout.page_numbers]
    gaps = Counter(b - a - 1 for a, b in zip(printed, printed[1:]))
    assert layout.gap == usual_gap(lines) == min(gaps, key=lambda g: (-gaps[g], g), default=0)
    for prev, group in zip(make_groups(lines, layout), make_groups(lines, layout)[1:]):
        between = any(prev.lines[-1].number < n < group.first for n in layout.page_numbers)
        assert group.page_top == (group.lines[0].indented or between)


def _same_record(fast: object, plain: object) -> None:
    assert type(fast) is type(plain)
    assert fast == plain and repr(fast) == repr(plain) and hash(fast) == hash(plain)
    assert vars(fast) == vars(plain) and list(vars(fast)) == list(vars(plain))  # same fields, same order
    assert pickle.loads(pickle.dumps(fast)) == plain


@pytest.mark.parametrize("cls", [Piece, Paragraph, Document])
def test_records_built_without_init_have_no_post_init(cls: type) -> None:
    # new_record copies what the generated __init__ does; a __post_init__ or slots would break that
    assert dataclasses.is_dataclass(cls) and not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    assert cls.__dataclass_params__.frozen


@pytest.mark.parametrize("seed", range(5))
def test_records_built_without_init_are_the_constructors(seed: int) -> None:
    rng = random.Random(seed)
    values = [rng.randint(0, 10**6) for _ in range(4)]
    _same_record(_piece(*values), Piece(*values))
    _same_record(new_record(Piece, dict(zip(("clean", "source", "length", "line"), values))), Piece(*values))
    fields = {"text": rng.choice(PIECES), "char_start": values[0], "char_end": values[1], "line_start": values[2],
              "line_end": values[3], "lang": rng.choice(["kk", "ru", "en"]), "index": seed,
              "pieces": (Piece(*values),)}
    _same_record(new_record(Paragraph, fields), Paragraph(**fields))
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_record(Paragraph, fields).text = "x"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["ақпа-\n\nраттандыру  іс\n\n\n\nСот.\n\nЕкі", "a\n\nb\tc\n\n\n\nd"] + _random_texts(9))
def test_a_groups_text_is_its_paragraphs_joined_lines(text: str) -> None:
    lines = split_lines(text)
    rule = HyphenRule.from_text(text)
    for group in make_groups(lines, Layout.of(lines)):
        fast, plain = build_paragraph(group.lines, rule, 0, joined=group.text), build_paragraph(group.lines, rule, 0)
        assert fast == plain and fast.pieces == plain.pieces


@pytest.mark.parametrize("text", ["", "ab\x07" * 40, "a" * 99 + "\x07", "a" * 98 + "\x07\x1f", "\x7f\x0e\x0d\x08\t\n",
                                  "Қ\x85\x9f\u2028" * 30] + _random_texts(10)
                         + ["".join(random.Random(k).choice("aҚ\x00\x07\x1b\x7f\x80\x9b\t\n ") for _ in range(k))
                            for k in range(0, 400, 7)])
def test_control_characters_counted_on_the_bytes(text: str) -> None:
    controls = sum(1 for c in text if c <= "\x08" or "\x0e" <= c <= "\x1f" or c == "\x7f")
    assert io._utf8_looks_like_text(text.encode("utf-8"), text) == io._looks_like_text(text)
    assert io._looks_like_text(text) == (controls <= len(text) * 0.01)


@pytest.mark.parametrize("text", ["", " ", "\u2028\x85\x0c\xa0\t", " a ", "\u3000x", "\x1c\x1d\x1e\x1f", "\u200b"])
def test_white_space_only_is_tested_without_stripping(tmp_path, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8") or b"\n")
    if (text or "\n").strip():
        assert io.read_source(path).text == text
    else:
        with pytest.raises(io.EmptyFileError):
            io.read_source(path)


@pytest.mark.parametrize("text", ["интернет-алаяқ-", "2019-", "x²-", "-", "a -", "сөз\tсөз-", "сөз\xa0сөз-", "İstanbul-",
                                  "ab_cd-", "а" * 59 + "-", "а" * 60 + "-", "б " + "а" * 58 + "-", "б " + "а" * 59 + "-",
                                  "Қазақстан- ", "a x²b-", "a.b-"] + _random_texts(11))
def test_letters_before_a_hyphen_are_the_backward_run(text: str) -> None:
    from kzlegalnlp.corpus.clean import _letters_before_hyphen, _run_before

    assert _letters_before_hyphen(text) == _run_before(text, len(text) - 1, max(0, len(text) - 60))


def _plain_keep(rule: HyphenRule, left: str, right: str) -> bool:
    """The hyphen rule as its docstring lists it, with every word's stem built."""
    stems = {w[:-2] for w in rule.words if len(w) >= 7}
    if left[-1:].isdigit() or right[:1].isdigit() or (right[:1].isupper() and not right.isupper()):
        return True
    low, rlow = left.lower(), right.lower()
    if f"{low}-{rlow}" in rule.hyphenated or rule._other_form(low, rlow):
        return True
    joined = low + rlow
    if joined in rule.words or (len(joined) >= 7 and joined[:-2] in stems):
        return False
    if len(left) >= 6 and len(right) >= 6 and low.endswith(("но", "ско", "ски")):
        return True
    return len(left) >= 4 and len(right) >= 4 and low in rule.words and rlow in rule.words


_KEEP_TEXT = ("ақпараттандыру ақпараттандырудың сипаттамасы телемедицины информационно коммуникационных "
              "іс-қимыл Западно Казахстанского 2019 İstanbul İSTANBUL телемедицинаx Σοφία ΣΟΦΙΑ теле медицину медицин")


@pytest.mark.parametrize("left, right", [("ақпа", "раттандыру"), ("ақпараттан", "дыру"), ("ақпараттан", "дыруға"),
                                         ("сипаттамасы", "ақпараттандыру"), ("теле", "медицину"), ("теле", "медицин"),
                                         ("информационно", "коммуникационных"), ("іс", "қимылдар"), ("2019", "жылы"),
                                         ("Западно", "Казахстанского"), ("İstan", "bul"), ("İSTAN", "BUL"),
                                         ("телемедици", "на"), ("Σο", "φία"), ("ΣΟ", "ΦΙΑ"), ("a", "b")])
def test_keep_is_the_plain_rule(left: str, right: str) -> None:
    for rule in (HyphenRule.from_text(_KEEP_TEXT), HyphenRule.from_text(_KEEP_TEXT + "\nтеле-\nмедицину"), HyphenRule()):
        assert rule.keep(left, right) == _plain_keep(rule, left, right)


@pytest.mark.parametrize("seed", range(4))
def test_keep_is_the_plain_rule_on_random_halves(seed: int) -> None:
    rng = random.Random(seed)
    text = " ".join(_random_texts(seed + 20, 40)) + " " + _KEEP_TEXT
    rule = HyphenRule.from_text(text)
    words = sorted(rule.words) + ["раттандыру", "медицину", "Қазақ", "x²"]
    for _ in range(400):
        word = rng.choice(words) + rng.choice(["", "ға", "лар"])
        cut = rng.randint(1, max(1, len(word) - 1))
        assert rule.keep(word[:cut], word[cut:] or "a") == _plain_keep(rule, word[:cut], word[cut:] or "a")


@pytest.mark.parametrize("words", [["телемедицины", "телемедицина", "медицины"], ["ақпараттандыру", "ақпараттандырудың"],
                                   ["a\nbcdefgh", "abcdefgh"], [], ["İstanbul", "i̇stanbul", "σοφίας"]])
def test_a_stem_is_searched_as_the_stems_give(words: list[str]) -> None:
    rule = HyphenRule(words=words)
    candidates = {w[:k] for w in words + ["телемедиц", "ақпараттандыр"] for k in range(5, len(w) + 1)}
    for stem in candidates:
        assert rule._attests_stem(stem) == (stem in {w[:-2] for w in rule.words if len(w) >= 7})


def _plain_breaks(layout: Layout, a: Line, b: Line) -> bool:
    """Layout.breaks_between as its docstring lists the rules: every pattern tried on every pair."""
    from kzlegalnlp.corpus import clean

    at, bt = a.text, b.text
    if not layout.wrapped:
        return True
    if b.number - a.number - 1 > layout.gap and not any(a.number < n < b.number for n in layout.page_numbers):
        return True
    if clean._LIST_ITEM.match(bt) and (at.endswith((":", ";", ".", "!", "?")) or clean._NUMBERED.match(bt)):
        return True
    if len(at) <= clean.HEADING_CHARS and clean._is_reference_heading(at):
        return True
    if is_caps(at) != is_caps(bt) and not clean._ABBREVIATION_END.fullmatch(bt):
        return True
    if (len(bt) <= clean.HEADING_CHARS and clean._is_name_text(bt)) or (len(at) <= clean.HEADING_CHARS
                                                                         and clean._is_name_text(at)):
        return True
    if clean.PATTERNS["section_label"].regex.match(bt):
        return True
    upper_next = bt[:1].isupper() or bt[:1] in "«\"“(" or bt[:1].isdigit()
    if upper_next and at.rstrip("»\"”)]").endswith((".", "!", "?", "…")):
        return True
    return upper_next and len(at) < clean.SHORT_LINE * layout.width and not is_caps(at)


_HEADS = ["Аннотация. В статье", "аңдатпа: мақалада", "ABSTRACT: the paper", "ſummary: x", "Keywords: fraud",
          "\u212aeywords: fraud", "ᲄүйін сөздер: алаяқтық", "Түйін сөздер - алаяқтық", "Резюме. Сот", "кілт сөздер:",
          "key words.", "İ) пункт", "а) пункт", "z) item", "Ж) пункт", "– тире", "- дефис", "• нүкте", "▪ x", "·x",
          "1. Иванов", "12) тармақ", "٣. رقم", "²) x", "𝐀bstract: x", "\U0001d400) x", "сот ісі", "Сот ісі."]


@pytest.mark.parametrize("before", ["Бір сөйлем:", "жалғасы", "ҚЫЛМЫС ТУРАЛЫ", "Литература", "Иванов И.И."])
def test_breaks_between_tries_patterns_only_where_they_can_begin(before: str) -> None:
    layout = Layout(True, 60, 1, frozenset())
    for after in _HEADS + [t.strip() for t in _random_texts(12) if t.strip()]:
        a, b = Line(1, 0, len(before), before, False), Line(2, 0, len(after), after, False)
        assert layout.breaks_between(a, b) == _plain_breaks(layout, a, b), after


def test_section_label_begins_only_with_its_first_characters() -> None:
    from kzlegalnlp.corpus.clean import _SECTION_HEADS, _SECTION_LABEL

    rests = ["ннотация.", "ңдатпа.", "bstract:", "nnotation:", "езюме.", "үйін:", "ummary:", "лючевые слова:",
             "үйінді сөздер:", "ілт сөздер:", "eywords:", "ey words:"]
    plane = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for rest in rests:
        begins = {c for c in plane if _SECTION_LABEL.match(c + rest)}
        assert begins and begins <= _SECTION_HEADS, rest


@pytest.mark.parametrize("text", ["ақпа-\n\nраттандыру  іс\n\n\n\nСот.", "Западно-\nКазахстанского 2019-\n2020", "a\tb\n\nc-\nd",
                                  "İ-\nİ  x", "\n\n"] + _random_texts(13))
def test_paragraph_text_is_the_paragraphs(text: str) -> None:
    from kzlegalnlp.corpus.clean import paragraph_text

    lines, rule = split_lines(text), HyphenRule.from_text(text)
    if any(ln.text for ln in lines):
        assert paragraph_text(lines, rule) == build_paragraph(lines, rule, 0).text


@pytest.mark.parametrize("text", ["Литература", "  Литература:", "ӘДЕБИЕТТЕР ТІЗІМІ", "ᲁереккөздер", "References",
                                  "\u212aey", "Список использованной литературы", "Литература по теме показывает",
                                  "𝐋iterature", "", " ", "Мәтін. Литература", "пайдаланылған дереккөздер тізімі"])
def test_references_open_only_where_a_heading_can_begin(text: str) -> None:
    from kzlegalnlp.corpus.patterns import PATTERNS
    from kzlegalnlp.corpus.split import _opens_references

    assert _opens_references(text) == bool(PATTERNS["reference_heading"].matches(text))


def test_reference_heading_begins_only_with_its_first_characters() -> None:
    from kzlegalnlp.corpus.patterns import PATTERNS
    from kzlegalnlp.corpus.split import _REFERENCE_HEADS

    rests = ["писок литературы", "спользованная литература", "итература", "спользованные источники", "дебиеттер",
             "айдаланылған әдебиеттер", "олданылған дереккөздер", "ереккөздер тізімі", "eferences", "ibliography",
             "ist of references"]
    plane = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for rest in rests:
        begins = {c for c in plane if PATTERNS["reference_heading"].regex.fullmatch(c + rest)}
        assert begins and begins <= _REFERENCE_HEADS, rest


@pytest.mark.parametrize("cap", [1, 3, 1 << 16])
def test_remembered_token_runs_give_the_same_words(monkeypatch, cap: int) -> None:
    from kzlegalnlp.corpus import clean

    monkeypatch.setattr(clean, "_TOKEN_RUNS", {})
    monkeypatch.setattr(clean, "_TOKEN_RUNS_CAP", cap)
    texts = ["(іс-қимыл), сот, İstanbul-\nİ x²- 2019-жылы «Сөз» ΟΔΟΣ. ΟΔΟΣ", "сот, (іс-қимыл) a-b-c a.b"] + _random_texts(14)
    for text in texts + texts:  # the second time from what was remembered
        rule = HyphenRule.from_text(text)
        assert rule.words == _reference_words(text)
        assert rule.hyphenated == {t for t in {t.strip(".,;:!?()[]{}«»\"'“”„…") for t in text.lower().split()}
                                   if re.fullmatch(r"[^\W_]+(?:-[^\W_]+)+", t)}
    assert len(clean._TOKEN_RUNS) <= cap
