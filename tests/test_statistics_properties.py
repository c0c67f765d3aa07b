"""Property tests of the statistics extractor: any string is safe, spans are exact.

No test here measures time; ``bench/bench_statistics.py`` does (linear growth on
adversarial input).
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzlegalnlp import extract_statistics

# Pieces that exercise the grammar: numbers with every separator, multipliers
# in case forms, units, qualifiers, brackets, dashes and line breaks.
PIECES = [
    "1", "27", "892", "1 250", "3,4", "0.5", "12\u00a0345", "7\u202f000", "2025", "2018-2021",
    "мың", "мыңнан", "млн", "млрд-тан", "тыс.", "million", "%", "%-ды", "пайыз", "теңге", "сум",
    "$", "тонна", "кг", "есе", "раз", "адам", "күннен", "күнге", "астам", "жуық", "дейін", "более",
    "около", "от", "до", "-", "–", "(", ")", "[", "]", "№", "ст.", "бабы", "-бабы", "жылы", "году",
    " ", "  ", "\n", "\n\n", ".", ",", ";", ":", "биыл", "былтыр", "жас", "лет", "09.00", "+7",
]

grammar_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _check(text: str) -> None:
    for s in extract_statistics(text, ref_year=2025):
        assert 0 <= s.char_start <= s.char_end <= len(text)
        assert text[s.char_start:s.char_end] == s.surface
        assert math.isfinite(s.value)
        assert s.value_to is None or math.isfinite(s.value_to)
        assert s.qualifier in ("exact", "approx", "more_than", "less_than", "up_to", "range")
        assert (s.value_to is not None) == (s.qualifier == "range")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_string_is_safe(text):
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grammar_text)
def test_grammar_like_strings(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_grouped_numbers_round_trip(head, tail):
    text = f"Барлығы {head} {tail:03d} қылмыс тіркелді."
    (s,) = extract_statistics(text)
    assert s.value == head * 1000 + tail


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.sampled_from([("мың", 1e3), ("млн", 1e6),
                                                                 ("миллиард", 1e9)]))
def test_multipliers_expand(n, word_factor):
    word, factor = word_factor
    (s,) = extract_statistics(f"Залал {n} {word} теңгеден асты.")
    assert s.value == n * factor and s.unit == "KZT" and s.qualifier == "more_than"


def test_adversarial_inputs_finish_and_stay_exact():
    for text in ("1 " * 3000, "мың " * 3000, "5 " + "мың " * 3000, "5-" * 3000, "1.1" * 2000,
                 "[" * 3000, "9" * 5000, "от 1 до " * 1000, "5%-ды (" * 1000, "\u2029" * 100):
        _check(text)
