"""Hand-written sentences (not from the corpus) with the records they must give.

Each expected record is ``(code, article, part, paragraph, range_to)``; a
sentence with an empty list must give no record. The rules were not tuned on
these sentences: they were written from the forms listed in issue 3.
"""

from __future__ import annotations

import pytest

from kzlegalnlp.extract.articles import extract_articles

R = tuple  # (code, article, part, paragraph, range_to)

RUSSIAN: list[tuple[str, list[R]]] = [
    ("Деяние квалифицировано по ст. 190 УК РК.", [("KZ-UK", "190", None, None, None)]),
    ("Статья 190 УК РК предусматривает ответственность за мошенничество.",
     [("KZ-UK", "190", None, None, None)]),
    ("Суд сослался на статьи 188 УК РК.", [("KZ-UK", "188", None, None, None)]),
    ("Ответственность установлена статьей 366 УК РК.", [("KZ-UK", "366", None, None, None)]),
    ("В статье 24 УПК РК закреплена презумпция невиновности.", [("KZ-UPK", "24", None, None, None)]),
    ("По статьям 28 и 190 УК РФ возбуждено дело.",
     [("RU-UK", "28", None, None, None), ("RU-UK", "190", None, None, None)]),
    ("Коррупционными считаются ст.ст. 159, 160, 204, 292 и 304 УК РФ.",
     [("RU-UK", a, None, None, None) for a in ("159", "160", "204", "292", "304")]),
    ("Обвинение предъявлено по ч. 2 ст. 366 УК РК.", [("KZ-UK", "366", "2", None, None)]),
    ("Действия переквалифицированы на ч.ч. 2, 3 ст. 190 УК РК.",
     [("KZ-UK", "190", "2", None, None), ("KZ-UK", "190", "3", None, None)]),
    ("Приговор вынесен по п. «в» ч. 2 ст. 229.1 УК РФ.", [("RU-UK", "229.1", "2", "в", None)]),
    ("Права потерпевшего перечислены в пункте 12 части 2 статьи 42 УПК РФ.",
     [("RU-UPK", "42", "2", "12", None)]),
    ("Глава 30 содержит ст. 290-291.2 УК РФ.", [("RU-UK", "290", None, None, "291.2")]),
    ("Составы описаны статьями 205–213 УК РК.", [("KZ-UK", "205", None, None, "213")]),
    ("Он осуждён по ст. 190 ч. 4 п. 2 УК РК.", [("KZ-UK", "190", "4", "2", None)]),
    ("Статья 188-1 УК РК введена позже.", [("KZ-UK", "188-1", None, None, None)]),
    ("Согласно ст. 42 УПК РФ потерпевший вправе знакомиться с делом.",
     [("RU-UPK", "42", None, None, None)]),
    ("В ст. 17 Конституции Республики Казахстан закреплено достоинство человека.",
     [("KZ-Const", "17", None, None, None)]),
    ("Часть 2 ст. 19 Конституции РФ гарантирует равенство.", [("RU-Const", "19", "2", None, None)]),
    ("Иск основан на ст. 953 ГК РК.", [("KZ-GK", "953", None, None, None)]),
    ("Нормы ст. 168 и ст. 169 ГК РФ применимы к сделке.",
     [("RU-GK", "168", None, None, None), ("RU-GK", "169", None, None, None)]),
    ("Штраф наложен по ст. 434 КоАП РК.", [("KZ-KoAP", "434", None, None, None)]),
    ("Протокол составлен по статье 12.8 КоАП РФ.", [("RU-KoAP", "12.8", None, None, None)]),
    ("Понятие раскрыто в ст. 3 Закона РК «О противодействии коррупции».",
     [(None, "3", None, None, None)]),
    ("Как указано в ст. 15 Федерального закона «О полиции», полиция вправе требовать.",
     [(None, "15", None, None, None)]),
    ("Часть 1 ст. 5 Уголовного кодекса Республики Казахстан определяет действие закона.",
     [("KZ-UK", "5", "1", None, None)]),
    ("Статьей 159.6 Уголовного кодекса Российской Федерации наказывается компьютерное мошенничество.",
     [("RU-UK", "159.6", None, None, None)]),
    ("Подсудимый отказался от показаний на основании ст. 51 Конституции РФ.",
     [("RU-Const", "51", None, None, None)]),
    ("В силу ст. 70 ГПК РК доказательства представляются сторонами.",
     [("KZ-GPK", "70", None, None, None)]),
    ("Деяния по ст. ст. 190 и 191 УК РК схожи.",
     [("KZ-UK", "190", None, None, None), ("KZ-UK", "191", None, None, None)]),
    ("Квалифицирующие признаки даны в ч. 1, 2 ст. 190 УК РК.",
     [("KZ-UK", "190", "1", None, None), ("KZ-UK", "190", "2", None, None)]),
    ("Новые статьи, такие как 159.3 и 159.6 УК РФ, касаются платежей.",
     [("RU-UK", "159.3", None, None, None), ("RU-UK", "159.6", None, None, None)]),
    ("Сроки указаны в статье 5 Закона РК «О полиции» и в ст. 6 этого Закона.",
     [(None, "5", None, None, None), (None, "6", None, None, None)]),
]

CONTEXT: list[tuple[str, list[R]]] = [
    # a bare "УК" takes the country of the nearest code named before it
    ("Уголовный кодекс РФ содержит главу 30. Согласно ст. 290 УК взятка наказуема.",
     [("RU-UK", "290", None, None, None)]),
    # no code at all: the nearest code named before it
    ("Статья 190 УК РК описывает мошенничество, а ст. 191 - присвоение.",
     [("KZ-UK", "190", None, None, None), ("KZ-UK", "191", None, None, None)]),
    # "настоящего Кодекса" = the same code
    ("Статья 10 УПК РК отсылает к ст. 11 настоящего Кодекса.",
     [("KZ-UPK", "10", None, None, None), ("KZ-UPK", "11", None, None, None)]),
    # a text about Kazakhstan: a bare "Уголовного кодекса" is the Kazakh one
    ("В Республике Казахстан дропперов наказывают по статье 190 Уголовного кодекса.",
     [("KZ-UK", "190", None, None, None)]),
    # nothing to resolve from
    ("Статья 7 вступает в силу с момента опубликования.", [(None, "7", None, None, None)]),
]

KAZAKH: list[tuple[str, list[R]]] = [
    ("Іс ҚР ҚК 205-бабы бойынша қозғалды.", [("KZ-UK", "205", None, None, None)]),
    ("Сот ҚК-нің 190-бабының 4-бөлігі бойынша үкім шығарды.", [("KZ-UK", "190", "4", None, None)]),
    ("Қылмыстық кодекстің 128-бабы адам саудасы үшін жаза белгілейді.",
     [("KZ-UK", "128", None, None, None)]),
    ("Бұл әрекет ҚР ҚК 190-бабының 2-бөлігінің 3) тармағында көзделген.",
     [("KZ-UK", "190", "2", "3", None)]),
    ("Жауаптылық ҚР ҚК 106-бабының бірінші және екінші бөліктерінде белгіленген.",
     [("KZ-UK", "106", "1", None, None), ("KZ-UK", "106", "2", None, None)]),
    ("2022 жылы ҚР ҚК 207, 210, 211 және 213 бойынша істер тіркелді.",
     [("KZ-UK", a, None, None, None) for a in ("207", "210", "211", "213")]),
    ("Айыпталушы ҚР ҚК 190-ыншы бабы бойынша жауапқа тартылды.", [("KZ-UK", "190", None, None, None)]),
    ("Іс ҚР ҚК 190-бабының 4-інші бөлігі бойынша қаралды.", [("KZ-UK", "190", "4", None, None)]),
    ("ҚР ҚПК 68-бабына сәйкес медиация жүргізіледі.", [("KZ-UPK", "68", None, None, None)]),
    ("Қазақстан Республикасы Қылмыстық кодексінің 366-бабы пара алуды жазалайды.",
     [("KZ-UK", "366", None, None, None)]),
    ("ҚР ҚК 296 және 297-баптары есірткі айналымына қатысты.",
     [("KZ-UK", "296", None, None, None), ("KZ-UK", "297", None, None, None)]),
    ("ҚР ҚК 297-1-бабы кейін енгізілді.", [("KZ-UK", "297-1", None, None, None)]),
    ("Ереже ҚР Конституциясының 13-бабында бекітілген.", [("KZ-Const", "13", None, None, None)]),
    ("ҚР ҚПК 7-бабының 3-тармағына сәйкес алқаби анықталады.", [("KZ-UPK", "7", None, "3", None)]),
    ("ҚР ӘҚБтК 73-бабы тұрмыстық зорлық-зомбылыққа қатысты.", [("KZ-KoAP", "73", None, None, None)]),
    ("«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Заңның 12-бабы мүдделер қақтығысын реттейді.",
     [(None, "12", None, None, None)]),
    ("ҚР ҚК 262-бабы туралы айтылды, ал осы Кодекстің 263-бабы қоғамдастыққа арналған.",
     [("KZ-UK", "262", None, None, None), ("KZ-UK", "263", None, None, None)]),
    ("Интернет-алаяқтық (190-бап) ең көп тіркелген.", [(None, "190", None, None, None)]),
    ("Кестеде 2020 жылғы 209 және 212-баптар бойынша деректер бар, ҚР ҚК бойынша.",
     [(None, "209", None, None, None), (None, "212", None, None, None)]),
    ("ҚР ҚК 28-бабының 3-бөлігі ұйымдастырушыны анықтайды.", [("KZ-UK", "28", "3", None, None)]),
    ("206, 208, 210 ҚР ҚК бойынша ашылу пайызы жоғары болды.",
     [("KZ-UK", a, None, None, None) for a in ("206", "208", "210")]),
    ("Ресей Федерациясының Қылмыстық кодексінің 159-бабы алаяқтықты жазалайды.",
     [("RU-UK", "159", None, None, None)]),
    ("Бұл құқық Конституцияның 13-бабында көзделген.", [("KZ-Const", "13", None, None, None)]),
    ("Ол ҚР ҚК-нің 366-бабы бойынша сотталды.", [("KZ-UK", "366", None, None, None)]),
]

ENGLISH: list[tuple[str, list[R]]] = [
    ("Article 190 of the Criminal Code of the Republic of Kazakhstan punishes fraud.",
     [("KZ-UK", "190", None, None, None)]),
    ("See Art. 190 of the Criminal Code of Kazakhstan.", [("KZ-UK", "190", None, None, None)]),
    ("Articles 205-213 of the Criminal Code of the Republic of Kazakhstan cover computer crime.",
     [("KZ-UK", "205", None, None, "213")]),
    ("Article 159.6 of the Criminal Code of the Russian Federation covers computer fraud.",
     [("RU-UK", "159.6", None, None, None)]),
    ("Part 2 of Article 366 of the Criminal Code of the Republic of Kazakhstan applies.",
     [("KZ-UK", "366", "2", None, None)]),
    ("Article 344 and Article 345 of the Criminal Code of the Republic of Kazakhstan were compared.",
     [("KZ-UK", "344", None, None, None), ("KZ-UK", "345", None, None, None)]),
    ("Article 17 of the Constitution of the Republic of Kazakhstan protects dignity.",
     [("KZ-Const", "17", None, None, None)]),
    ("Article 190(2)(b) of the Criminal Code of Kazakhstan was cited.",
     [("KZ-UK", "190", "2", "b", None)]),
    ("Articles such as 366 and 367 of the Criminal Code of the Republic of Kazakhstan apply.",
     [("KZ-UK", "366", None, None, None), ("KZ-UK", "367", None, None, None)]),
    ("Arts. 205 and 206 of the Criminal Code of the Republic of Kazakhstan overlap.",
     [("KZ-UK", "205", None, None, None), ("KZ-UK", "206", None, None, None)]),
]

NOT_REFERENCES: list[str] = [
    "В 2014 году был принят новый УК РК.",
    "Встреча состоится 12.05.2023 в 10.30 в зале № 324.",
    "Постановление № 324 от 3 июля 2016 года.",
    "Иванов И.И. Уголовное право. – Алматы, 2020. – С. 128.",
    "См.: Петров П.П. Криминология. – М., 2019. – с. 302.",
    "1. Введение. 2. Основная часть. 3. Заключение.",
    "Рост составил 25% по сравнению с 2021 годом.",
    "Телефон доверия: +7 (727) 254-40-40, 8-800-080-7777.",
    "ҚР ҚК 7-тарауында көзделген қылмыстар 2021 жылы 15%-ға өсті.",
    "2018 жылы ҚР ҚК 2019 ж. өзгертілді.",
    "Сессия 10.00-10.10 БАПАНОВ Бақытжан баяндамасымен ашылды.",
    "The meeting took place on 5 March 2023 at 14:00, room 12.",
    "Жиналысқа 125 адам қатысты, 3) тармақ бойынша шешім қабылданды.",
]


def _key(r) -> R:
    return (r.code, r.article, r.part, r.paragraph, r.range_to)


@pytest.mark.parametrize("text,expected", RUSSIAN + CONTEXT + KAZAKH + ENGLISH)
def test_sentence(text: str, expected: list[R]) -> None:
    assert [_key(r) for r in extract_articles(text)] == expected


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_not_a_reference(text: str) -> None:
    assert extract_articles(text) == []


def test_enough_sentences() -> None:
    assert len(RUSSIAN + CONTEXT + KAZAKH + ENGLISH + NOT_REFERENCES) >= 60


@pytest.mark.parametrize("text,expected", RUSSIAN + CONTEXT + KAZAKH + ENGLISH)
def test_surface_is_the_text(text: str, expected: list[R]) -> None:
    for r in extract_articles(text):
        assert text[r.char_start:r.char_end] == r.surface
        assert r.lang in ("ru", "kk", "en")
