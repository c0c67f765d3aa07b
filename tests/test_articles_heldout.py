"""Held-out sentences: written by hand in the style of real texts, after the rules were made.

Court verdicts, prosecutors' press releases, news items (Kazinform, Zakon.kz
style), academic papers and Adilet commentary, in Russian, Kazakh and English.
None is taken from the corpus; the expectations were written from reading the
sentence, before running the extractor on it.

Each expected record is ``(code, article, part, paragraph, subparagraph,
range_to)``; a sentence with an empty list must give no record.
"""

from __future__ import annotations

import pytest

from kzlegalnlp.extract.articles import extract_articles

R = tuple  # (code, article, part, paragraph, subparagraph, range_to)


def rec(code: str | None, article: str, part: str | None = None, para: str | None = None,
        sub: str | None = None, to: str | None = None) -> R:
    """One expected record."""
    return (code, article, part, para, sub, to)


RUSSIAN: list[tuple[str, list[R]]] = [
    # court verdicts
    ("Приговором районного суда Н. признан виновным по ч. 3 ст. 28, п. 2 ч. 4 ст. 190 УК РК "
     "и осужден к 5 годам лишения свободы.",
     [rec("KZ-UK", "28", "3"), rec("KZ-UK", "190", "4", "2")]),
    ("Суд квалифицировал действия подсудимого по ст. 24, 190 ч. 2 УК РК как покушение на мошенничество.",
     [rec("KZ-UK", "24"), rec("KZ-UK", "190", "2")]),
    ("Ранее такие деяния охватывались ст.ст. 361-1, 361-2 УК РК.",
     [rec("KZ-UK", "361-1"), rec("KZ-UK", "361-2")]),
    ("Лица, нарушившие правила, привлекаются по ч. 1 ст. 345 и ч. 2 ст. 346 УК РК.",
     [rec("KZ-UK", "345", "1"), rec("KZ-UK", "346", "2")]),
    ("Дело возбуждено по признакам преступления, предусмотренного п. 1) ч. 4 ст. 190 УК РК "
     "(мошенничество в крупном размере).",
     [rec("KZ-UK", "190", "4", "1")]),
    ("Водитель привлечен к ответственности по пп. 2) п. 1 ст. 152 КоАП РК.",
     [rec("KZ-KoAP", "152", None, "1", "2")]),
    ("Ответственность за это нарушение предусмотрена статьей 434 Кодекса Республики Казахстан "
     "об административных правонарушениях.",
     [rec("KZ-KoAP", "434")]),
    ("Согласно пункту 1 статьи 9 Гражданского кодекса Республики Казахстан защита прав "
     "осуществляется судом.",
     [rec("KZ-GK", "9", None, "1")]),
    ("Прокуратура направила в суд дело по части 2 статьи 366 Уголовного кодекса РК "
     "в отношении акима сельского округа.",
     [rec("KZ-UK", "366", "2")]),
    ("Приговор постановлен по пункту «б» части 3 статьи 228.1 УК РФ.",
     [rec("RU-UK", "228.1", "3", "б")]),
    ("Статья 128 УК РК (торговля людьми) и статья 135 УК РК (торговля несовершеннолетними) "
     "предусматривают лишение свободы.",
     [rec("KZ-UK", "128"), rec("KZ-UK", "135")]),
    ("Согласно ст. 68 УПК РК стороны вправе примириться; последствия указаны в ст. 69.",
     [rec("KZ-UPK", "68"), rec("KZ-UPK", "69")]),
    # prosecutors' press releases and news
    ("В 2023 году по ст. 190 УК РК зарегистрировано 21 450 преступлений, что на 12% больше, "
     "чем годом ранее.",
     [rec("KZ-UK", "190")]),
    ("Задержанному предъявлено обвинение по статьям 297, 299 УК РК, "
     "сообщает пресс-служба департамента полиции.",
     [rec("KZ-UK", "297"), rec("KZ-UK", "299")]),
    ("Действия квалифицированы по ч. 2 ст. 159 УК РФ, а также по ст. 174.1 УК РФ.",
     [rec("RU-UK", "159", "2"), rec("RU-UK", "174.1")]),
    ("Составы терроризма описаны статьями 255–263 УК РК.", [rec("KZ-UK", "255", to="263")]),
    ("Взяточничество охватывают ст. 290-291.2 УК РФ.", [rec("RU-UK", "290", to="291.2")]),
    ("Осужденный обжаловал приговор по ст. 190 ч. 4 п. 2 УК РК.", [rec("KZ-UK", "190", "4", "2")]),
    ("Защита указала на нарушение пункта 3 части 1 статьи 71 УПК РК.",
     [rec("KZ-UPK", "71", "1", "3")]),
    ("Обвинение переквалифицировано на ч.ч. 1, 2 ст. 366 УК РК.",
     [rec("KZ-UK", "366", "1"), rec("KZ-UK", "366", "2")]),
    ("Следователь усмотрел в действиях признаки статей 190 и 217 УК РК.",
     [rec("KZ-UK", "190"), rec("KZ-UK", "217")]),
    ("Деяние, предусмотренное статьёй 366 УК РК, относится к тяжким.", [rec("KZ-UK", "366")]),
    ("Суды чаще всего применяли ст.ст. 188, 190, 191 и 194 УК РК.",
     [rec("KZ-UK", a) for a in ("188", "190", "191", "194")]),
    # a code's name hyphenated over two lines; a word processor's non-breaking hyphen in a range
    ("Права разъяснены по ст. 64 Уголовно-\nпроцессуального кодекса РК.", [rec("KZ-UPK", "64")]),
    ("Взяточничество охватывают ст. 366\u2011368 УК РК.", [rec("KZ-UK", "366", to="368")]),
    # a reference printed over two lines of a PDF
    ("Подсудимый осужден по ч. 2\nст. 190 УК\nРК к ограничению свободы.", [rec("KZ-UK", "190", "2")]),
    # academic papers: Russia compared with Kazakhstan
    ("В отличие от ст. 159.3 УК РФ, в казахстанском праве аналогичная норма содержится в ст. 190 УК РК.",
     [rec("RU-UK", "159.3"), rec("KZ-UK", "190")]),
    ("Статьи 205–213 Уголовного кодекса Российской Федерации посвящены общественной безопасности.",
     [rec("RU-UK", "205", to="213")]),
    ("Уголовный кодекс РФ 1996 года неоднократно изменялся. Так, ст. 159.6 УК была введена в 2012 году.",
     [rec("RU-UK", "159.6")]),
    # other laws: code None, the law's name in ``law``
    ("Закон РК «О противодействии коррупции» (статья 12) устанавливает антикоррупционные ограничения.",
     [rec(None, "12")]),
    ("Согласно Закону Республики Казахстан от 18 ноября 2015 года № 410-V «О противодействии коррупции» "
     "служащие соблюдают ограничения, предусмотренные статьей 12 указанного Закона.",
     [rec(None, "12")]),
    ("В соответствии со статьями 3 и 4 настоящего Закона уполномоченный орган утверждает правила.",
     [rec(None, "3"), rec(None, "4")]),
    ("Статьей 6 Закона РК «О правоохранительной службе» установлены требования к сотрудникам.",
     [rec(None, "6")]),
    ("Закупка проведена с нарушением подпункта 3) пункта 1 статьи 4 Закона «О государственных закупках».",
     [rec(None, "4", None, "1", "3")]),
    # codes missing from the registry are kept as laws, never taken for the code named before
    ("Помимо ст. 190 УК РК, нарушены ст. 120 Налогового кодекса РК и ст. 22 Трудового кодекса.",
     [rec("KZ-UK", "190"), rec(None, "120"), rec(None, "22")]),
    ("Осужденный переведен в колонию на основании ст. 97 Уголовно-исполнительного кодекса РК.",
     [rec("KZ-UIK", "97")]),
    # Adilet commentary: an article heading, and references inside it
    ("Статья 190. Мошенничество", [rec(None, "190")]),
    ("Обвиняемому разъяснены права, предусмотренные пунктами 1, 2 части 1 статьи 64 УПК РК.",
     [rec("KZ-UPK", "64", "1", "1"), rec("KZ-UPK", "64", "1", "2")]),
    ("Он осужден по статье 99 часть 2 пункт 1 УК РК.", [rec("KZ-UK", "99", "2", "1")]),
    ("Наказание назначено по ст.ст.190 ч.4 п.2, 217 ч.3 УК РК по совокупности преступлений.",
     [rec("KZ-UK", "190", "4", "2"), rec("KZ-UK", "217", "3")]),
    ("Суд признал его виновным по ч.2 ст.190, ч.3 ст.217 УК РК.",
     [rec("KZ-UK", "190", "2"), rec("KZ-UK", "217", "3")]),
    ("По статье 190 УК РК с начала года зарегистрировано 12 345 фактов, по статье 217 — 234.",
     [rec("KZ-UK", "190"), rec("KZ-UK", "217")]),
    # a press release's figures after a dash: a falling "367 – 198" is no range
    ("По ст. 366 УК РК (получение взятки) – 412 преступлений, по ст. 367 – 198.",
     [rec("KZ-UK", "366"), rec("KZ-UK", "367")]),
    ("За полугодие по ст. 190 УК РК – 1 245 фактов, по ст. 217 – 312.",
     [rec("KZ-UK", "190"), rec("KZ-UK", "217")]),
    ("Составы взяточничества собраны в ст. 366 – 368 УК РК.", [rec("KZ-UK", "366", to="368")]),
    ("Суд указал на признаки преступлений, предусмотренных статьей 190 (мошенничество) и статьей 217 "
     "(создание финансовой пирамиды) УК РК.",
     [rec("KZ-UK", "190"), rec("KZ-UK", "217")]),
    ("Ответственность дифференцирована в ч. 1-3 ст. 190 УК РК.",
     [rec("KZ-UK", "190", p) for p in ("1", "2", "3")]),
    # an amending act: the quote is the replaced words, not the law's name
    ("В пункте 2 статьи 4 Закона слова «в течение» заменить словами «не позднее».",
     [rec(None, "4", None, "2")]),
    # articles of conventions and agreements are not the code named before
    ("Помимо ст. 190 УК РК, применяется ст. 5 Конвенции ООН против коррупции и ст. 3 Соглашения "
     "о правовой помощи.",
     [rec("KZ-UK", "190"), rec(None, "5"), rec(None, "3")]),
    ("Конституция РФ в ст. 2 регламентирует признание прав человека.", [rec("RU-Const", "2")]),
    # "УК «...»" is a management company, not the Criminal Code
    ("В Казахстане жильцы судятся с УК «Жилсервис», ссылаясь на ст. 7.", [rec(None, "7")]),
    # a code of another country is not taken for the Kazakh or the Russian one
    ("Сравним ст. 190 УК РК, ст. 159 УК РФ и ст. 166 УК Кыргызской Республики.",
     [rec("KZ-UK", "190"), rec("RU-UK", "159"), rec(None, "166")]),
    ("Составы компьютерных преступлений предусмотрены со статьи 205 по статью 213 УК РК.",
     [rec("KZ-UK", "205", to="213")]),
    ("Дело прекращено в силу п.п. 1, 2 ч. 1 ст. 35 УПК РК.",
     [rec("KZ-UPK", "35", "1", "1"), rec("KZ-UPK", "35", "1", "2")]),
    ("Деяние квалифицировано по ст. 190 УК РК (в редакции Закона РК от 12.07.2023 № 23-VIII).",
     [rec("KZ-UK", "190")]),
    ("Право на защиту гарантировано ст. 13 Конституции РК, а также ст. 26 УПК РК.",
     [rec("KZ-Const", "13"), rec("KZ-UPK", "26")]),
]

KAZAKH: list[tuple[str, list[R]]] = [
    ("Қазақстан Республикасының Әкімшілік құқық бұзушылық туралы кодексінің 434-бабы бойынша "
     "айыппұл салынды.",
     [rec("KZ-KoAP", "434")]),
    ("Медиация тәртібі ҚР ҚПК-нің 68-бабында реттелген.", [rec("KZ-UPK", "68")]),
    ("Әркімнің теңдігі Конституциясының 14-бабында бекітілген.", [rec("KZ-Const", "14")]),
    ("Сотталушы ҚР ҚК-нің 190-бабының 4-бөлігінің 2) тармағы бойынша кінәлі деп танылды.",
     [rec("KZ-UK", "190", "4", "2")]),
    ("Ол Қазақстан Республикасы Қылмыстық кодексінің 297-бабының 2-бөлігі бойынша айыпталды.",
     [rec("KZ-UK", "297", "2")]),
    ("Құқық бұзушылық ҚР ӘҚБтК 610-бабының 1-бөлігімен сараланды.", [rec("KZ-KoAP", "610", "1")]),
    ("ҚР ҚК 128 және 135-баптары адам саудасына қарсы бағытталған.",
     [rec("KZ-UK", "128"), rec("KZ-UK", "135")]),
    ("2023 жылы ҚР ҚК 190-бабы бойынша 21 мыңнан астам қылмыс тіркелді.", [rec("KZ-UK", "190")]),
    ("ҚР ҚПК 64-бабына сәйкес күдіктінің құқықтары түсіндіріледі, осы Кодекстің 65-бабында "
     "айыпталушының құқықтары көрсетілген.",
     [rec("KZ-UPK", "64"), rec("KZ-UPK", "65")]),
    ("Жауаптылық ҚР ҚК 106-бабының екінші бөлігінде көзделген.", [rec("KZ-UK", "106", "2")]),
    ("Іс ҚР ҚК 190-ыншы бабының 3-інші бөлігі бойынша қаралды.", [rec("KZ-UK", "190", "3")]),
    ("Сотталушының әрекеттері ҚР ҚК 24, 190-баптары бойынша сараланды.",
     [rec("KZ-UK", "24"), rec("KZ-UK", "190")]),
    ("Киберқылмыстар ҚР ҚК 205-213-баптарында көзделген.", [rec("KZ-UK", "205", to="213")]),
    ("ҚР ҚПК 35-бабының 1-бөлігінің 2) тармағы негізінде іс тоқтатылды.",
     [rec("KZ-UPK", "35", "1", "2")]),
    ("Ресей Федерациясы Қылмыстық кодексінің 159-бабымен салыстырғанда ҚР ҚК 190-бабы кеңірек.",
     [rec("RU-UK", "159"), rec("KZ-UK", "190")]),
    ("«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Қазақстан Республикасы Заңының 12-бабына сәйкес "
     "мемлекеттік қызметшілер шектеулерді сақтайды.",
     [rec(None, "12")]),
    ("Прокуратура ҚР ҚК 366, 367 және 368-баптары бойынша 45 іс сотқа жіберді.",
     [rec("KZ-UK", a) for a in ("366", "367", "368")]),
    # a row of a flattened statistics table
    ("ҚР ҚК 190-бабы 2 345 2 890 23,2", [rec("KZ-UK", "190")]),
    ("Жұмыс уақыты ҚР Еңбек кодексінің 68-бабымен реттеледі.", [rec(None, "68")]),
    ("ҚР ҚК 190-бабы қолданылды. БҰҰ-ның Сыбайлас жемқорлыққа қарсы конвенциясының 5-бабы да аталды.",
     [rec("KZ-UK", "190"), rec(None, "5")]),
    ("Сотталған ҚР ҚАК 12-бабына сәйкес өтініш берді.", [rec("KZ-UIK", "12")]),
    ("Билік бастауы Конституцияның 3-бабының 1-тармағында айқындалған.",
     [rec("KZ-Const", "3", None, "1")]),
    ("Ол Қазақстан Республикасы Қылмыстық кодексінің 190-бабы 2-бөлігімен сотталды.",
     [rec("KZ-UK", "190", "2")]),
    ("Айыпталушы ҚР ҚК-нің 99, 106 және 120-баптары бойынша жауапқа тартылды.",
     [rec("KZ-UK", a) for a in ("99", "106", "120")]),
    ("ҚР ҚК 190-бабы бойынша іс қозғалды, аталған Кодекстің 217-бабы да қолданылды.",
     [rec("KZ-UK", "190"), rec("KZ-UK", "217")]),
    ("Киберқылмыстар ҚР ҚК-нің 205-бабынан бастап 213-бабына дейін көзделген.",
     [rec("KZ-UK", "205", to="213")]),
    ("Сот ҚР ҚК-нің 188-бабының 2-бөлігінің 3), 4) тармақтары бойынша үкім шығарды.",
     [rec("KZ-UK", "188", "2", "3"), rec("KZ-UK", "188", "2", "4")]),
    ("Ол ҚР ҚК 24-бабының 3-бөлігі, 190-бабының 4-бөлігінің 2) тармағы бойынша сотталды.",
     [rec("KZ-UK", "24", "3"), rec("KZ-UK", "190", "4", "2")]),
    ("«Құқық қорғау қызметі туралы» Заңның 6-бабына сәйкес, осы Заңның 7-бабы қолданылады.",
     [rec(None, "6"), rec(None, "7")]),
]

ENGLISH: list[tuple[str, list[R]]] = [
    ("Under Article 3 of the Constitution, the people of Kazakhstan are the only source of state power.",
     [rec("KZ-Const", "3")]),
    ("Articles 128 and 135 of the Criminal Code criminalise human trafficking in Kazakhstan.",
     [rec("KZ-UK", "128"), rec("KZ-UK", "135")]),
    ("The defendant was convicted under Part 4 of Article 190 of the Criminal Code of Kazakhstan.",
     [rec("KZ-UK", "190", "4")]),
    ("Article 159.6 of the Russian Criminal Code punishes computer fraud.", [rec("RU-UK", "159.6")]),
    ("Article 190(4) of the Criminal Code of the Republic of Kazakhstan sets a longer term.",
     [rec("KZ-UK", "190", "4")]),
    ("Art. 366 of the Criminal Code of the Republic of Kazakhstan covers bribe-taking.",
     [rec("KZ-UK", "366")]),
    ("Articles 296-303 of the Criminal Code of the Republic of Kazakhstan concern drugs.",
     [rec("KZ-UK", "296", to="303")]),
    ("Under Article 24 of the Law of the Republic of Kazakhstan «On Countering Corruption», "
     "officials declare their assets.",
     [rec(None, "24")]),
    ("Article 17 of the Code of Criminal Procedure of Kazakhstan guarantees access to justice.",
     [rec("KZ-UPK", "17")]),
    ("Article 188-1 of the Criminal Code of the Republic of Kazakhstan was added later.",
     [rec("KZ-UK", "188-1")]),
    ("Article 22 of the Labour Code of the Republic of Kazakhstan sets working hours.", [rec(None, "22")]),
    ("Arts. 366-368 of the Criminal Code of Kazakhstan define bribery.", [rec("KZ-UK", "366", to="368")]),
    ("Articles 296 to 303 of the Criminal Code of the Republic of Kazakhstan concern drugs.",
     [rec("KZ-UK", "296", to="303")]),
    ("Article 366 of the CC RK provides for liability for bribe-taking.", [rec("KZ-UK", "366")]),
    ("The court applied Art. 190 part 2 CC RK and Articles 205 through 213 of the same Code.",
     [rec("KZ-UK", "190", "2"), rec("KZ-UK", "205", to="213")]),
    ("Sub-paragraph 2 of paragraph 1 of Article 24 of the Law of the Republic of Kazakhstan "
     "«On Countering Corruption» lists the restrictions.",
     [rec(None, "24", None, "1", "2")]),
    # a paper on Kazakhstan quoting the Russian code: a bare "Art." takes the nearest code named
    ("Kazakhstan borrowed the model of Article 159.6 of the Criminal Code of the Russian Federation; "
     "Art. 159.3 was not borrowed.",
     [rec("RU-UK", "159.6"), rec("RU-UK", "159.3")]),
    ("Article 1, paragraph 2 of the Constitution of Kazakhstan names the supreme values.",
     [rec("KZ-Const", "1", None, "2")]),
]

NOT_REFERENCES: list[str] = [
    "Закон Республики Казахстан от 18 ноября 2015 года № 410-V.",
    "Указ Президента Республики Казахстан от 2 февраля 2022 года № 802.",
    "Изменения внесены Законом РК № 324-VI от 12 декабря 2023 года.",
    "Сафаров Т.Р. Уголовное право. Т. 2. – Алматы: Жеті Жарғы, 2019. – С. 128-135.",
    "Комментарий к Уголовному кодексу Республики Казахстан. – Алматы, 2015. – 928 с.",
    "Собрание сочинений, том 3, с. 45.",
    "Телефон доверия: 8 (7172) 71-22-33, доб. 190.",
    "Уровень раскрываемости составил 67,5 процента (2022 г. – 64,1%).",
    "1) изучить практику; 2) подготовить предложения; 3) внести изменения.",
    "Заседание назначено на 15.03.2024 в 10:30, кабинет 205.",
    "2024 жылғы 1 қаңтардан бастап көрсеткіш 15 пайызға өсті.",
    "Қазақстан Республикасының 2014 жылғы 3 шілдедегі № 226-V Қылмыстық кодексі.",
    "1) ақпарат жинау; 2) талдау жүргізу; 3) ұсыныс әзірлеу.",
    "Сенім телефоны: 8-800-080-7777, 1414.",
    "The study covers 2015-2023 and 1,245 cases; see p. 128 and Vol. 2.",
    "Утвержден приказом Генерального прокурора № 190 от 05.05.2020 года.",
    "Ст. преподаватель кафедры уголовного права Иванова А.А.",
    "2024 жылғы 15 наурыздағы № 190 бұйрықпен бекітілген.",
    "Жинақ, 2-том, 128-бет.",
    "Волонтёры помогли 5 бабушкам и 3 бабочкам.",
    "См. п. 1 списка литературы и с. 12 монографии.",
    "Figure 3 shows the trend for 2019-2023; see Table 2 on p. 45.",
    "In this article 3 sections follow the introduction.",
    "В настоящей статье 2 раздела: теоретический и практический.",
    "Автор статьи 25 лет работал в прокуратуре.",
    "The article 2 of this issue reviews the case law of 2022.",
]

# how the code was found, and the law's name (a part of it) where the article is of a law
RESOLUTION: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("Водитель привлечен к ответственности по пп. 2) п. 1 ст. 152 КоАП РК.", [("explicit", None)]),
    # the code is named right after the reference; the country comes from the text
    ("В Республике Казахстан за это наказывают по пп. 2) п. 1 ст. 152 КоАП.", [("explicit", None)]),
    ("Согласно ст. 68 УПК РК стороны вправе примириться; последствия указаны в ст. 69.",
     [("explicit", None), ("context", None)]),
    ("ҚР ҚПК 64-бабына сәйкес, осы Кодекстің 65-бабында.", [("explicit", None), ("same_code", None)]),
    ("Закон РК «О противодействии коррупции» (статья 12) устанавливает ограничения.",
     [("explicit", "«О противодействии коррупции»")]),
    ("Согласно Закону Республики Казахстан от 18 ноября 2015 года № 410-V «О противодействии коррупции» "
     "служащие соблюдают ограничения, предусмотренные статьей 12 указанного Закона.",
     [("same_code", "«О противодействии коррупции»")]),
    ("«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Қазақстан Республикасы Заңының 12-бабына сәйкес",
     [("explicit", "«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы»")]),
    ("Under Article 24 of the Law of the Republic of Kazakhstan «On Countering Corruption»",
     [("explicit", "«On Countering Corruption»")]),
    ("The Law of the Republic of Kazakhstan «On Countering Corruption» was adopted in 2015. "
     "Article 12 of the said Law bans gifts.",
     [("same_code", "«On Countering Corruption»")]),
    ("Article 5 of the Criminal Code of Kazakhstan and Article 7 of the said Code",
     [("explicit", None), ("same_code", None)]),
    ("ст. 190 УК РК и ст. 120 Налогового кодекса РК",
     [("explicit", None), ("explicit", "Налогового кодекса")]),
    ("Жұмыс уақыты ҚР Еңбек кодексінің 68-бабымен реттеледі.", [("explicit", "Еңбек кодексінің")]),
    # "жаңа кодекстің" (the new code) names no other code: the code named before
    ("ҚР ҚК 190-бабы бойынша, жаңа кодекстің 5-бабы бойынша", [("explicit", None), ("context", None)]),
    ("ҚР ҚК 190-бабы бойынша іс қозғалды, аталған Кодекстің 217-бабы да қолданылды.",
     [("explicit", None), ("same_code", None)]),
    # one code for a whole Kazakh enumeration
    ("ҚР ҚК 24-бабының 3-бөлігі, 190-бабының 4-бөлігі", [("explicit", None), ("explicit", None)]),
    ("«Құқық қорғау қызметі туралы» Заңның 6-бабына сәйкес, осы Заңның 7-бабы қолданылады.",
     [("explicit", "«Құқық қорғау қызметі туралы»"), ("same_code", "«Құқық қорғау қызметі туралы»")]),
]


def _key(r) -> R:
    return (r.code, r.article, r.part, r.paragraph, r.subparagraph, r.range_to)


@pytest.mark.parametrize("text,expected", RUSSIAN + KAZAKH + ENGLISH)
def test_heldout_sentence(text: str, expected: list[R]) -> None:
    assert [_key(r) for r in extract_articles(text)] == expected


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_heldout_not_a_reference(text: str) -> None:
    assert extract_articles(text) == []


@pytest.mark.parametrize("text,expected", RESOLUTION)
def test_heldout_resolution_and_law(text: str, expected: list[tuple[str, str | None]]) -> None:
    refs = extract_articles(text)
    assert [r.resolution for r in refs] == [how for how, _ in expected]
    for ref, (_, law) in zip(refs, expected):
        assert (ref.law is None) if law is None else (law in (ref.law or "")), ref.law


@pytest.mark.parametrize("text,expected", RUSSIAN + KAZAKH + ENGLISH)
def test_heldout_surface_is_the_text(text: str, expected: list[R]) -> None:
    for r in extract_articles(text):
        assert text[r.char_start:r.char_end] == r.surface


def test_amended_words_are_not_a_law_name() -> None:
    ref = extract_articles("В пункте 2 статьи 4 Закона слова «в течение» заменить словами «не позднее».")[0]
    assert (ref.law, ref.resolution) == ("Закона", "explicit")
    dated = extract_articles("ст. 3 Закона РК от 18.11.2015 г. № 410-V «О противодействии коррупции»")[0]
    assert dated.law == "Закона РК от 18.11.2015 г. № 410-V «О противодействии коррупции»"


def test_enough_heldout_sentences() -> None:
    assert len(RUSSIAN + KAZAKH + ENGLISH + NOT_REFERENCES) >= 40
