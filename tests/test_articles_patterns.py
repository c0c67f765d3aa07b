"""Every pattern matches its examples, every example is matched, the registry is complete."""

from __future__ import annotations

import re

import pytest

from kzlegalnlp import codes
from kzlegalnlp.extract.code_mentions import find_mentions
from kzlegalnlp.patterns.articles import PATTERNS, alias_regex, code_registry, compiled

CASES = [(name, ex) for name, p in PATTERNS.items() for ex in p.examples]


def test_every_pattern_has_an_example() -> None:
    assert all(p.examples for p in PATTERNS.values())


@pytest.mark.parametrize("name,example", CASES)
def test_pattern_matches_its_example(name: str, example: str) -> None:
    assert compiled(name).search(example), f"{name} does not match {example!r}"


@pytest.mark.parametrize("name,example", CASES)
def test_example_is_matched_by_some_pattern(name: str, example: str) -> None:
    assert any(compiled(n).search(example) for n in PATTERNS)


FAMILIES = code_registry()["families"]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_alias_two_way(family: str) -> None:
    spec = FAMILIES[family]
    aliases = [re.escape(a) for a in spec["abbr"]] + [alias_regex(n) for n in spec["names"]]
    for alias in aliases:  # each alias finds one of the examples...
        assert any(re.search(alias, ex, re.I) for ex in spec["examples"]), alias
    for ex in spec["examples"]:  # ...and each example is found as that family
        assert [m.family for m in find_mentions(ex)] == [family], ex


@pytest.mark.parametrize("country", sorted(code_registry()["countries"]))
def test_country_examples(country: str) -> None:
    for ex in code_registry()["countries"][country]["examples"]:
        assert [m.country for m in find_mentions(ex)] == [country], ex


def test_every_example_contains_a_literal_key() -> None:
    keys = code_registry()["keys"]["abbr"] + code_registry()["keys"]["name"]
    for spec in FAMILIES.values():
        for ex in spec["examples"]:
            assert any(k in ex for k in keys), ex


def test_registry_ids_of_the_issue() -> None:
    wanted = {"KZ-UK", "KZ-UPK", "KZ-KoAP", "KZ-GK", "KZ-Const", "RU-UK", "RU-UPK", "RU-KoAP",
              "RU-GK", "RU-Const"}
    assert wanted <= set(codes.code_ids())


def test_titles_for_every_article_of_the_kz_criminal_code() -> None:
    table = codes.table("KZ-UK")
    assert len(table) == 502
    assert all(i.title_ru and i.title_kk for i in table.values())
    assert codes.title("KZ-UK", "128") == ("Торговля людьми", table["128"].title_kk)


@pytest.mark.parametrize("code,article,topic", [
    ("KZ-UK", "366", "corruption"), ("KZ-UK", "368", "corruption"), ("KZ-UK", "128", "trafficking"),
    ("KZ-UK", "135", "trafficking"), ("KZ-UK", "263", "organised_crime"), ("KZ-UK", "209", "cybercrime"),
    ("KZ-UK", "297-1", "drugs"), ("RU-UK", "291.1", "corruption"), ("RU-UK", "159.6", "cyber_fraud"),
    ("KZ-KoAP", "677", "corruption"), ("KZ-KoAP", "423", "drugs"),
])
def test_topic_rules(code: str, article: str, topic: str) -> None:
    assert topic in codes.topics(code, article)


def test_no_topics_for_unrelated_or_unknown() -> None:
    assert codes.topics("KZ-UK", "99") == ()
    assert codes.topics(None, "190") == ()
    assert "cyber_fraud" not in codes.topics("KZ-UK", "190", part="1")


# --- searching from the characters a match can begin with, against the plain search ----------

def _random_texts(seed: int, n: int) -> list[str]:
    """Texts sown with pieces of references, code names, case variants and stray characters."""
    import random

    rng = random.Random(seed)
    pieces = ["ч. 2", "Ч.", "п. «в»", "пп. 3)", "пункт 1", "часть", "Part 2 of", "paragraph 3", "sub-paragraph",
              "item 4", "ст. 190", "статьи", "УК", "ук", "УПК", "ҚК", "ҚР ҚК", "Уголовного кодекса", "Қылмыстық",
              "кодексi", "Criminal Code", "CC", "CoAO", "КоАП", "Кодекса РК об административных",
              "Конституции", "ГК «Росатом»", "Гражданского", "İtem", "ſub", "PART", " ", "  ", ", ", "\n", "-",
              "и ", "190", "2", "а", "x", "ПУНКТ", "ЧАСТИ", "РК ", "Республики Казахстан", "ҚР", "РФ\n", "Ресей ",
              "және ", "-бабы", "227-1", "205–213", "5.1", "\u0663", "2 жыл"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(n)]


@pytest.mark.parametrize("kind", ["ru_prefix", "en_prefix", "country_before", "kk_list_end", "kk_list2_end"])
def test_prefix_search_from_begins_is_the_plain_search(kind: str) -> None:
    from kzlegalnlp.extract.article_grammar import _re
    from kzlegalnlp.extract.code_mentions import _pre_re
    from kzlegalnlp.patterns.articles import WindowSearch

    rx = _pre_re() if kind == "country_before" else _re()[kind]
    window = WindowSearch(rx)
    found = 0
    for text in _random_texts(3, 400):
        for end in range(0, len(text) + 1, 3):
            for lo in (0, max(0, end - 20)):
                plain = rx.search(text, lo, end)
                plain = plain if plain and plain.start() < end else None  # empty at the end: nothing
                fast = window.search(text, lo, end)
                assert (fast and fast.span()) == (plain and plain.span()), (text, lo, end)
                found += fast is not None
    assert found > 5


def _plain_alias_over(rx: re.Pattern[str], text: str, lo: int, p: int) -> re.Match[str] | None:
    """The plain window search that WindowSearch replaces in find_mentions."""
    m = rx.search(text, lo, p + 70)
    while m and m.end() <= p:
        m = rx.search(text, m.end(), p + 70)
    return None if not m or m.start() > p else m


def test_find_mentions_is_the_plain_window_search(monkeypatch) -> None:
    from kzlegalnlp.extract import code_mentions

    texts = _random_texts(5, 1500) + [ex for f in FAMILIES.values() for ex in f["examples"]]
    fast = [find_mentions(t) for t in texts]
    monkeypatch.setattr(code_mentions, "_alias_over", _plain_alias_over)
    assert sum(map(bool, fast)) > 300
    assert fast == [find_mentions(t) for t in texts]


def test_begin_chars_cover_case_folding() -> None:
    from kzlegalnlp.patterns.articles import begin_chars

    rx = re.compile(r"(?:(?<!\w)s|(?-i:K))?(?:k|[0-9]{0,2})x", re.IGNORECASE)
    begins = begin_chars(rx)
    assert all(begins.match(ch) for ch in "sS\u017fKk\u212axX09")
    for ch in map(chr, range(0x3000)):
        if rx.match(ch + "x"):
            assert begins.match(ch), ch
    assert begin_chars(re.compile(r"(?:a|.)b")) is None
