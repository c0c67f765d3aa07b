"""The splitter follows printing conventions, shown on a hand-made proceedings text.

``tests/data/proceedings_handmade.txt`` was written for this test (not taken
from the bundled corpus): a programme, a participant list, a paper with two
author blocks, a paper with a mixed-case author line, a paper without author,
an untitled paper found by a change of language, an untitled paper found by
restarted citation numbers, a paper whose author block is a mixed-case surname
above a name line, and a resolution; PDF-style layout (a blank line
after every printed line, new pages opening with an indented line, a page
number alone on a line).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlegalnlp.corpus import load_corpus
from kzlegalnlp.corpus import split
from kzlegalnlp.corpus.clean import HyphenRule, Layout, build_paragraph, split_lines
from kzlegalnlp.corpus.io import SourceText
from kzlegalnlp.corpus.lang import SAMPLE_CHARS, _script_counts
from kzlegalnlp.corpus.split import split_source
from kzlegalnlp.corpus.starts import make_groups
from kzlegalnlp.errors import EmptyFileError
from kzlegalnlp.records import KINDS, LANGS

DATA = Path(__file__).parent / "data" / "proceedings_handmade.txt"

# (line_start, line_end, kind, lang, title or None when not printed, authors)
EXPECTED = [
    (1, 16, "programme", "kk", "«Құқық және қоғам» атты өңірлік ғылыми-практикалық семинардың бағдарламасы", ()),
    (17, 34, "participants", "ru",
     "СПИСОК участников регионального научно-практического семинара «Право и общество»", ()),
    (35, 84, "paper", "ru", "О СОВРЕМЕННЫХ СПОСОБАХ ХИЩЕНИЯ ДЕНЕЖНЫХ СРЕДСТВ С БАНКОВСКИХ КАРТ",
     ("ЛИСИЦЫНА Ольга Петровна", "ТЕМІРОВ Аскар Болатович")),
    (85, 105, "paper", "kk", "ИНТЕРНЕТ-АЛАЯҚТЫҚҚА ҚАРСЫ ІС-ҚИМЫЛДЫҢ ӨЗЕКТІ МӘСЕЛЕЛЕРІ",
     ("Бапанова Айгерім Серікқызы",)),
    (106, 131, "paper", "ru", "МЕЖДУНАРОДНОЕ СОТРУДНИЧЕСТВО В БОРЬБЕ С КИБЕРПРЕСТУПНОСТЬЮ", ()),
    (132, 158, "paper", "kk", None, ()),
    (159, 169, "paper", "kk", None, ()),
    (170, 182, "paper", "kk", "ЖОЛ ҚОЗҒАЛЫСЫ ҚАУІПСІЗДІГІН ҚАМТАМАСЫЗ ЕТУ", ("Мұқанова Әсел Бақытқызы",)),
    (183, 190, "resolution", "ru", "РЕЗОЛЮЦИЯ по итогам регионального научно-практического семинара", ()),
]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DATA)


def test_documents_follow_the_conventions(corpus) -> None:
    found = [(d.line_start, d.line_end, d.kind, d.lang, None if d.title_derived else d.title, d.authors)
             for d in corpus]
    assert found == EXPECTED


def test_untitled_papers_get_a_derived_title(corpus) -> None:
    untitled = [d for d in corpus if d.title_derived]
    assert [d.title for d in untitled] == [
        "Жасөспірімдер арасындағы құқық бұзушылықтардың алдын алу мектептен басталады",
        "Отбасылық зорлық-зомбылық мәселесі қоғамның назарында тұр",
    ]


def test_reference_list_is_kept_apart(corpus) -> None:
    paper = corpus[2]
    assert [p.text[:10] for p in paper.references] == ["1. Иванов ", "2. Петров ", "3. Сидоров"]
    assert all("Литература" not in p.text for p in paper.paragraphs + paper.references)
    assert paper.paragraphs[-1].text.startswith("Профилактика")


def test_affiliation_of_first_author(corpus) -> None:
    assert corpus[2].affiliation == "доцент кафедры уголовного процесса Карагандинской академии, к.ю.н."
    assert corpus[3].affiliation == "Қарағанды академиясының аға оқытушысы"
    assert corpus[7].affiliation == "Алматы академиясының доценті"


def test_date_from_programme_applies_to_every_document(corpus) -> None:
    assert {d.date for d in corpus} == {"2023-03-14"}


def test_cleaning_joins_soft_hyphens_and_keeps_real_ones(corpus) -> None:
    ru = " ".join(p.text for p in corpus[2].paragraphs)
    assert "сами сообщают" in ru  # сооб- + щают
    assert "Западно-Казахстанской" in ru  # capital after the break: a real hyphen
    kk = " ".join(p.text for p in corpus[3].paragraphs)
    assert "Қоғамды ақпараттандыру" in kk  # ақпа- + раттандыру
    assert "Интернет-алаяқтық туралы" in kk  # compound attested elsewhere in the file


def test_page_number_is_dropped(corpus) -> None:
    text = corpus.texts[DATA.name]
    assert text.split("\n")[70].strip() == "28"  # line 71 is the page number
    paper = corpus[2]
    assert all(p.line_start != 71 and " 28 " not in p.text for p in paper.paragraphs)


def test_paragraph_languages(corpus) -> None:
    assert {p.lang for p in corpus[3].paragraphs} == {"kk"}
    assert {p.lang for p in corpus[4].paragraphs} == {"ru"}


# Two papers as a PDF-to-text tool without blank lines prints them (hand-written): a
# classification code above the author of the first, above the title of the second.
CODED = """УДК 343.9
Иванов Иван Иванович
доцент кафедры уголовного права
ТЕХНОЛОГИИ МОШЕННИЧЕСТВА В СЕТИ ИНТЕРНЕТ
Мошенничество в сети растёт каждый год. Суды рассматривают
всё больше таких дел.
Практика требует единого подхода к квалификации таких деяний.
ӘОЖ 343.98
ЖАСТАР АРАСЫНДАҒЫ ҚЫЛМЫСТЫҢ АЛДЫН АЛУ
Жастар арасындағы қылмыстың алдын алу мектептен басталады. Бұл
жұмысқа ата-аналар да қатысуы тиіс.
"""


def test_classification_code_opens_a_paper(tmp_path) -> None:
    path = tmp_path / "coded.txt"
    path.write_text(CODED, encoding="utf-8")
    found = [(d.line_start, d.line_end, d.lang, d.title, d.authors) for d in load_corpus(path)]
    assert found == [
        (1, 7, "ru", "ТЕХНОЛОГИИ МОШЕННИЧЕСТВА В СЕТИ ИНТЕРНЕТ", ("Иванов Иван Иванович",)),
        (8, 11, "kk", "ЖАСТАР АРАСЫНДАҒЫ ҚЫЛМЫСТЫҢ АЛДЫН АЛУ", ()),
    ]


INITIALS = """Петров П.П., к.ю.н., доцент
КИБЕРПРЕСТУПНОСТЬ И МЕРЫ ЕЁ ПРЕДУПРЕЖДЕНИЯ
Киберпреступность растёт. Меры предупреждения требуют
согласованных действий.
А.Б. Сейітов
Қарағанды академиясы
ЖАСТАР АРАСЫНДАҒЫ АЛАЯҚТЫҚТЫҢ АЛДЫН АЛУ
Алаяқтықтың алдын алу мектептен басталады.
"""


def test_author_by_initials_opens_a_paper(tmp_path) -> None:
    path = tmp_path / "initials.txt"
    path.write_text(INITIALS, encoding="utf-8")
    found = [(d.line_start, d.line_end, d.title, d.authors, d.affiliation) for d in load_corpus(path)]
    assert found == [
        (1, 4, "КИБЕРПРЕСТУПНОСТЬ И МЕРЫ ЕЁ ПРЕДУПРЕЖДЕНИЯ", ("Петров П.П.",), None),
        (5, 8, "ЖАСТАР АРАСЫНДАҒЫ АЛАЯҚТЫҚТЫҢ АЛДЫН АЛУ", ("А.Б. Сейітов",), "Қарағанды академиясы"),
    ]


KIND_WORD_TITLES = """ ПРОГРАММА «ЦИФРОВОЙ КАЗАХСТАН»: ПРАВОВЫЕ РИСКИ

Программа цифровизации меняет работу полиции.

Риски требуют правовой оценки.
 РЕЗОЛЮЦИЯ

Участники одобрили рекомендации.
"""


def test_a_title_opening_with_a_kind_word_is_a_paper(tmp_path) -> None:
    path = tmp_path / "kinds.txt"
    path.write_text(KIND_WORD_TITLES, encoding="utf-8")
    assert [(d.kind, d.line_start) for d in load_corpus(path)] == [("paper", 1), ("resolution", 6)]


# A journal article saved on its own (hand-written), title in sentence case: after the
# authors (a common Kazakh and Russian layout) or before them.
ARTICLE_TITLE_LAST = """ӘОЖ 343.98

Сейітова Айгүл Маратқызы

Қарағанды академиясының доценті

Жастар арасындағы интернет-алаяқтықтың алдын алу мәселелері

Аңдатпа. Мақалада жастар арасындағы алаяқтықтың алдын алу жолдары қарастырылады.

Түйін сөздер: алаяқтық, жастар, алдын алу.

Соңғы жылдары интернет-алаяқтық саны едәуір өсті. Бұл мәселе мектептен

басталатын профилактиканы талап етеді.
"""
ARTICLE_TITLE_FIRST = """Мошенничество в сети Интернет: вопросы квалификации

Петров П.П., к.ю.н., доцент

Аннотация. В статье рассматриваются вопросы квалификации мошенничества.

Количество интернет-мошенничеств выросло в несколько раз. Судебная практика

по таким делам неоднородна.
"""


@pytest.mark.parametrize(("text", "title", "authors", "first_body"), [
    (ARTICLE_TITLE_LAST, "Жастар арасындағы интернет-алаяқтықтың алдын алу мәселелері",
     ("Сейітова Айгүл Маратқызы",), "Аңдатпа."),
    (ARTICLE_TITLE_FIRST, "Мошенничество в сети Интернет: вопросы квалификации", ("Петров П.П.",),
     "Аннотация."),
])
def test_article_head_without_capitals_title(tmp_path, text, title, authors, first_body) -> None:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = load_corpus(path)
    assert (doc.title, doc.title_derived, doc.authors) == (title, False, authors)
    assert doc.paragraphs[0].text.startswith(first_body)


def test_documents_tile_the_file(corpus) -> None:
    lines = corpus.texts[DATA.name].split("\n")
    covered = {n for d in corpus for n in range(d.line_start, d.line_end + 1)}
    assert all(n in covered for n, line in enumerate(lines, 1) if line.strip())
    ends = [(d.line_start, d.line_end) for d in corpus]
    assert all(a[1] < b[0] for a, b in zip(ends, ends[1:]))


def test_a_file_of_page_numbers_only_is_an_error(tmp_path) -> None:
    path = tmp_path / "pages.txt"
    path.write_text("\n\n5\n\n", encoding="utf-8")
    with pytest.raises(EmptyFileError, match="pages.txt: no text found"):
        load_corpus(path)


_TOKEN = st.sampled_from([
    "СОРОКУН", "Николай Сергеевич", "ТАҚЫРЫП ЖАҢА МАҚАЛА БАСТАЛДЫ", "Литература", "РЕЗОЛЮЦИЯ",
    "Программа", "[1]", "[2]", "12", "Мәтін жалғасады және", "Сөйлем аяқталды.", "ақпа-",
    "раттандыру", "– тізім элементі;", "Текст продолжается", "Предложение закончено [3].",
])
_SEP = st.sampled_from(["\n", "\n\n", "\n\n\n\n", "\n "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_TOKEN, _SEP), min_size=1, max_size=40))
def test_any_layout_splits_into_tiling_documents(parts) -> None:
    text = "".join(tok + sep for tok, sep in parts)
    src = SourceText(Path("g.txt"), "g.txt", text, "utf-8")
    lines = text.split("\n")
    try:
        docs = split_source(src)
    except EmptyFileError:
        assert all(line.strip().isdigit() for line in lines if line.strip())
        return
    owners = [0] * len(lines)
    for d in docs:
        assert d.kind in KINDS and d.lang in LANGS
        for n in range(d.line_start, d.line_end + 1):
            owners[n - 1] += 1
        for p in d.paragraphs + d.references:
            assert d.line_start <= p.line_start <= p.line_end <= d.line_end
    printed = [n for n, line in enumerate(lines) if line.strip()]
    assert all(owners[n] == 1 for n in printed)


def _paper(heading: str) -> str:
    """A one-paper proceedings text whose reference list starts with ``heading``."""
    lines = [" ЖАҢА МАҚАЛАНЫҢ ТАҚЫРЫБЫ ОСЫНДА", "", "", "Мақаланың мәтіні осы жерде басталады [1].",
             "Екінші сөйлем де мәтінге жатады [2].", "", heading, "1. Бірінші дереккөз. – Алматы, 2020.",
             "2. Екінші дереккөз. – Астана, 2021."]
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize("heading", [
    "Әдебиеттер тізімі", "Пайдаланылған әдебиеттер", "Список литературы", "Литература:", "References",
    "Список использованных источников",
])
def test_reference_headings_in_each_language(heading: str) -> None:
    text = _paper(heading)
    (doc,) = split_source(SourceText(Path("r.txt"), "r.txt", text, "utf-8"))
    assert [p.text[:2] for p in doc.references] == ["1.", "2."]
    assert all(heading not in p.text for p in doc.paragraphs + doc.references)
    assert doc.paragraphs[-1].text.endswith("[2].")


def test_a_paragraph_merely_mentioning_literature_stays_in_the_body() -> None:
    text = _paper("Литература по этому вопросу обширна, но противоречива.")
    (doc,) = split_source(SourceText(Path("r.txt"), "r.txt", text, "utf-8"))
    assert not doc.references


def test_a_section_heading_with_a_kind_word_does_not_open_a_document() -> None:
    page = ("Мәтін осы жерде аяқталады және келесі бетке көшеді.\n\n"
            " Программа профилактики\n\n"
            "Профилактика начинается в школе и продолжается в семье.\n")
    text = " ЖАҢА МАҚАЛАНЫҢ ТАҚЫРЫБЫ ОСЫНДА\n\n\n\n" + page
    docs = split_source(SourceText(Path("s.txt"), "s.txt", text, "utf-8"))
    assert [d.kind for d in docs] == ["paper"]


def test_a_capitals_heading_inside_a_paper_is_not_a_new_title() -> None:
    body = ("Мәтін бірінші бөлімде жалғасады және дереккөзге сілтейді [1]. "
            "Тағы бір сөйлем екінші дереккөзге сілтейді [2].")
    text = (" ЖАҢА МАҚАЛАНЫҢ ТАҚЫРЫБЫ ОСЫНДА\n\n\n\n" + body + "\n"
            " НЕГІЗГІ БӨЛІМНІҢ ТАҚЫРЫБЫ МЫНАУ\n\n\n\n"
            "Келесі бөлім үшінші дереккөзге сілтейді [3].\n")
    docs = split_source(SourceText(Path("h.txt"), "h.txt", text, "utf-8"))
    assert [d.title for d in docs] == ["ЖАҢА МАҚАЛАНЫҢ ТАҚЫРЫБЫ ОСЫНДА"]
    restart = text.replace("[3]", "[1]").replace("Келесі бөлім", "Келесі мақала")
    assert len(split_source(SourceText(Path("h.txt"), "h.txt", restart, "utf-8"))) == 2


def _tricky_proceedings(seed: int) -> str:
    """PDF-style text: wrapped lines, page numbers, CRLF, doubled spaces, tabs, hyphens, scripts."""
    rng = random.Random(seed)
    words = ["Қылмыстық", "іс", "сот", "ақпа-", "раттандыру", "ICAO", "УК", "РФ.", "2019-", "жылы", "x²",
             "Σ", "İstanbul", "  ", "\t", "\xa0", "[1]", "[2]", "ТЕМА СТАТЬИ", "Литература", "ӘОЖ 343", "«сөз»"]
    breaks = ["\n\n", "\n\n", "\n\n\n\n", "\n\n17\n\n", "\r\n\r\n", "\n\n ", " ", "-\n\n"]
    lines = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(5, 80))]
    return "".join(line + rng.choice(breaks) for line in lines) + "а" * 1100 + ".\n"


@pytest.mark.parametrize("text", [DATA.read_text(encoding="utf-8"), CODED, INITIALS, KIND_WORD_TITLES,
                                  ARTICLE_TITLE_LAST, ARTICLE_TITLE_FIRST]
                         + [_tricky_proceedings(seed) for seed in range(40)])
def test_group_scripts_are_the_paragraphs_script_counts(text: str) -> None:
    lines = split_lines(text)
    groups = make_groups(lines, Layout.of(lines))
    rule = HyphenRule.for_text(text)
    for group, counts in zip(groups, split._group_scripts(text, groups)):
        paragraph = build_paragraph(group.lines, rule, 0, joined=group.text)
        if counts is None:
            assert len(group.text) > SAMPLE_CHARS
        else:
            assert len(paragraph.text) <= SAMPLE_CHARS and counts == _script_counts(paragraph.text)


@pytest.mark.parametrize("seed", range(20))
def test_documents_are_the_same_with_counted_scripts(monkeypatch, seed: int) -> None:
    src = SourceText(Path("p.txt"), "p.txt", _tricky_proceedings(seed) + DATA.read_text(encoding="utf-8"), "utf-8")
    counted = split_source(src)
    monkeypatch.setattr(split, "_group_scripts", lambda text, groups: [None] * len(groups))
    assert split_source(src) == counted
