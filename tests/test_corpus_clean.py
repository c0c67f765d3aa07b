"""Cleaning rules on hand-written lines the rules were not tuned on."""

from __future__ import annotations

import pytest

from kzlegalnlp.corpus.clean import (
    HyphenRule,
    Layout,
    build_paragraph,
    group_lines,
    is_page_number,
    is_wrapped,
    split_lines,
    usual_gap,
)
from kzlegalnlp.corpus.news import first_sentence, news_document
from kzlegalnlp.corpus.io import SourceText
from pathlib import Path

# (text elsewhere in the file, line a, line b, expected joined text)
HYPHENS = [
    ("", "Мемлекетті ақпа-", "раттандыру қажет", "Мемлекетті ақпараттандыру қажет"),
    ("", "Сотқа жібе-", "рілді", "Сотқа жіберілді"),
    ("интернет-алаяқтық туралы", "Бұл интернет-", "алаяқтық қылмысы", "Бұл интернет-алаяқтық қылмысы"),
    ("", "жители Западно-", "Казахстанской области", "жители Западно-Казахстанской области"),
    ("", "в период 2019-", "2021 годов", "в период 2019-2021 годов"),
    ("", "уголовно-", "процессуальный", "уголовно-процессуальный"),  # compound-adjective stem
    ("", "в облас-", "ти", "в области"),
    ("", "информационно-", "коммуникационных сетей", "информационно-коммуникационных сетей"),
    ("мошенничество", "мошен-", "ничество", "мошенничество"),
    ("", "ПРОТИВОДЕЙ-", "СТВИЕ ПРЕСТУПНОСТИ", "ПРОТИВОДЕЙСТВИЕ ПРЕСТУПНОСТИ"),
    ("", "срок – ", "три года", "срок – три года"),
    ("", "қылмыс -", "ауыр", "қылмыс - ауыр"),
    ("ғылыми-практикалық", "ғылыми-", "практикалық конференция", "ғылыми-практикалық конференция"),
    # another form of an attested compound keeps its hyphen
    ("іс-қимыл туралы", "іс-", "қимылдар жоспары", "іс-қимылдар жоспары"),
    # another form of an attested word is joined
    ("развитие телемедицины", "теле-", "медицину внедряют", "телемедицину внедряют"),
    # both halves attested alone, the joined word never: a real hyphen
    ("сипаттамасы мен ақпараттандыру", "сипаттамасы-", "ақпараттандыру", "сипаттамасы-ақпараттандыру"),
    # halves of other broken words are no evidence
    ("производ-\nства", "производ-", "ства продукции", "производства продукции"),
]


@pytest.mark.parametrize(("context", "a", "b", "expected"), HYPHENS)
def test_line_end_hyphens(context: str, a: str, b: str, expected: str) -> None:
    text = f"{a}\n\n{b}\n"
    rule = HyphenRule.from_text(context + "\n" + text)
    para = build_paragraph(split_lines(text), rule, 0)
    assert para.text == expected


def test_every_character_maps_to_its_source() -> None:
    text = "  Сот   үкімі\t шықты ақпа-\r\n\r\nраттандыру  \r\n\r\n 17 \r\n\r\nкейін"
    lines = split_lines(text)
    layout = Layout.of(lines)
    groups = group_lines(lines, layout)
    assert len(groups) == 1
    para = build_paragraph(groups[0], HyphenRule(), 0)
    assert para.text == "Сот үкімі шықты ақпараттандыру кейін"
    for i, ch in enumerate(para.text):
        src = text[para.to_source(i)]
        assert src == ch or (ch == " " and src.isspace())
    assert para.line_at(para.text.index("раттандыру")) == 3
    assert para.line_at(len(para.text) - 1) == 7


PAGE_NUMBERS = [
    ("мәтін\n\n12\n\nмәтін", 2, True),
    ("мәтін\n12\n\nмәтін", 1, False),  # touches a printed line: table data
    ("мәтін\n\n2024\n\nмәтін", 2, False),  # four digits: a year
    ("мәтін\n\n— 12 —\n\nмәтін", 2, False),
    # PDF text without blank lines: a number where a page ends or starts
    ("мәтін\n12\n\fкелесі бет", 1, True),  # pdftotext: a form feed opens the next page
    ("мәтін\n12\n келесі бет", 1, True),  # the next page's first line indented
    (" 12\nбеттің басы", 0, True),  # a number heading the page
    ("мәтін\nсоңы\n12\n\n", 2, True),  # the end of the last page
    ("кесте\n12\nкесте\n13\nсоңы", 1, False),  # a table cell between printed lines
]


@pytest.mark.parametrize(("text", "index", "expected"), PAGE_NUMBERS)
def test_page_numbers(text: str, index: int, expected: bool) -> None:
    assert is_page_number(split_lines(text), index) is expected


def test_layouts() -> None:
    wrapped = "Бірінші жол\n\nекінші жол\n\nүшінші жол\n"
    news = ("Ұзын абзац " * 30 + "\n") * 3
    assert is_wrapped(split_lines(wrapped)) and usual_gap(split_lines(wrapped)) == 1
    assert not is_wrapped(split_lines(news))
    lines = split_lines(news)
    assert len(group_lines(lines, Layout.of(lines))) == 3


BREAKS = [
    # (lines, expected paragraph count)
    (["Бірінші сөйлем аяқталды.", "Екінші абзац басталады."], 2),
    (["Мәтін жалғасады және бұл жол да толық ұзындықта жазылған, сондықтан", "Келесі жол бас әріппен басталса да абзац бір."], 1),
    (["Қысқа жол", "Жаңа абзац."], 2),
    (["Мыналар қажет:", "– біріншісі;", "– екіншісі."], 3),
    (["ТАҚЫРЫП ЖОЛЫ", "Мәтін басталады."], 2),
    (["Сұлтанов Ерлан Маратұлы", "Алматы академиясының оқытушысы"], 2),
    (["Стандарттарды бекіткен халықаралық ұйым, яғни азаматтық авиация ұйымы", "ICAO."], 1),
    (["Кодекстің мына баптары көзделген: 125 (үшінші бөлігінің", "1) тармағында), 128-бап."], 1),
    (["Тіркелген алаяқтық фактілері 2022 жылы 43499, ал 2023 жылы", "– 44786 болды."], 1),
    (["Список использованных источников", "1. Иванов И.И. Книга. – М., 2020."], 2),
    (["Осы қорытындыны растайтын деректер УК РФ бабында көрсетілген, яғни", "УК РФ."], 1),
]


@pytest.mark.parametrize(("lines", "count"), BREAKS)
def test_paragraph_breaks(lines: list[str], count: int) -> None:
    # a full-width closing line fixes the text width; it is a paragraph of its own
    text = "\n\n".join(lines + ["Толық ұзындықтағы жол: " + "сөз " * 15]) + "\n"
    all_lines = split_lines(text)
    groups = group_lines(all_lines, Layout.of(all_lines))
    assert len(groups) == count + 1


_FILL = " Бұл сөйлем жолды жаңалық сайтындағыдай ұзын ету үшін қосылған, өйткені онда әр жол бір абзац." * 2
NEWS = [
    # (file text, date, title, derived)
    (" date 2026-02-02 Полиция алаяқтарды ұстады\nМәтін бірінші." + _FILL + "\n", "2026-02-02",
     "Полиция алаяқтарды ұстады", False),
    (" date 2026-02-02 Полиция алаяқтарды ұстады. Екі күдікті." + _FILL + "\nМәтін." + _FILL + "\n", "2026-02-02",
     "Полиция алаяқтарды ұстады", True),
    ("Жиында есірткі қылмысы талқыланды. Шешім қабылданды." + _FILL + "\nЕкінші абзац." + _FILL + "\n", None,
     "Жиында есірткі қылмысы талқыланды", True),
    # a headline may be a question
    (" date 2026-02-02 Алаяқтықпен қалай күресу керек?\nМәтін." + _FILL + "\n", "2026-02-02",
     "Алаяқтықпен қалай күресу керек?", False),
    # no header, but a printed headline (and a dateline, either order): taken, not derived
    ("Полиция задержала мошенников\n" + "Текст новости." + _FILL + "\n", None,
     "Полиция задержала мошенников", False),
    ("12.03.2025, 10:15\nАлаяқтар ұсталды\n" + "Мәтін." + _FILL + "\n", "2025-03-12", "Алаяқтар ұсталды", False),
    ("Министр заявил:\n" + "Текст новости." + _FILL + "\n", None, "Министр заявил: Текст новости", True),
    # an initial or an abbreviation before a capital does not end the derived title
    ("В г. Алматы осуждён гражданин К. Иванов. Жалоба отклонена." + _FILL + "\nВторой абзац." + _FILL + "\n",
     None, "В г. Алматы осуждён гражданин К. Иванов", True),
]


@pytest.mark.parametrize(("text", "date", "title", "derived"), NEWS)
def test_news_header(text: str, date, title, derived) -> None:
    doc = news_document(SourceText(Path("n.txt"), "n.txt", text, "utf-8"))
    assert (doc.date, doc.title, doc.title_derived, doc.kind) == (date, title, derived, "news")
    first = doc.paragraphs[0]
    assert text[first.char_start:first.char_end] == first.text


def test_first_sentence_is_cut_at_a_word() -> None:
    title = first_sentence("Сөз " * 100, limit=30)
    assert title.endswith("…") and len(title) <= 31 and " Сөз…" not in title[:-4]


@pytest.mark.parametrize("text", [
    "Интернет-\nалаяқтық туралы және іс-\nқимыл",
    "Западно- \r\nКазахстанского облысы\r\nжәне ақпа-\u00a0\nраттандыру",
    "Соңғы жол сызықшамен аяқталады -",
    "Сызықша - ортада, жол соңында емес\nкелесі жол",
    "Тек іс-қимыл сөзі\n\nжәне тағы бір абзац",
    "a-\u2028b-\nc\n-",
])
def test_hyphen_rule_for_text_gives_the_same_paragraphs_as_the_full_rule(text: str) -> None:
    lines = split_lines(text)
    groups = group_lines(lines, Layout.of(lines))
    full, lazy = HyphenRule.from_text(text), HyphenRule.for_text(text)
    assert [build_paragraph(g, full, k) for k, g in enumerate(groups)] == \
        [build_paragraph(g, lazy, k) for k, g in enumerate(groups)]


def test_hyphen_rule_for_text_learns_only_where_a_line_ends_in_a_hyphen() -> None:
    assert HyphenRule.for_text("іс-қимыл ақпараттандыру").words == frozenset()
    assert "ақпараттандыру" in HyphenRule.for_text("іс-қимыл ақпараттандыру\nақпа-\nраттандыру").words
