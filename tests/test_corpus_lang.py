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


_SCRIPT_TEXTS = ["ст. 190 УК РФ, ICAO Қылмыстық іс", "".join(map(chr, range(0x500))), "AZaz@[`{ ÀÐ", "Ӏ ҷ Ї ї ё Ё І і",
                 "\ud800x\udfffЖ", "İ Σ ς a\r\nb\x0c", "", "ҚАЗАҚСТАН\u2028𝐀𝐁 Ωω ӿ Ԁ"]


@pytest.mark.parametrize("text", _SCRIPT_TEXTS)
def test_script_totals_are_the_script_counts_of_each_span(text: str) -> None:
    from kzlegalnlp.corpus.lang import ScriptTotals, _script_counts

    step = max(1, len(text) // 40)
    pairs = [(i, j) for i in range(0, len(text) + 1, step) for j in range(i, len(text) + 1, step)]
    counts = ScriptTotals(text).spans([i for i, _ in pairs], [j for _, j in pairs])
    assert counts == [_script_counts(text[i:j]) for i, j in pairs]


@pytest.mark.parametrize("text", ["Кесте 1", "Уголовный кодекс", "Ішкі істер", "ICAO UN", "12.05", "", "Тест ş"])
def test_given_script_counts_decide_as_counted_ones(text: str) -> None:
    from kzlegalnlp.corpus.lang import _script_counts

    for context in (None, "kk", "ru"):
        assert detect_lang(text, context=context, scripts=_script_counts(text)) == detect_lang(text, context=context)
    assert lang_scores(text, (5, 0, 0)) == {"en": 5.0, "ru": 0.0, "kk": 0.0}  # the counts given are the ones read
