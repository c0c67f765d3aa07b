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
