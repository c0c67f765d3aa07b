"""Language detection on hand-written sentences the rules were not tuned on."""

from __future__ import annotations

import pytest

from kzlegalnlp.corpus.lang import (
    KAZAKH_ENDINGS,
    KAZAKH_WORDS,
    RUSSIAN_ENDINGS,
    RUSSIAN_WORDS,
    detect_lang,
    lang_scores,
)

CASES = [
    # Kazakh: with and without many specific letters, short and long
    ("Сот үкімі заңды күшіне енді", "kk"),
    ("Тергеушi iстi прокурорға жолдады", "kk"),  # Latin "i" typed for "і": still Kazakh
    ("Алаяқтар зейнеткерлерді алдады", "kk"),
    ("Полиция бастығы келді", "kk"),
    ("Ол мен", "kk"),
    ("Құқық", "kk"),
    ("Жол-көлік оқиғасы", "kk"),
    ("ҚР ҚК 190-бабы бойынша іс қозғалды", "kk"),
    ("Жаттығулар мектептерде өткізілді", "kk"),
    # Russian
    ("Суд вынес приговор по делу о мошенничестве", "ru"),
    ("Прокурор", "ru"),
    ("Статья 190 Уголовного кодекса", "ru"),
    ("Казахстан в цифрах", "ru"),
    ("Нурлан Ермеков, начальник отдела", "ru"),
    ("Министерство внутренних дел Республики Казахстан", "ru"),
    # Russian sentence quoting a Kazakh name keeps Russian
    ("В Алматы состоялась встреча с акимом Қасымовым и прокурорами района", "ru"),
    # English, including with a Cyrillic name inside
    ("The role of digital evidence in criminal proceedings", "en"),
    ("Fraud statistics for 2025", "en"),
    ("Interview with Минжан about cybercrime prevention policy", "en"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_detect_lang_on_hand_written_sentences(text: str, expected: str) -> None:
    assert detect_lang(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "12.05.2024", "— 17 —", "%"])
def test_no_letters_returns_default(text: str) -> None:
    assert lang_scores(text) is None
    assert detect_lang(text) == "kk"
    assert detect_lang(text, default="ru") == "ru"


@pytest.mark.parametrize("word", sorted(KAZAKH_WORDS))
def test_every_kazakh_word_pulls_towards_kazakh(word: str) -> None:
    scores = lang_scores(word)
    assert scores is not None and scores["kk"] > 0


@pytest.mark.parametrize("word", sorted(RUSSIAN_WORDS))
def test_every_russian_word_pulls_towards_russian(word: str) -> None:
    scores = lang_scores(word)
    assert scores is not None and scores["ru"] > 0


@pytest.mark.parametrize("ending", KAZAKH_ENDINGS)
def test_every_kazakh_ending_counts(ending: str) -> None:
    # a neutral stem without Kazakh letters, so only the ending can decide
    assert lang_scores("барм" + ending)["kk"] > 0  # type: ignore[index]


@pytest.mark.parametrize("ending", RUSSIAN_ENDINGS)
def test_every_russian_ending_counts(ending: str) -> None:
    assert lang_scores("барм" + ending)["ru"] > 0  # type: ignore[index]


def test_word_lists_do_not_overlap() -> None:
    assert not KAZAKH_WORDS & RUSSIAN_WORDS


CONTEXT_CASES = [
    # weak evidence defers to the document's language
    ("Кесте 2", "kk", "kk"),
    ("Жанат Рахимжановна", "kk", "kk"),
    ("Жанат Рахимжановна", "ru", "ru"),
    ("– алаяқтық сылтауымен – 3 110.", "kk", "kk"),
    # clear evidence keeps its own language
    ("Уголовный кодекс Республики Казахстан", "kk", "ru"),
    ("Қылмыстық кодекстің 190-бабы", "ru", "kk"),
    ("The conference adopted a resolution", "ru", "en"),
    ("2024", "ru", "ru"),
]


@pytest.mark.parametrize(("text", "context", "expected"), CONTEXT_CASES)
def test_context_wins_only_over_weak_evidence(text: str, context: str, expected: str) -> None:
    assert detect_lang(text, context=context) == expected
