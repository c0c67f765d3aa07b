"""Every splitter pattern matches each of its examples and none of its counter-examples."""

from __future__ import annotations

import pytest

from kzlegalnlp.corpus.patterns import PATTERNS, find_date

EXAMPLES = [(name, ex) for name, p in PATTERNS.items() for ex in p.examples]
COUNTER = [(name, ex) for name, p in PATTERNS.items() for ex in p.counter_examples]


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_pattern_matches_its_examples(name: str, example: str) -> None:
    assert PATTERNS[name].matches(example), (name, example)


@pytest.mark.parametrize(("name", "example"), COUNTER)
def test_pattern_rejects_its_counter_examples(name: str, example: str) -> None:
    assert not PATTERNS[name].matches(example), (name, example)


def test_every_pattern_has_examples() -> None:
    assert all(p.examples for p in PATTERNS.values())


@pytest.mark.parametrize(("text", "iso"), [
    ("Конференция состоится 5 марта 2025 г. в 10.00", "2025-03-05"),
    ("2025 жылғы 5 наурыз сағат 10.00", "2025-03-05"),
    ("Өткізу уақыты: 2019 жылғы 31 желтоқсан", "2019-12-31"),
    ("Мерзімі көрсетілмеген", None),
])
def test_find_date(text: str, iso) -> None:
    assert find_date(text) == iso


def test_citation_number_is_captured() -> None:
    numbers = [int(m.group(1)) for m in PATTERNS["citation"].regex.finditer("[3, с. 12] и [14] но не [Текст]")]
    assert numbers == [3, 14]
