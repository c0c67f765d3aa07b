"""The statistics pattern data, checked both ways: every pattern matches each of its
examples, and every example is matched by the pattern it belongs to (and an
example of a non-statistic yields no figure)."""

from __future__ import annotations

import re

import pytest

from kzlegalnlp import extract_statistics
from kzlegalnlp.errors import AnnotationError
from kzlegalnlp.patterns import statistics as stat_patterns
from kzlegalnlp.patterns.numbers import MULTIPLIER_STEMS, NUMBER_RE, multiplier, parse_number
from kzlegalnlp.patterns.statistics import load_json, statistics_patterns

UNITS = load_json("units.json")["units"]
QUALIFIERS = load_json("qualifiers.json")
MASKS = load_json("not_statistics.json")["masks"]


def _full(pattern: str, text: str) -> bool:
    return re.fullmatch(pattern, text, re.IGNORECASE) is not None


@pytest.mark.parametrize("entry", UNITS, ids=lambda e: e["unit"] + ":" + e["examples"][0])
def test_unit_pattern_matches_each_example(entry):
    assert entry["examples"], "every unit pattern needs examples"
    for example in entry["examples"]:
        assert _full(entry["pattern"], example), example


@pytest.mark.parametrize("entry", [e for e in UNITS if not e.get("drop")],
                         ids=lambda e: e["unit"] + ":" + e["examples"][0])
def test_each_unit_example_is_read_as_its_unit(entry):
    pats = statistics_patterns()
    for example in entry["examples"]:
        found = pats.unit_at(example, 0)
        assert found is not None and found[0] == entry["unit"], example


def test_every_unit_kind_is_known():
    assert {e.get("kind", "word") for e in UNITS} <= {"symbol", "word", "noun", "noun_far"}


@pytest.mark.parametrize("entry", QUALIFIERS["before"] + QUALIFIERS["after"],
                         ids=lambda e: e["qualifier"] + ":" + e["examples"][0])
def test_qualifier_pattern_matches_each_example(entry):
    for example in entry["examples"]:
        assert _full(entry["pattern"], example), example


@pytest.mark.parametrize("entry", QUALIFIERS["before"], ids=lambda e: e["examples"][0])
def test_each_before_example_gives_its_qualifier(entry):
    pats = statistics_patterns()
    for example in entry["examples"]:
        assert pats.qualifier_before(example + " ")[0] == entry["qualifier"], example


@pytest.mark.parametrize("entry", QUALIFIERS["after"], ids=lambda e: e["examples"][0])
def test_each_after_example_gives_its_qualifier(entry):
    pats = statistics_patterns()
    for example in entry["examples"]:
        q = pats.qualifier_after(" " + example, 0, ablative=True)
        assert q is not None and q[0] == entry["qualifier"], example


def test_glued_approx_examples():
    e = QUALIFIERS["glued_approx"]
    for example in e["examples"]:
        assert _full(e["pattern"], example)


@pytest.mark.parametrize("entry", MASKS, ids=lambda e: e["name"])
def test_mask_matches_each_example_and_hides_its_numbers(entry):
    for example in entry["examples"]:
        assert re.search(entry["pattern"], example, re.IGNORECASE), example
        assert extract_statistics(example) == [], example


@pytest.mark.parametrize("stem", sorted(MULTIPLIER_STEMS))
def test_multiplier_stem_example(stem):
    factor, example = MULTIPLIER_STEMS[stem]
    assert example.lower().startswith(stem)
    assert multiplier(example) == factor


NUMBERS = [
    ("27 892", 27892), ("268 750 015", 268750015), ("27\u00a0892", 27892), ("27\u202f892", 27892),
    ("27\u2009892", 27892), ("31,7", 31.7), ("41.5", 41.5), ("0,175", 0.175), ("1300", 1300),
    ("1,250,000", 1250000),
]


@pytest.mark.parametrize("text,value", NUMBERS)
def test_number_forms(text, value):
    m = NUMBER_RE.fullmatch(text)
    assert m is not None
    assert parse_number(m.group()) == value


def test_parse_number_rejects_non_numbers():
    with pytest.raises(ValueError):
        parse_number("abc")


def test_bad_pattern_file_names_the_file(tmp_path, monkeypatch):
    (tmp_path / "units.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(stat_patterns, "_HERE", tmp_path)
    with pytest.raises(AnnotationError, match="units.json"):
        load_json("units.json")


@pytest.mark.parametrize("example", QUALIFIERS["range"]["examples"])
def test_each_range_example_is_read_as_a_range(example):
    (s,) = extract_statistics(example)
    assert s.qualifier == "range" and s.value_to is not None and s.value < s.value_to
