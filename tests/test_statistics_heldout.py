"""Held-out sentences in the style of Kazakh, Russian and English police, court and
news reporting (Kazinform, Tengrinews, Zakon.kz, prosecutors' press releases,
papers). Written by hand for this file, none taken from the corpus; the expected
records were written from reading each sentence before the extractor was run.

Each row: language, sentence, reference year (the document's year, for "биыл" /
"в этом году" / "this year"), and the expected figures as
(value, value_to, unit, qualifier, year, subject); a subject of ``ANY`` is not
checked (money and shares have no counted noun).
"""

from __future__ import annotations

import math

import pytest

from kzlegalnlp import extract_statistics
from kzlegalnlp.records import Document, Paragraph

E = "exact"
ANY = "<any>"
CASES = [
    # --- Kazakh: multipliers and their case forms, qualifiers
    ("kk", "2023 жылы облыста 12 мыңнан астам құқық бұзушылық тіркелді.", None,
     [(12000, None, "count", "more_than", 2023, "құқық бұзушылық")]),
    ("kk", "Биыл полиция 1,5 млн теңгеге жуық пара алған шенеунікті ұстады.", 2025,
     [(1.5e6, None, "KZT", "approx", 2025, ANY)]),
    ("kk", "Алаяқтар зейнеткерлерден 300 мың теңгеден 2 млн теңгеге дейін ақша алдап алған.", None,
     [(3e5, 2e6, "KZT", "range", None, ANY)]),
    ("kk", "Өткен жылы есірткі қылмыстарының саны 12,4%-ға азайды.", 2025,
     [(12.4, None, "percent", E, 2024, ANY)]),
    ("kk", "Тәркіленген есірткінің көлемі 2,5 есеге артты.", None,
     [(2.5, None, "times", E, None, ANY)]),
    ("kk", "Кеден қызметі 2 тоннадан астам контрабандалық темекі тәркіледі.", None,
     [(2, None, "tonne", "more_than", None, "контрабандалық темекі")]),
    ("kk", "Жәбірленушілердің шамамен 40 пайызы зейнеткерлер.", None,
     [(40, None, "percent", "approx", None, ANY)]),
    ("kk", "Тіркелген қылмыстардың 70%-ға жуығы ашылды.", None,
     [(70, None, "percent", "approx", None, ANY)]),
    ("kk", "Тіркелген қылмыстардың 15 мыңнан астамы ашылды.", None,
     [(15000, None, "count", "more_than", None, ANY)]),
    ("kk", "Ұрланған ақшаның 70%-дан астамы иелеріне қайтарылды.", None,
     [(70, None, "percent", "more_than", None, ANY)]),
    ("kk", "Жыл басынан бері 150-ге жуық интернет-алаяқтық дерегі анықталды.", 2025,
     [(150, None, "count", "approx", 2025, "интернет-алаяқтық дерегі")]),
    ("kk", "ҚР ҚК-нің 190-бабы 4-бөлігі бойынша 12 қылмыстық іс тергелуде.", None,
     [(12, None, "count", E, None, "қылмыстық іс")]),
    ("kk", "Жол апаттары 2 есеге жуық азайды.", None,
     [(2, None, "times", "approx", None, ANY)]),
    ("kk", "Айыппұл мөлшері 200 АЕК-ке дейін көзделген.", None,
     [(200, None, "MCI", "up_to", None, ANY)]),
    ("kk", "Келтірілген залал 4 млрд-тан асады.", None,
     [(4e9, None, "count", "more_than", None, ANY)]),
    ("kk", "Тергеу мерзімі 2 айдан 6 айға дейін созылуы мүмкін.", None,
     [(2, 6, "month", "range", None, ANY)]),
    ("kk", "Жәбірленушілерге 800 мың теңгеден астам өтемақы төленді.", None,
     [(8e5, None, "KZT", "more_than", None, ANY)]),
    ("kk", "Интернет-алаяқтар 5 мыңға жуық азаматты алдаған.", None,
     [(5000, None, "person", "approx", None, "азаматты")]),
    ("kk", "Полиция 120-дан астам күдіктіні ұстады.", None,
     [(120, None, "person", "more_than", None, "күдіктіні")]),
    ("kk", "Облыста 60 жастан асқан 3 мыңнан астам зейнеткер алаяқтардың құрбаны болды.", None,
     [(3000, None, "person", "more_than", None, ANY)]),
    ("kk", "2024 жылдың 9 айында облыста 4 мыңға жуық ұрлық тіркелді.", None,
     [(4000, None, "count", "approx", 2024, "ұрлық")]),
    ("kk", "Биыл республикада 46 мыңнан астам киберқылмыс тіркелді.", 2024,
     [(46000, None, "count", "more_than", 2024, "киберқылмыс")]),
    # Kazakh: years as the year of a figure, and spans of years
    ("kk", "2022–2024 жылдары ауданда 350 жол апаты болды.", None,
     [(350, None, "count", E, None, "жол апаты")]),
    ("kk", "2019 жылдан 2023 жылға дейін 1 200-ден астам қылмыс тіркелді.", None,
     [(1200, None, "count", "more_than", None, "қылмыс")]),
    ("kk", "Жыл сайын жолдарда 2 мыңға жуық адам қаза табады.", 2025,
     [(2000, None, "person", "approx", None, "адам")]),
    ("kk", "Жасөспірімдер арасындағы қылмыс 8 пайызға төмендеді.", None,
     [(8, None, "percent", E, None, ANY)]),
    ("kk", "Айыппұл 30-дан 50 АЕК-ке дейін.", None, [(30, 50, "MCI", "range", None, ANY)]),
    ("kk", "Мұндай фактілер 2021–2023 жылдар аралығында 3 есе көбейген.", None,
     [(3, None, "times", E, None, ANY)]),
    ("kk", "2023 жылмен салыстырғанда қылмыс 5%-ға азайды.", None,
     [(5, None, "percent", E, None, ANY)]),
    ("kk", "Алматыда 24/7 режимінде жұмыс істейтін 15 пункт ашылды.", None,
     [(15, None, "count", E, None, "пункт")]),
    ("kk", "Тергеу барысында 45 іс сотқа жолданды.", None, [(45, None, "count", E, None, "іс")]),
    ("kk", "Облыста 120 жүргізуші мас күйде ұсталды.", None,
     [(120, None, "person", E, None, "жүргізуші")]),
    ("kk", "Былтыр 12 ұйымдасқан топ жойылды.", 2025,
     [(12, None, "count", E, 2024, "ұйымдасқан топ")]),
    ("kk", "Бұл өткен жылдың сәйкес кезеңімен салыстырғанда 12%-ға көп.", 2025,
     [(12, None, "percent", E, None, ANY)]),
    ("kk", "2019 жылдан бері 500 дерек анықталды.", 2025, [(500, None, "count", E, None, "дерек")]),
    ("kk", "Алаяқтар көбіне 25 пен 45 жас аралығындағы азаматтарды алдайды.", None, []),
    ("kk", "6 016 қылмыс ашылды, оның ішінде 4 357-і – ауыр санаттағы қылмыстар.", None,
     [(6016, None, "count", E, None, "қылмыс"),
      (4357, None, "count", E, None, "ауыр санаттағы қылмыстар")]),
    ("kk", "Прокуратура 350-ге жуық дроппер анықтады, олардың 40-ы қамауға алынды.", None,
     [(350, None, "count", "approx", None, "дроппер"), (40, None, "count", E, None, None)]),
    ("kk", "Тергеушілер 50-ге тарта куәгерден жауап алды.", None,
     [(50, None, "person", "approx", None, "куәгерден")]),
    ("kk", "Залал 2 млрд 300 млн теңгені құрады.", None, [(2.3e9, None, "KZT", E, None, ANY)]),
    # Kazakh: no statistics
    ("kk", "Кезекші бөлімге 102 нөмірі бойынша хабарласыңыз.", None, []),
    ("kk", "Күдікті (ЖСН 900101300123) ұсталды.", None, []),
    ("kk", "Қабылдау Астана қаласы, Мәңгілік Ел даңғылы, 8-үйде жүргізіледі.", None, []),
    ("kk", "Іс № 7199-24-00-1/345 сотқа жіберілді.", None, []),
    ("kk", "Облыста 1-тоқсанда 250 ұрлық тіркелді.", None,
     [(250, None, "count", E, None, "ұрлық")]),
    ("kk", "Сот оған 5 жылға бас бостандығынан айыру жазасын тағайындады.", None, []),
    ("kk", "Сенім телефоны: 8-701-123-45-67.", None, []),
    ("kk", "Анықтама үшін +7 (7172) 71-22-33 нөміріне хабарласыңыз.", None, []),
    ("kk", "Қазақстан Республикасының 2024 жылғы 19 маусымдағы № 94-VIII Заңы күшіне енді.",
     None, []),
    ("kk", "Сот отырысы 2024 жылғы 12 қарашада сағат 11:00-де өтеді.", None, []),
    ("kk", "Үкіметтің 2022 жылғы 28 қаңтардағы № 45 қаулысы бекітілді.", None, []),
    # --- Russian
    ("ru", "За 9 месяцев 2024 года зарегистрировано свыше 12 тыс. интернет-мошенничеств.", None,
     [(12000, None, "count", "more_than", 2024, "интернет-мошенничеств")]),
    ("ru", "Ущерб превысил 1,2 млрд тенге.", None, [(1.2e9, None, "KZT", "more_than", None, ANY)]),
    ("ru", "Около 300 тыс. руб. было похищено у пенсионеров.", None,
     [(3e5, None, "RUB", "approx", None, ANY)]),
    ("ru", "Количество краж снизилось на 15,3%.", None, [(15.3, None, "percent", E, None, ANY)]),
    ("ru", "Число киберпреступлений выросло более чем в 2 раза.", None,
     [(2, None, "times", "more_than", None, ANY)]),
    ("ru", "Не менее 40 человек пострадали от действий мошенников.", None,
     [(40, None, "person", "more_than", None, "человек")]),
    ("ru", "Статья 190 УК РК предусматривает штраф до 5 000 МРП.", None,
     [(5000, None, "MCI", "up_to", None, ANY)]),
    ("ru", "Потерпевшими признаны 120 граждан, в том числе 35 пенсионеров.", None,
     [(120, None, "person", E, None, "граждан"), (35, None, "person", E, None, "пенсионеров")]),
    ("ru", "В 2023 году задержаны 45 подозреваемых в сбыте наркотиков.", None,
     [(45, None, "person", E, 2023, "подозреваемых")]),
    ("ru", "В этом году выявлено порядка 2,5 тыс. фактов мошенничества.", 2024,
     [(2500, None, "count", "approx", 2024, "фактов мошенничества")]),
    ("ru", "Штраф для юридических лиц составляет от 1 до 3 млн тенге.", None,
     [(1e6, 3e6, "KZT", "range", None, ANY)]),
    ("ru", "С 2020 по 2023 год прокуроры вернули более 7 млрд тенге.", None,
     [(7e9, None, "KZT", "more_than", None, ANY)]),
    ("ru", "Возбуждено 1 245 уголовных дел, что на 12% больше, чем в 2022 году.", None,
     [(1245, None, "count", E, None, "уголовных дел"), (12, None, "percent", E, None, ANY)]),
    ("ru", "Мошенники похитили у жителей области свыше 500 млн тенге в 2023 году.", None,
     [(5e8, None, "KZT", "more_than", 2023, ANY)]),
    ("ru", "Сумма штрафа — 100 МРП (около 369 тыс. тенге).", None,
     [(100, None, "MCI", E, None, ANY), (369000, None, "KZT", "approx", None, ANY)]),
    ("ru", "По итогам проверки 23 должностных лица привлечены к ответственности.", None,
     [(23, None, "person", E, None, "должностных лица")]),
    ("ru", "Оштрафованы 15 юридических лиц и 40 физических лиц.", None,
     [(15, None, "count", E, None, "юридических лиц"),
      (40, None, "person", E, None, "физических лиц")]),
    ("ru", "Преступления против несовершеннолетних – 120.", None,
     [(120, None, "count", E, None, "Преступления против несовершеннолетних")]),
    ("ru", "Порядка 60% обращений поступает через портал eGov.", None,
     [(60, None, "percent", "approx", None, "обращений")]),
    ("ru", "Ущерб — 1 млн 200 тыс. тенге.", None, [(1.2e6, None, "KZT", E, None, ANY)]),
    ("ru", "Большинству задержанных было 16 лет, и 35 из них ранее судимы.", None,
     [(35, None, "count", E, None, None)]),
    # Russian: no statistics
    ("ru", "Такие преступления совершаются лицами и в 16 лет, и в 35.", None, []),
    ("ru", "Звоните по номеру 112.", None, []),
    ("ru", "УДК 343.9", None, []),
    ("ru", "Программа рассчитана на период до 2030г. и на 2024-2026гг.", None, []),
    ("ru", "Реализация Плана нации «100 шагов» продолжается.", None, []),
    ("ru", "Вестник КазНУ. – 2020. – №3 (95). – С. 45–52.", None, []),
    ("ru", "Т. 2. – М.: Юрайт, 2019. – 345 с. ISBN 978-601-04-1234-5.", None, []),
    ("ru", "Стандарт ISO 27001 внедрен, версия 2.0 системы запущена.", None, []),
    ("ru", "Прием ведется в каб. 305 по средам.", None, []),
    ("ru", "В рейтинге страна заняла 93-е место.", None, []),
    ("ru", "Уголовное дело 241500031000123 направлено в суд.", None, []),
    ("ru", "Телефон доверия прокуратуры: 8 (7172) 71-28-00.", None, []),
    ("ru", "Закон Республики Казахстан от 16 ноября 2015 года № 401-V «О доступе к информации».",
     None, []),
    ("ru", "Указом Президента от 29.12.2023 № 436 утверждена Концепция.", None, []),
    ("ru", "Суд назначил наказание в виде лишения свободы сроком на 7 лет.", None, []),
    ("ru", "Заседание начнется в 10:00 15 марта.", None, []),
    ("ru", "Прием граждан ведется с 9.00 до 18.00.", None, []),
    # --- English
    ("en", "Over 2,300 victims were identified by investigators.", None,
     [(2300, None, "person", "more_than", None, "victims")]),
    ("en", "The scheme cost investors $4.5 million.", None, [(4.5e6, None, "USD", E, None, ANY)]),
    ("en", "Nearly 1.2 billion tenge was returned to victims in 2023.", None,
     [(1.2e9, None, "KZT", "approx", 2023, ANY)]),
    ("en", "About 30 percent of the suspects were under 25 years old.", None,
     [(30, None, "percent", "approx", None, ANY)]),
    ("en", "Police detained up to 40 people during the raids.", None,
     [(40, None, "person", "up_to", None, "people")]),
    ("en", "The number of cyber attacks rose by 45% in 2022.", None,
     [(45, None, "percent", E, 2022, ANY)]),
    ("en", "Between 2018 and 2021, the courts convicted 1,450 offenders.", None,
     [(1450, None, "person", E, None, "offenders")]),
    ("en", "Some 150 migrants were detained at the border this year.", 2023,
     [(150, None, "person", "approx", 2023, "migrants")]),
    ("en", "Officers seized 2.5 tonnes of hashish and 300 kg of heroin.", None,
     [(2.5, None, "tonne", E, None, ANY), (300, None, "kg", E, None, ANY)]),
    ("en", "Damage is estimated at 4.5 million dollars.", None,
     [(4.5e6, None, "USD", E, None, ANY)]),
    ("en", "Compared with 2022, thefts fell by 18%.", None, [(18, None, "percent", E, None, ANY)]),
    ("en", "At least 12 people died.", None, [(12, None, "person", "more_than", None, "people")]),
    ("en", "Penalties range from 50 to 200 MCI.", None, [(50, 200, "MCI", "range", None, ANY)]),
    ("en", "Since 2021, such cases have tripled, reaching 312 last year.", 2025,
     [(312, None, "count", E, 2024, ANY)]),
    ("en", "Around two-thirds of the 85 organizers were aged 18 to 25.", None,
     [(85, None, "count", E, None, "organizers")]),
    ("en", "Some 3,000 officers took part in the operation.", None,
     [(3000, None, "person", "approx", None, "officers")]),
    ("en", "Police seized 1.5 tonnes of drugs worth an estimated $12m.", None,
     [(1.5, None, "tonne", E, None, "drugs"), (12e6, None, "USD", E, None, ANY)]),
    ("en", "The unit arrested 45 police officers.", None,
     [(45, None, "person", E, None, "police officers")]),
    ("en", "Around 60% of victims are women.", None,
     [(60, None, "percent", "approx", None, "victims")]),
    # English: no statistics
    ("en", "In an emergency, call 112.", None, []),
    ("en", "Citizens can report fraud by calling 102.", None, []),
    ("en", "Journal of Law, Vol. 12, No. 3, pp. 45-67. DOI: 10.1234/jl.2020.56", None, []),
    ("en", "For help, call the hotline at +7 (727) 255-40-12.", None, []),
    ("en", "Victims can call 8-800-080-77-77 free of charge.", None, []),
    ("en", "Under Article 190 of the Criminal Code, fraud is punishable by up to 10 years.", None,
     []),
    ("en", "Law No. 234-VI of 2019 amended the Code.", None, []),
    ("en", "The hearing began at 10:30 on 12 March 2024.", None, []),
    ("en", "Children under 14 years of age are not criminally liable.", None, []),
    # --- percentage points, Latin "mln."/"bln", verbs of exceeding, abbreviations mid-sentence
    ("ru", "Раскрываемость выросла на 3,2 п.п. в 2024 году.", None,
     [(3.2, None, "percentage_point", E, 2024, ANY)]),
    ("kk", "Ашылу деңгейі 4 пайыздық тармаққа төмендеді.", None,
     [(4, None, "percentage_point", E, None, ANY)]),
    ("en", "The clearance rate rose by 2.5 percentage points in 2023.", None,
     [(2.5, None, "percentage_point", E, 2023, ANY)]),
    ("en", "Damage from online fraud exceeded 5 mln. tenge in 2022.", None,
     [(5e6, None, "KZT", "more_than", 2022, ANY)]),
    ("en", "Seized assets are worth 3 bln tenge.", None, [(3e9, None, "KZT", E, None, ANY)]),
    ("ru", "Ущерб превысил 2 млрд тенге.", None, [(2e9, None, "KZT", "more_than", None, ANY)]),
    ("ru", "За период с 2019 и первое полугодие 2023 г. выявлено 1 200 фактов мошенничества.", None,
     [(1200, None, "count", E, None, ANY)]),
    # --- Kazakh case forms of gram units keep one «м» ("килограмнан", "грамға")
    ("kk", "Тінту кезінде 2,5 килограмнан астам мефедрон тәркіленді.", None,
     [(2.5, None, "kg", "more_than", None, ANY)]),
    ("kk", "Оның үйінен 300 грамға жуық героин табылды.", None, [(300, None, "g", "approx", None, ANY)]),
    # --- a negated verb of exceeding is an upper bound
    ("ru", "Раскрываемость таких преступлений не превышает 25 процентов.", None,
     [(25, None, "percent", "up_to", None, ANY)]),
    ("en", "The clearance rate does not exceed 25%.", None, [(25, None, "percent", "up_to", None, ANY)]),
]


def _close(a: float | None, b: float | None) -> bool:
    return (a is None) == (b is None) and (a is None or math.isclose(a, b, rel_tol=1e-9))


def _matches(stat, want) -> bool:
    value, value_to, unit, qualifier, year, subject = want
    return (_close(stat.value, value) and _close(stat.value_to, value_to)
            and (stat.unit, stat.qualifier, stat.year) == (unit, qualifier, year)
            and (subject == ANY or stat.subject == subject))


def test_table_is_large_and_covers_three_languages():
    assert len(CASES) >= 40
    assert {c[0] for c in CASES} == {"kk", "ru", "en"}


@pytest.mark.parametrize("lang,text,ref,want", CASES, ids=[c[1][:40] for c in CASES])
def test_heldout_sentence(lang, text, ref, want):
    got = extract_statistics(text, ref_year=ref)
    shown = [(s.surface, s.value, s.value_to, s.unit, s.qualifier, s.year, s.subject) for s in got]
    assert len(got) == len(want), f"{text!r}: got {shown}"
    for stat, w in zip(got, want):
        assert _matches(stat, w), f"{text!r}: got {shown}, want {want}"
        assert text[stat.char_start:stat.char_end] == stat.surface
        assert stat.lang == lang


SURFACES = [
    ("The scheme cost investors $4.5 million.", "$4.5 million"),
    ("Ущерб составил 45,5 млн тенге.", "45,5 млн тенге"),
    ("Залал 60 млн теңгеге дейін жетеді.", "60 млн теңгеге дейін"),
    ("Over 2,300 victims were identified.", "Over 2,300"),
    ("Frozen assets reached €1.2bn.", "€1.2bn"),
    ("Сумма составила 2 млрд 300 млн тенге.", "2 млрд 300 млн тенге"),
    ("Losses reached 7 mln. The case was closed.", "7 mln"),
]


@pytest.mark.parametrize("text,surface", SURFACES)
def test_surface_stops_before_the_sentence_end(text, surface):
    assert [s.surface for s in extract_statistics(text)] == [surface]


def test_this_year_resolves_to_the_document_date():
    text = "Биыл облыста 700-ден астам алаяқ ұсталды. В этом году выявлено 95 преступлений."
    p = Paragraph(text, 0, len(text), 1, 1, "kk", 0)
    doc = Document("d:news:L1", "d.txt", "news", "kk", None, (), None, "2023-11-02", 1, 1, 0,
                   len(text), (p,))
    assert [(s.value, s.year) for s in extract_statistics(doc)] == [(700, 2023), (95, 2023)]


# A news report's year carries on to its later paragraphs; a plan's span, a
# deadline and a forecast do not; a habit gives no year.
REPORTS = [
    ("2024 жылы 47 есірткі зертханасы жойылды.\nЕске салайық, 2023 жылы 52 зертхана жойылған еді."
     "\nСонымен қатар 312 адам жауапкершілікке тартылды.", 2024, [2024, 2023, 2024]),
    ("Биылғы 10 айда 1 247 қылмыс тіркелді. Былтырғы осы кезеңмен салыстырғанда бұл "
     "көрсеткіш 1,8 есеге артқан.\nСонымен қатар 47 есірткі зертханасы жойылды.", 2024,
     [2024, 2024, 2024]),
    ("По итогам 9 месяцев текущего года раскрыто 3 412 преступлений, что на 7% больше "
     "аналогичного периода прошлого года.\nИзъято 86 единиц оружия.\nВ прошлом году за "
     "аналогичный период было раскрыто 3 189 преступлений.", 2024, [2024, 2024, 2024, 2023]),
    ("2024 жылы облыста 5 мыңнан астам қылмыс тіркелді.\nОлардың 60%-ы ашылды.\n"
     "Бағдарлама 2025–2027 жылдарға арналған.\nСондай-ақ 300 адам ұсталды.", 2025,
     [2024, 2024, 2024]),
    ("Ущерб составил 5 млрд тенге. К 2030 году потери составят 10 трлн тенге.\n"
     "Около 40% компаний не сообщают о кибератаках.", 2024, [None, 2030, None]),
    ("In 2023 police recorded 3,400 frauds.\nEvery year about 500 people lose savings.\n"
     "Some 120 suspects were detained.", 2024, [2023, None, None]),
]


@pytest.mark.parametrize("text,ref,years", REPORTS)
def test_report_year(text, ref, years):
    assert [s.year for s in extract_statistics(text, ref_year=ref)] == years
