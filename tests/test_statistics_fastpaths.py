"""The statistics extractor's fast paths against the plain rules they replace, written
the straightforward way, on tricky and seeded random strings."""

from __future__ import annotations

import random
import re

import pytest

from kzlegalnlp.extract import stat_tables, stat_years
from kzlegalnlp.extract.statistics import (_add_piece_lines, _SourceMap,
                                           paragraph_lines)
from kzlegalnlp.patterns import statistics as stat_patterns
from kzlegalnlp.patterns.numbers import BMP_DIGIT_ZEROS, NUMBER_RE, find_numbers
from kzlegalnlp.patterns.statistics import WORD_START, load_json, statistics_patterns
from kzlegalnlp.records import Paragraph, Piece

PIECES = ["1", "27", "892", "2025", " ", "  ", "\n", "\u2029", "\u00a0", "\t", ".", ",", ";", "!",
          "?", "-", "–", "•", "(", ")", "+", "№", "ст.", "ст", "No.", "N", "п.", "тел.:", "ИИН",
          "Ст.", "Около", "около", "не более", "более чем", "до", "up to", "more than", "примерно",
          "адам", "Бойынша", "мың", "a", "B", "ә", "²", "İ", "Жыл", "жыл", "Бір", "бала", "x/"]


def _texts(seed: int, n: int, size: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, size))) for _ in range(n)]


# --- paragraph lines and the offset map -------------------------------------------------

def _plain_paragraph_lines(p: Paragraph) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    line, start = p.pieces[0].line, 0
    for piece in p.pieces:
        if piece.line != line:
            out.append((start, piece.clean))
            line, start = piece.line, piece.clean
    out.append((start, len(p.text)))
    return out


def _random_paragraph(rng: random.Random) -> Paragraph:
    pieces, clean, source, line = [], 0, rng.randint(0, 50), rng.randint(1, 9)
    for _ in range(rng.randint(1, 12)):
        length = rng.randint(1, 6)
        pieces.append(Piece(clean, source, length, line))
        clean += length
        source += length + rng.randint(0, 3)
        line += rng.choice((0, 0, 1, 2))
    text = "".join(rng.choice("ab 1") for _ in range(clean))
    return Paragraph(text, pieces[0].source, source, pieces[0].line, line, "kk", 0, tuple(pieces))


@pytest.mark.parametrize("seed", range(5))
def test_line_bounds_are_the_piece_by_piece_lines(seed):
    rng = random.Random(seed)
    for _ in range(300):
        p = _random_paragraph(rng)
        assert paragraph_lines(p) == _plain_paragraph_lines(p)
        offset = rng.randint(0, 100)
        lines = [(-1, -1)]
        _add_piece_lines(p.pieces, len(p.text), offset, lines)
        assert [(a - offset, b - offset) for a, b in lines[1:]] == _plain_paragraph_lines(p)


@pytest.mark.parametrize("seed", range(5))
def test_source_map_is_the_paragraph_offset_map(seed):
    rng = random.Random(seed)
    for _ in range(200):
        p = _random_paragraph(rng)
        source_map = _SourceMap(p.pieces)
        for _ in range(10):
            a = rng.randint(0, len(p.text))
            b = rng.randint(a, len(p.text))
            assert source_map.span(a, b) == (*p.to_source_span(a, b), p.line_at(a))


# --- masks: the prefix before a number, cached per window --------------------------------

def _plain_token_start(text: str, end: int, limit: int) -> int:
    k = end
    while k > 0 and end - k < limit and not text[k - 1].isspace():
        k -= 1
    return k


def test_token_start_is_the_character_loop():
    for text in _texts(11, 400) + ["", " ", "ab", "\u2029ст.5", "a\u00a0b", "x" * 40]:
        for end in range(len(text) + 1):
            for limit in (1, 6, 24, 200):
                assert stat_patterns._token_start(text, end, limit) == _plain_token_start(
                    text, end, limit), (text, end, limit)


def test_prefix_windows_give_the_search_in_the_text():
    masks = statistics_patterns().masks
    for text in _texts(12, 200) + ["№ 5", "ст.190", "тел.: 102", "aB1", "İN 7", "x+7"]:
        for k in range(len(text) + 1):
            for s in range(k, min(len(text), k + 30) + 1):
                p = masks.before.search(text, k, s)
                assert masks._prefix(text, k, s) == ((p.start(), p.lastindex) if p else None), (
                    text, k, s)


def test_prefixes_look_behind_one_character_at_most():
    """The cache key holds one character before the window: the prefixes' only
    look-behind must be the one-character WORD_START."""
    for entry in load_json("not_statistics.json")["masks"]:
        if entry["anchor"] == "before_number":
            assert "(?<" not in entry["pattern"].replace(WORD_START, ""), entry["name"]


def test_prefix_cache_is_bounded(monkeypatch):
    masks = statistics_patterns().masks
    monkeypatch.setattr(stat_patterns, "PREFIX_CACHE_SIZE", 3)
    for text in ("а 1", "б 2", "в 3", "г 4", "№ 5"):
        masks.mask_at(text, len(text) - 1)
        assert len(masks.prefixes) <= 3
    assert masks.mask_at("№ 5", 2) == (0, 3)


# --- qualifiers before a number: one shared look-behind ----------------------------------

def test_qualifier_before_is_the_alternation_with_a_look_behind_each():
    entries = load_json("qualifiers.json")["before"]
    plain = re.compile("|".join(WORD_START + "(" + e["pattern"] + r")\s*$" for e in entries),
                       re.IGNORECASE)
    pats = statistics_patterns()
    for text in _texts(13, 1500, 12) + ["İ не более ", "ſome ", "ıover  ", "не\u2029более", "ДО "]:
        for cut in range(0, len(text) + 1, 3):
            left = text[:cut]
            m = plain.search(left)
            expected = (entries[m.lastindex - 1]["qualifier"], m.start()) if m else None
            assert pats.qualifier_before(left) == expected, left


# --- sentence ends -----------------------------------------------------------------------

def _plain_ends(text: str, a: int, b: int, reach: int) -> list[int]:
    return sorted(
        [m.end() for m in stat_years.STOP_END_RE.finditer(text, a, reach) if m.start() < b]
        + [m.end() for m in stat_years.BREAK_END_RE.finditer(text, a, reach) if m.start() < b])


def test_sentence_ends_found_by_their_first_character_are_the_regex_scan():
    for text in _texts(14, 300, 60) + ["А. Б", "x.\n\n- y", "a;\u2029b", ".  Б", "\n \t• a"]:
        n = len(text)
        for a in range(0, n + 1, 7):
            for b in (min(n, a + 5), min(n, a + 20), n):
                for reach in (b, min(n, b + 3), n):
                    assert sorted(stat_years._matched_ends(text, a, b, reach)) == _plain_ends(
                        text, a, b, reach), (text, a, b, reach)


def test_sentence_end_starts_cover_both_patterns():
    """Every character a sentence end can start with is looked for."""
    starts = {c for c, _ in stat_years.END_STARTS}
    for text in _texts(15, 300, 60):
        for regex in (stat_years.STOP_END_RE, stat_years.BREAK_END_RE):
            for m in regex.finditer(text):
                assert text[m.start()] in starts


# --- masks at a number: digit runs closed with (?!\d) --------------------------------------

GUARDED_RUN = r"\d+(?!\d)"
NUMBER_PIECES = ["1", "12", "2024", "1.2", "3,", " ", "-", "–", "—", "(", ")", ".", ",", "/", ":",
                 " и ", " және ", " and ", " мен ", "бап", "-бабы", "бөлігі", "тармақ", "ҚК", " УК",
                 " РК ", "бет", "б.", "с.", "стр.", "лет", " и старше", "жас", "тан", " жоғары",
                 "-ші", "-й", "th", "st", " years and older", "часть", "(1-бөлігі)", "A", "Б"]


def _number_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(NUMBER_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_guarded_digit_runs_match_as_the_plain_runs():
    """Every at-number mask matches where and as far as it does without the guards
    (nothing after a guarded run can start with a digit, so giving digits back never
    helped)."""
    entries = [e for e in load_json("not_statistics.json")["masks"] if e["anchor"] == "at_number"]
    assert any(GUARDED_RUN in e["pattern"] for e in entries)
    texts = _number_texts(16, 3000) + [
        "12 бап", "5, 6 және 7-баптары", "190 УК РК", "3 (1-бөлігі)", "25 бет", "18 лет и старше",
        "60 жастан жоғары", "2-ші", "21st", "1.2.3-тармақ", "205-206-баптар", "12 - 14 б."]
    for e in entries:
        guarded = re.compile(e["pattern"], re.IGNORECASE)
        plain = re.compile(e["pattern"].replace(GUARDED_RUN, r"\d+"), re.IGNORECASE)
        for text in texts:
            for m in re.finditer(r"\d+", text):
                a, b = guarded.match(text, m.start()), plain.match(text, m.start())
                assert (a and a.end()) == (b and b.end()), (e["name"], text, m.start())


# --- numbers: the BMP digits spelled out ---------------------------------------------------

def test_bmp_digit_zeros_are_every_decimal_digit_set_of_the_bmp():
    digits = {c for c in range(0x10000) if chr(c).isdecimal()}
    spelled = {z + k for z in BMP_DIGIT_ZEROS for k in range(10)}
    assert spelled == digits


def test_find_numbers_is_the_number_pattern_scan():
    rng = random.Random(17)
    pieces = ["1", "27 892", "3,4", "1,250,000", "0.5", " ", "\u00a0", "\u202f", "٣٤", "०५", "１２",
              "𝟏𝟐", "²", "a", "қ", ".", ",", "-", "\U0001f600", "\ud800"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in find_numbers(text)] == [m.span() for m in NUMBER_RE.finditer(text)]


# --- units: the alternation cut down to the entries that can begin at a character --------

UNIT_PIECES = PIECES + ["%", "%-ды", "$", "€", "₸", "₽", "тенге", "теңгеден", "млн", "т.", "т", "кг",
                        "г", "гр.", "жас", "жыл", "лет", "адам", "человек", "people", "K", "ſ",
                        "ı", "Ң", "ТОННА", "км", "\r\n", "-летний", "МРП", "АЕК-тен", "дозаға"]


def _plain_unit_at(text: str, pos: int, nouns: bool) -> tuple[str, int, bool] | None:
    pats = statistics_patterns()
    units = pats.units if nouns else tuple(u for u in pats.units if u.kind != "noun")
    regex = re.compile("|".join(f"({u.regex.pattern})" for u in units), re.IGNORECASE)
    start = pos
    while start < len(text) and text[start] in " \u00a0\u2009\u202f\t":
        start += 1
    m = regex.match(text, start)
    if m and m.end() > start:
        return units[m.lastindex - 1].unit, m.end(), units[m.lastindex - 1].drop
    return None


def test_unit_at_is_the_whole_alternation():
    pats = statistics_patterns()
    rng = random.Random(18)
    texts = ["".join(rng.choice(UNIT_PIECES) for _ in range(rng.randint(0, 6))) for _ in range(1500)]
    for text in texts + ["", " ", "%", "5 %", "İ", "АҚШ доллары", "US dollars", "per cent"]:
        for pos in range(len(text) + 1):
            for nouns in (True, False):
                assert pats.unit_at(text, pos, nouns=nouns) == _plain_unit_at(text, pos, nouns), (
                    text, pos, nouns)


def test_unit_entries_kept_for_a_character_can_begin_there():
    """An entry left out for a character never matches at it (checked on each entry alone)."""
    pats = statistics_patterns()
    for char in "%$€₸₽,.)2 тТжЖaAİıſKkҢң\u2029":
        _, kept = pats.unit_any_at.at(char)
        for u in pats.units:
            if u not in kept:
                for rest in ("", "енге", "-ды", " ", "г", "%"):
                    m = u.regex.match(char + rest)
                    assert not (m and m.end() > 0), (char, u.unit, rest)


def test_first_char_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(stat_patterns, "FIRST_CHAR_CACHE_SIZE", 2)
    alternation = stat_patterns.FirstCharAlternation(statistics_patterns().units)
    for char in "%$абв":
        alternation.at(char)
        assert len(alternation.by_char) <= 2
    assert [u.unit for u in alternation.at("%")[1]] == ["percent"]


# --- table rows: lines ending in prose are passed over ----------------------------------

def test_prose_ends_are_no_digit_space_or_percent():
    assert not any(c.isdigit() or c.isspace() or c == "%" for c in stat_tables.PROSE_ENDS)


def test_lines_passed_over_are_non_empty_prose():
    rng = random.Random(19)
    pieces = PIECES + ["%", "5 ", "x ", "\r", " \n", "2019 2020", "а.", "Б"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 5))))
        lines = list(zip(cuts, cuts[1:]))
        kept = set(stat_tables._row_candidates(text, lines))
        for k, (ls, le) in enumerate(lines):
            line = text[ls:le].rstrip()
            if k not in kept:
                assert line and not (line[-1].isdigit() or line[-1] == "%"), (text, ls, le)


def _plain_table_cells(text: str, lines: list[tuple[int, int]]) -> list[stat_tables.Cell]:
    """The table reader looking at every line (no raw lines)."""
    T = stat_tables
    out, years, gap, label_from, last_row = [], None, 0, 0, 0
    for ls, le in lines:
        if years is not None and ls - last_row > T.MAX_GAP_CHARS:
            years = None
        line = text[ls:le].rstrip()
        if not line:
            continue
        if not (line[-1].isdigit() or line[-1] == "%"):
            gap += 1
            if gap > T.MAX_GAP_LINES:
                years = None
            continue
        header = T._years(line)
        if header:
            years, gap, label_from, last_row = header, 0, le, le
            continue
        run = T.row_run(line)
        slots, ncells = T._cell_slots(run, None) if run else ([], 0)
        whole = run is not None and not line[: run[0]].strip()
        values = [T.parse_number(t.rstrip("%")) for _, t, _ in slots]
        in_table = years is not None and (ncells >= len(years) or T._is_total_row(values))
        if run and (in_table or whole and ncells >= 3):
            article = T._article(text[max(label_from, ls + run[0] - 2000): ls + run[0]])
            total = T._is_total_row(values)
            for off, tok, i in slots:
                unit = "percent" if tok.endswith("%") else "count"
                out.append(T.Cell(ls + off, ls + off + len(tok), T.parse_number(tok.rstrip("%")),
                                  unit, T._year_of(i, ncells, years, total), article, ls + run[0]))
            gap, label_from, last_row = 0, le, le
            continue
        gap += 1
        if gap > T.MAX_GAP_LINES:
            years = None
    return out


@pytest.mark.parametrize("gap_lines", [1, 2, 40])
def test_table_cells_are_the_line_by_line_reading(monkeypatch, gap_lines):
    monkeypatch.setattr(stat_tables, "MAX_GAP_LINES", gap_lines)
    monkeypatch.setattr(stat_tables, "MAX_GAP_CHARS", 4000 if gap_lines == 40 else 30)
    rng = random.Random(20 + gap_lines)
    rows = ["2018 2019 2020", "Барлығы 5 6 4 15", "(190-бап) 1 2 3", "5 6  11", "мәтін.", "Текст",
            "", "  ", "ст. 158 7 8 9 10", "1,5% 2% 3%", "x ²", "a 1 2 3 ", "қорытынды:", "8 9 "]
    for _ in range(400):
        picked = [rng.choice(rows) for _ in range(rng.randint(1, 14))]
        sep = rng.choice(["\n", "\r\n", " "])
        text = sep.join(picked)
        bounds, pos = [], 0
        for row in picked:
            bounds.append((pos, pos + len(row) + (len(sep) if sep == " " else 0)))
            pos += len(row) + len(sep)
        assert stat_tables.table_cells(text, bounds) == _plain_table_cells(text, bounds), text


# --- numbers made of digits only, and years looked for among 4-digit numbers ---------------

def _plain_parse_number(surface: str, english: bool = False) -> float:
    clean = surface.strip()
    if english or clean.count(",") > 1:
        clean = clean.replace(",", "")
    for sep in " \u00a0\u2009\u202f":
        clean = clean.replace(sep, "")
    return float(clean.replace(",", "."))


@pytest.mark.parametrize("surface", ["0", "7", "2025", "000123", "٣٤", "१२३", "１２", "9" * 40,
                                     "27 892", "1,5", "3,400", "1,250,000", "0.5"])
def test_parse_number_of_digits_only_is_the_plain_reading(surface):
    from kzlegalnlp.patterns.numbers import parse_number
    for english in (False, True):
        assert parse_number(surface, english) == _plain_parse_number(surface, english)


def _plain_year_mentions(text: str, spans: list[tuple[int, int]]) -> list:
    out, skip = [], -1
    for k, (a, b) in enumerate(spans):
        if a <= skip or not stat_years._is_year_text(text[a:b]):
            continue
        if k + 1 < len(spans):
            c, d = spans[k + 1]
            if stat_years._is_year_text(text[c:d]) and stat_years._linked(text, b, c):
                out.append((a, d, None))
                skip = c
                continue
        out.append((a, b, int(text[a:b])))
    return out


def test_year_mentions_are_the_plain_reading():
    rng = random.Random(21)
    pieces = ["2018", "2021", "1999", "205", "20245", "12", " ", "-", "–", " жылы ", " и ", " по июнь ",
              " гг. ", "жылдан ", ", ", "a", "٢٠٢٤"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        spans = [m.span() for m in NUMBER_RE.finditer(text)]
        assert stat_years.year_mentions(text, spans) == _plain_year_mentions(text, spans), text


# --- multiplier words tried only where one can begin -----------------------------------------

def test_multiplier_at_is_the_multiplier_match():
    from kzlegalnlp.extract.statistics import _multiplier_at
    from kzlegalnlp.patterns.numbers import MULTIPLIER_RE
    rng = random.Random(22)
    pieces = PIECES + ["млн", "МЛРД.", "тыс.", "Trillion", "bn", "mln. tenge", "ᲄ", "K", "ſ", "мыңнан",
                       "-", " ", "thousand", "Млн-ға"]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for pos in range(len(text) + 1):
            a, b = _multiplier_at(text, pos), MULTIPLIER_RE.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


# --- postpositions after a number: one alternation -------------------------------------------

def test_qualifier_after_is_the_first_entry_that_matches():
    pats = statistics_patterns()
    rng = random.Random(23)
    pieces = PIECES + [" астам", " астамы", "аса", " көп", " жуық", " жуығы", " шақты", "дейін", " кем",
                       " аз", " төмен", "ның", "-тан", "\r\n", "АСТАМ", "Жуық"]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        for pos in range(len(text) + 1):
            for ablative in (False, True):
                expected = next(((name, m.end()) for name, needs, regex in pats.after
                                 if (ablative or not needs) and (m := regex.match(text, pos))), None)
                assert pats.qualifier_after(text, pos, ablative) == expected, (text, pos, ablative)


def _plain_opens_line(text: str, s: int) -> bool:
    i = s - 1
    while i >= 0 and s - i < 20 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n\r\u2029"


def test_opens_line_is_the_character_loop():
    rng = random.Random(24)
    pieces = [" ", "\t", "\n", "\r\n", "\u2029", "a", "1", "\u00a0", " " * 19, " " * 20]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for s in range(len(text) + 1):
            assert stat_patterns._opens_line(text, s) == _plain_opens_line(text, s), (text, s)
