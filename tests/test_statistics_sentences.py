"""Hand-written sentences (kk, ru, en), none taken from the corpus, with the figures
a reader finds in them. The rules were not tuned on these sentences.

Each row: language, sentence, expected figures as (value, unit, qualifier, value_to).
"""

from __future__ import annotations

import math

import pytest

from kzlegalnlp import extract_statistics

E = "exact"
CASES = [
    # --- Kazakh
    ("kk", "2024 жылы облыста 1 245 ұрлық тіркелді.", [(1245, "count", E, None)]),
    ("kk", "Залал 3,4 млрд теңгені құрады.", [(3.4e9, "KZT", E, None)]),
    ("kk", "Тәркіленген героиннің салмағы 12,5 кг болды.", [(12.5, "kg", E, None)]),
    ("kk", "Биыл 700-ден астам алаяқ ұсталды.", [(700, "person", "more_than", None)]),
    ("kk", "Көрсеткіш 15%-ға өсті.", [(15, "percent", E, None)]),
    ("kk", "Жол апаттары 2 есеге азайды.", [(2, "times", E, None)]),
    ("kk", "Тергеу 10 күннен 20 күнге дейін созылады.", [(10, "day", "range", 20)]),
    ("kk", "Облыста 5 мыңға жуық адам тексерілді.", [(5000, "person", "approx", None)]),
    ("kk", "Шамамен 40 тонна жүк тоқтатылды.", [(40, "tonne", "approx", None)]),
    ("kk", "Айыппұл мөлшері 500 мың теңгеге дейін жетеді.", [(5e5, "KZT", "up_to", None)]),
    ("kk", "Жәбірленушілердің 64 пайызы әйелдер.", [(64, "percent", E, None)]),
    ("kk", "Сот 1,5 миллион теңге өндірді.", [(1.5e6, "KZT", E, None)]),
    ("kk", "Полиция 300 шақты жасөспірімді есепке алды.", [(300, "person", "approx", None)]),
    ("kk", "Кірістер 20 миллиардтан асты.", [(20e9, "count", "more_than", None)]),
    ("kk", "Ұсталған есірткі 250 граммнан асады.", [(250, "g", "more_than", None)]),
    ("kk", "Былтыр 18 мыңдай алаяқтық тіркелді.", [(18000, "count", "approx", None)]),
    ("kk", "Пирамидалар 7 млрд теңге шамасында шығын келтірді.", [(7e9, "KZT", "approx", None)]),
    ("kk", "Аудандағы 12 мектепке бейнекамера орнатылды.", [(12, "count", E, None)]),
    ("kk", "Ақмолада 4 мыңнан астам жүргізуші жазаланды.", [(4000, "person", "more_than", None)]),
    ("kk", "Ашылу деңгейі 60–70% аралығында.", [(60, "percent", "range", 70)]),
    ("kk", "Олардың үлесі 12%-ды (4 500-ден) құрады.", [(12, "percent", E, None)]),
    ("kk", "Қарыз 1-ден 3%-ға дейін өсті.", [(1, "percent", "range", 3)]),
    ("kk", "Салымшылар 2,8 миллион АҚШ долларын жоғалтты.", [(2.8e6, "USD", E, None)]),
    ("kk", "Шекарада 9,5 тонна есірткі ұсталды.", [(9.5, "tonne", E, None)]),
    ("kk", "Кеденде 95 кілограмм кокаин табылды.", [(95, "kg", E, None)]),
    # Kazakh: no statistics
    ("kk", "ҚР ҚК 190-бабының 2-бөлігі бойынша іс қозғалды.", []),
    ("kk", "Заң 2023 жылғы 15 наурызда қабылданды.", []),
    ("kk", "Отырыс сағат 10.30-да басталды.", []),
    ("kk", "№ 245-VIII заңы күшіне енді.", []),
    ("kk", "60 жастан асқан азаматтар тегін тексеріледі.", []),
    ("kk", "Бұл туралы 3-тарауда айтылған.", []),
    ("kk", "Сенім телефоны: 8 701 555 12 34.", []),
    ("kk", "Жұмыс 2-ші кезеңде жалғасады.", []),
    ("kk", "Бағдарлама 2025–2027 жылдарға арналған.", []),
    ("kk", "Сауалнамаға 18-24 және 25-34 жас аралығындағы жастар қатысты.", []),
    ("kk", "Шұғыл қызмет «112» нөмірі арқылы жұмыс істейді.", []),
    ("kk", "Іздер 3 см-ден аспайды.", [(3, "cm", "up_to", None)]),
    ("kk", "Жүк 40 кг-нан асады.", [(40, "kg", "more_than", None)]),
    # --- Russian
    ("ru", "В 2023 году зарегистрировано 14 532 преступления.", [(14532, "count", E, None)]),
    ("ru", "Ущерб составил более 2,3 млрд рублей.", [(2.3e9, "RUB", "more_than", None)]),
    ("ru", "Изъято около 150 кг наркотиков.", [(150, "kg", "approx", None)]),
    ("ru", "Штраф составляет до 500 тысяч тенге.", [(5e5, "KZT", "up_to", None)]),
    ("ru", "Преступность снизилась на 12,4%.", [(12.4, "percent", E, None)]),
    ("ru", "Выявлено свыше 3 тыс. фактов мошенничества.", [(3000, "count", "more_than", None)]),
    ("ru", "От 3 до 5 тысяч пользователей пострадали.", [(3000, "count", "range", 5000)]),
    ("ru", "Примерно 200 человек были задержаны.", [(200, "person", "approx", None)]),
    ("ru", "Число атак выросло в 4 раза.", [(4, "times", E, None)]),
    ("ru", "Менее 10% дел доходят до суда.", [(10, "percent", "less_than", None)]),
    ("ru", "Не менее 50 миллионов тенге было похищено.", [(5e7, "KZT", "more_than", None)]),
    ("ru", "Порядка 70 процентов опрошенных доверяют полиции.", [(70, "percent", "approx", None)]),
    ("ru", "Срок рассмотрения составляет от 10 до 30 дней.", [(10, "day", "range", 30)]),
    ("ru", "Изъято 1,2 т героина.", [(1.2, "tonne", E, None)]),
    ("ru", "Ущерб оценивается в 15 000 долларов.", [(15000, "USD", E, None)]),
    ("ru", "Сумма взяток превысила 800 000 евро.", [(800000, "EUR", "more_than", None)]),
    ("ru", "Около 1 млн пользователей получили письма.", [(1e6, "count", "approx", None)]),
    ("ru", "Расследование длилось 6 месяцев.", [(6, "month", E, None)]),
    ("ru", "Сумма составила 45,5 млн руб.", [(45.5e6, "RUB", E, None)]),
    ("ru", "Раскрыто 45% (из 2 000) дел.", [(45, "percent", E, None)]),
    ("ru", "Доля выросла с 12% до 18%.", [(12, "percent", E, None), (18, "percent", E, None)]),
    ("ru", "Задержаны 27 членов преступных групп.", [(27, "count", E, None)]),
    ("ru", "Изъято 350 г героина и 2 кг кокаина.", [(350, "g", E, None), (2, "kg", E, None)]),
    ("ru", "Штрафы от 50 до 100 МРП.", [(50, "MCI", "range", 100)]),
    ("ru", "Данные за 2024 г свидетельствуют о росте.", []),
    # Russian: no statistics
    ("ru", "Согласно ст. 190 УК РК мошенничество наказывается.", []),
    ("ru", "Закон от 7 июля 2020 года № 361-VI.", []),
    ("ru", "Заседание состоялось 12.03.2024 в 15:00.", []),
    ("ru", "Иванов И.И. Криминология. – М., 2019. – С. 45-47.", []),
    ("ru", "Ответственность наступает с 16 лет.", []),
    ("ru", "Как отмечено в работе [3, с. 112], проблема сложна.", []),
    ("ru", "Телефон доверия: +7 (727) 123-45-67.", []),
    ("ru", "1) Понятие киберпреступности.", []),
    ("ru", "Лица в возрасте 65 лет и старше.", []),
    ("ru", "Перерыв 09.00-09.15 для участников.", []),
    ("ru", "Постановление от 29.06.2010 №\u202f17 «О практике».", []),
    # --- English
    ("en", "In 2022, police recorded 3,400 cyber incidents.", [(3400, "count", E, None)]),
    ("en", "The damage exceeded $2.5 million.", [(2.5e6, "USD", "more_than", None)]),
    ("en", "More than 40% of victims were elderly.", [(40, "percent", "more_than", None)]),
    ("en", "About 120 people were arrested.", [(120, "person", "approx", None)]),
    ("en", "Up to 5,000 accounts were blocked.", [(5000, "count", "up_to", None)]),
    ("en", "Seizures rose from 10 to 20 tonnes.", [(10, "tonne", "range", 20)]),
    ("en", "Fraud cases increased 3 times.", [(3, "times", E, None)]),
    ("en", "Less than 15 kg of cocaine was found.", [(15, "kg", "less_than", None)]),
    ("en", "Nearly 2 billion tenge was stolen.", [(2e9, "KZT", "approx", None)]),
    ("en", "Losses reached 1,250,000 euros.", [(1250000, "EUR", E, None)]),
    # English: no statistics
    ("en", "Article 344 of the Criminal Code applies.", []),
    ("en", "The Convention was signed on 23 November 2001.", []),
    ("en", "See Chapter 7, p. 112.", []),
    ("en", "Call 8 800 080 7777 for help.", []),
    ("en", "Persons aged 14 years and older are liable.", []),
    ("en", "Version 2.1.3 of the guidelines, section 4.", []),
]


def _figures(text: str) -> list[tuple[float, str, str, float | None]]:
    return [(s.value, s.unit, s.qualifier, s.value_to) for s in extract_statistics(text)]


def _same(got, want) -> bool:
    if len(got) != len(want):
        return False
    for (gv, gu, gq, gt), (wv, wu, wq, wt) in zip(got, want):
        if not math.isclose(gv, wv, rel_tol=1e-9) or (gu, gq) != (wu, wq):
            return False
        if (gt is None) != (wt is None) or (wt is not None and not math.isclose(gt, wt)):
            return False
    return True


def test_table_is_large_and_covers_three_languages():
    assert len(CASES) >= 60
    assert {lang for lang, _, _ in CASES} == {"kk", "ru", "en"}


@pytest.mark.parametrize("lang,text,want", CASES, ids=[c[1][:40] for c in CASES])
def test_sentence(lang, text, want):
    got = _figures(text)
    assert _same(got, want), f"{text!r}: got {got}, want {want}"


@pytest.mark.parametrize("lang,text,want", [c for c in CASES if c[2]], ids=lambda c: str(c)[:30])
def test_offsets_and_language(lang, text, want):
    for s in extract_statistics(text):
        assert text[s.char_start:s.char_end] == s.surface
        assert s.lang == lang
        assert s.line is None


BASES = [
    ("Олардың үлесі 12%-ды (4 500-ден) құрады.", 4500),
    ("Раскрыто 45% (из 2 000) дел.", 2000),
    ("Үлесі 30%-ды (1 200-ден) құрайды.", 1200),
]


@pytest.mark.parametrize("text,base", BASES)
def test_base_of_a_share(text, base):
    (s,) = extract_statistics(text)
    assert s.base == base


YEARS = [
    ("2024 жылы облыста 1 245 ұрлық тіркелді.", None, 2024),
    ("Былтыр 18 мыңдай алаяқтық тіркелді.", 2025, 2024),
    ("Биыл 700-ден астам алаяқ ұсталды.", 2025, 2025),
    ("В этом году выявлено 920 преступлений.", 2024, 2024),
    ("В прошлом году выявлено 920 преступлений.", 2024, 2023),
    ("This year 530 offenders were convicted.", 2023, 2023),
    ("In 2019 the unit seized 75 kg of heroin.", None, 2019),
    ("Выявлено 920 преступлений.", 2024, None),
    ("За 2018-2021 годы выявлено 920 преступлений.", None, None),
    ("Ущерб составил 5 млн тенге (данные за 2021 год).", None, 2021),
]

# the year of a paragraph that names one single year carries over; several do not;
# a report's year carries on to later paragraphs until another year is given
PARAGRAPH_YEARS = [
    ("2024 жылы 5 іс сотқа жіберілді. Сондай-ақ 3 адам ұсталды.", [2024, 2024]),
    ("В 2020 году возбуждено 5 дел. В 2021 году 6 дел. Всего 11 дел.", [2020, 2021, None]),
    ("2024 жылы 5 іс ашылды.\nТағы 3 адам ұсталды.", [2024, 2024]),
    ("2024 жылы 5 іс ашылды.\nЖыл сайын 3 адам ұсталады.\nТағы 4 іс ашылды.", [2024, None, None]),
]


@pytest.mark.parametrize("text,years", PARAGRAPH_YEARS)
def test_paragraph_year(text, years):
    assert [s.year for s in extract_statistics(text)] == years


@pytest.mark.parametrize("text,ref,year", YEARS)
def test_year(text, ref, year):
    (s,) = extract_statistics(text, ref_year=ref)
    assert s.year == year


SUBJECTS = [
    ("2024 жылы облыста 1 245 ұрлық тіркелді.", "ұрлық"),
    ("Облыста 5 мыңға жуық адам тексерілді.", "адам"),
    ("Ақмолада 4 мыңнан астам жүргізуші жазаланды.", "жүргізуші"),
    ("Кеше 3 есірткі зертханасы жабылды.", "есірткі зертханасы"),
    ("Тексеруге 40 бала мен жасөспірім қатысты.", "бала мен жасөспірім"),
    ("In 2022, police recorded 3,400 cyber incidents.", "cyber incidents"),
    ("Возбуждено 78 уголовных дел.", "уголовных дел"),
    ("Нарушения: превышение скорости – 41%, проезд на красный – 12%.", "превышение скорости"),
    ("Около 40% опрошенных студентов доверяют полиции.", "опрошенных студентов"),
    ("Осуждённые по возрасту: от 25 до 34 лет – 22%.", "от 25 до 34 лет"),
]


@pytest.mark.parametrize("text,subject", SUBJECTS)
def test_subject(text, subject):
    assert extract_statistics(text)[0].subject == subject


def test_flattened_table_cells_get_article_and_year():
    text = (
        "Кесте 2\n2019 2020 2021\n"
        "Алаяқтық (190-бап) 120 340 560 1020\n"
        "Бопсалау\n(194-бап)\n4 6  10\n"
        "Барлығы 124 346 560 1030\n"
    )
    cells = [(s.value, s.year, s.article) for s in extract_statistics(text)]
    assert cells == [
        (120, 2019, "190"), (340, 2020, "190"), (560, 2021, "190"), (1020, None, "190"),
        (4, 2019, "194"), (6, 2020, "194"), (10, None, "194"),
        (124, 2019, None), (346, 2020, None), (560, 2021, None), (1030, None, None),
    ]


def test_row_of_numbers_is_never_one_grouped_number():
    assert [s.value for s in extract_statistics("535 127 142 8210")] == [535, 127, 142, 8210]


def test_rejects_other_types():
    with pytest.raises(TypeError, match="str or a Document"):
        extract_statistics(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("before", ["", "İ ", "İİİİ ", "Құрметті İstanbul қонақтары. "])
def test_bare_multiplier_offsets_survive_longer_lower_case(before: str) -> None:
    """A character whose lower case is longer ("İ") must not shift the bare multiplier's offsets."""
    text = before + "Облыста шамамен мыңға жуық адам тексерілді."
    found = extract_statistics(text)
    assert [(s.value, text[s.char_start:s.char_end]) for s in found] == [(1000.0, "шамамен мыңға жуық")]
