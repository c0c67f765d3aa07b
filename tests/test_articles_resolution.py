"""The documented code-resolution rule, one step at a time."""

from __future__ import annotations

import pytest

from kzlegalnlp.extract.articles import extract_articles


def _codes(text: str, **kw) -> list[tuple[str | None, str]]:
    return [(r.code, r.resolution) for r in extract_articles(text, **kw)]


@pytest.mark.parametrize("text,expected", [
    # 1. a country printed with the code
    ("ст. 190 УК РФ", [("RU-UK", "explicit")]),
    ("Қазақстан Республикасының Қылмыстық кодексінің 190-бабы", [("KZ-UK", "explicit")]),
    # 2. a code that exists for one country only
    ("ч.1 ст.135 КЗСЗ", [("KZ-Health", "explicit")]),
    # 3. the country of the nearest code named earlier (the code itself is named: explicit)
    ("ст. 5 УК РФ; затем ст. 7 УПК", [("RU-UK", "explicit"), ("RU-UPK", "explicit")]),
    # 4. the country the text is about
    ("В России растёт мошенничество, ст. 159 УК это учитывает.", [("RU-UK", "explicit")]),
    # 5. a Kazakh name without a country
    ("Қылмыстық кодекстің 128-бабы", [("KZ-UK", "explicit")]),
    # 6. nothing to go on
    ("ст. 159 УК", [(None, "unresolved")]),
    # no code named: the nearest code before it
    ("ст. 5 ГК РК, а также ст. 6", [("KZ-GK", "explicit"), ("KZ-GK", "context")]),
    # "того же Кодекса" / "осы Кодекстің"
    ("ст. 5 ГК РК и ст. 6 того же Кодекса", [("KZ-GK", "explicit"), ("KZ-GK", "same_code")]),
    ("ҚР ҚПК 7-бабы және осы Кодекстің 8-бабы", [("KZ-UPK", "explicit"), ("KZ-UPK", "same_code")]),
    # other laws: no code, the law's name kept
    ("ст. 4 Закона РК «О национальной безопасности»", [(None, "explicit")]),
])
def test_resolution_steps(text: str, expected: list) -> None:
    assert _codes(text) == expected


def test_default_code_and_country_arguments() -> None:
    assert _codes("ст. 7", default_code="KZ-UPK") == [("KZ-UPK", "context")]
    assert _codes("ст. 159 УК", country="RU") == [("RU-UK", "explicit")]


def test_law_name_is_kept() -> None:
    ref = extract_articles("ст. 4 Закона РК «О национальной безопасности»")[0]
    assert ref.law == "Закона РК «О национальной безопасности»"
    kk = extract_articles("«Алқабилер туралы» заңның 10-бабында")[0]
    assert kk.code is None and kk.law == "«Алқабилер туралы» заңның"


def test_titles_and_topics_on_records() -> None:
    ref = extract_articles("ст. 366 УК РК")[0]
    assert (ref.title_ru, ref.topics) == ("Получение взятки", ("corruption",))
    assert ref.title_kk
    ru = extract_articles("ст. 291.2 УК РФ")[0]
    assert ru.title_ru == "Мелкое взяточничество" and ru.title_kk is None
    unknown = extract_articles("ст. 5 ГК РК")[0]
    assert (unknown.title_ru, unknown.topics) == (None, ())
