"""The topic lexicon: every pattern matches its example, and hand-written sentences it was not tuned on."""

from __future__ import annotations

import random

import pytest

from kzlegalnlp.topics import features
from kzlegalnlp.topics.features import CharNgrams, tokens

from kzlegalnlp.topics.labels import DEFAULT_LABELS, check_labels, load_labels
from kzlegalnlp.topics.lexicon import Entry, Lexicon, default_lexicon, read_lexicon
from kzlegalnlp.topics.labels import DATA
from kzlegalnlp.errors import AnnotationError, ConfigError

ENTRIES = default_lexicon().entries


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.label}:{e.pattern}" for e in ENTRIES])
def test_each_pattern_matches_its_example(entry: Entry) -> None:
    alone = Lexicon([entry])
    assert alone.counts(entry.example) == {entry.label: 1} or alone.counts(entry.example).get(entry.label, 0) >= 1
    assert entry.label in default_lexicon().counts(entry.example)


@pytest.mark.parametrize("combo", default_lexicon().combos, ids=lambda c: c.label)
def test_each_combination_gives_its_label_on_its_example(combo) -> None:
    assert combo.label in default_lexicon().counts(combo.example)
    helpers_only = Lexicon([e for e in ENTRIES if e.label in combo.needs], [combo])
    assert helpers_only.counts(combo.example)[combo.label] >= 1


def test_fraud_needs_an_ict_context_to_be_cyber_fraud() -> None:
    lex = default_lexicon()
    assert "cyber_fraud" not in lex.counts("Мошенник получил ценности якобы для передачи должностному лицу.")
    assert lex.counts("Мошенник позвонил по телефону.")["cyber_fraud"] == 1
    assert "cyber_fraud" in lex.counts("Алаяқтар әлеуметтік желіде жалған ұтыс ұйымдастырды.")


def test_every_label_has_entries_in_every_language() -> None:
    for label in DEFAULT_LABELS:
        langs = {e.lang for e in ENTRIES if e.label == label}
        assert langs == {"kk", "ru", "en"}, label


# Hand-written sentences, not taken from the corpus: (text, expected labels with hits).
SENTENCES = [
    ("Мошенники звонили от имени службы безопасности банка.", {"cyber_fraud"}),
    ("Жалған сайттар арқылы алаяқтық жасалды.", {"cyber_fraud"}),
    ("Суд признал мэра виновным в получении взяток.", {"corruption"}),
    ("Сыбайлас жемқорлық құқық бұзушылықтары азайды.", {"corruption"}),
    ("The minister resigned after a bribery scandal.", {"corruption"}),
    ("Девушек вывозили за границу, торговля людьми приносила доход.", {"trafficking"}),
    ("Адам саудасының құрбандары шетелде анықталды.", {"trafficking"}),
    ("Лидеры преступного сообщества контролировали рынки.", {"organised_crime"}),
    ("Ұйымдасқан қылмыстық топтар кибер кеңістікке көшті.", {"organised_crime"}),
    ("В тайниках нашли синтетические наркотики.", {"drugs"}),
    ("Жасөспірімдер арасында есірткі тұтыну өсті.", {"drugs"}),
    ("Хакеры атаковали серверы министерства.", {"cybercrime"}),
    ("Киберқылмыстарды тергеу әдістемесі талқыланды.", {"cybercrime"}),
    ("Интернет-алаяқтар мен наркосатушылар мессенджерлерді пайдаланады; есірткі де сатылады.", {"cyber_fraud", "drugs"}),
    # morphology and the terms added for texts outside the corpus (prefixed verbs, k/g alternation, drug names...)
    ("Неизвестный позвонил пенсионеру и выманил у него пароль.", {"cyber_fraud"}),
    ("Аферисты представлялись сотрудниками службы безопасности банка.", {"cyber_fraud"}),
    ("Ол өкілеттігін асыра пайдаланып, бюджет қаржысын жымқырды.", {"corruption"}),
    ("The mayor embezzled funds and took kickbacks.", {"corruption"}),
    ("Рабочих держали в долговой кабале.", {"trafficking"}),
    ("Вор в законе распоряжался общаком.", {"organised_crime"}),
    ("Курьер хранил мефедрон и гашиш.", {"drugs"}),
    ("Ransomware encrypted the hospital servers.", {"cybercrime"}),
    # near misses: the words look alike but the topic is absent
    ("Строители провели закладку фундамента, закладка капсулы прошла торжественно.", set()),
    ("Мошенник получил от соседа деньги наличными.", set()),  # fraud without ICT is not cyber_fraud
    ("Торговля оружием запрещена.", set()),
    ("Он купил пару туфель и параграф прочитал.", set()),
    ("Спортивная группа провела тренировку.", set()),
    ("Погода в Алматы солнечная.", set()),
    ("Exploit kits are not discussed here; the parade was organised.", set()),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_hand_written_sentences(text: str, expected: set[str]) -> None:
    assert set(default_lexicon().counts(text)) & set(DEFAULT_LABELS) == expected


def test_hyphen_and_exact_words() -> None:
    lex = Lexicon([Entry("organised_crime", "ru", "опг=", "ОПГ"), Entry("cyber_fraud", "ru", "интернет-мошенн", "x")])
    assert lex.counts("члены ОПГ и ОПГшники") == {"organised_crime": 1}
    assert lex.counts("интернет мошенники, интернет-мошенничество") == {"cyber_fraud": 2}
    assert lex.counts("интернет, мошенники") == {}  # a comma breaks a phrase


def test_longest_entry_wins_and_hits_do_not_overlap() -> None:
    lex = Lexicon([Entry("a", "ru", "торговл", "x"), Entry("b", "ru", "торговл людьми", "x")])
    assert lex.matches("торговля людьми") == [(0, 15, "b")]


def test_bad_lexicon_file_names_the_file(tmp_path) -> None:
    bad = tmp_path / "lex.tsv"
    bad.write_text("label\tlang\tpattern\texample\ndrugs\tkk\tесірткі\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="lex.tsv: data row 2"):
        read_lexicon(bad)


def test_labels_are_data() -> None:
    assert [lab.name for lab in load_labels(DATA / "labels.json")] == list(DEFAULT_LABELS)
    assert len(DEFAULT_LABELS) == 6
    with pytest.raises(ConfigError):
        check_labels([])


def test_most_specific_prefix_wins() -> None:
    assert default_lexicon().counts("Кибермошенничество и киберугрозы") == {"cyber_fraud": 1, "cybercrime": 1}


def _word_by_word(lex: Lexicon, text: str) -> list[tuple[int, int, str]]:
    """The matching rule read literally: at each word, the most specific entry whose words
    follow (spaces or hyphens between) wins and its words are consumed. The lexicon finds
    candidate words with one regex instead; both must agree."""
    import re

    text = text.lower().replace("ё", "е")
    toks = list(re.finditer(r"\w+", text))
    out, k = [], 0
    while k < len(toks):
        best = None
        for entry in lex.entries:
            ws = entry.words()
            if k + len(ws) > len(toks):
                continue
            ok = all((toks[k + j].group() == p) if whole else toks[k + j].group().startswith(p)
                     for j, (p, whole) in enumerate(ws))
            ok = ok and all(re.fullmatch(r"[\s\-]+", text[toks[k + j - 1].end():toks[k + j].start()])
                            for j in range(1, len(ws)))
            rank = (len(ws), len(ws[0][0]))
            if ok and (best is None or rank > best[0]):
                best = (rank, entry)
        if best is None:
            k += 1
            continue
        span = best[0][0]
        out.append((toks[k].start(), toks[k + span - 1].end(), best[1].label))
        k += span
    return out


@pytest.mark.parametrize("text", [
    "ОПГ-интернет-мошенники, опг и опгшник; торговля  людьми, торговля, людьми.",
    "Кибермошенничество и кибер мошенничество: кибер-атаки, DDoS, фишинг-сайттар.",
    "Ұйымдасқан қылмыстық топ, ұйымдасқан\nтоп және есірткі_сату, 2есірткі, Есірткі²",
    "Human trafficking, trafficking in persons; money laundering — cyber fraud, cyber-fraud.",
])
def test_candidate_search_agrees_with_the_word_by_word_rule(text: str) -> None:
    lex = default_lexicon()
    assert lex.matches(text) == _word_by_word(lex, text)


def test_candidate_search_agrees_on_every_example() -> None:
    lex = default_lexicon()
    for entry in ENTRIES:
        assert lex.matches(entry.example) == _word_by_word(lex, entry.example), entry.example


def _counts_word_by_word(lex: Lexicon, text: str) -> dict[str, int]:
    """Lexicon.counts read literally: hits of the word-by-word rule, then the combinations."""
    out: dict[str, int] = {}
    for _, _, label in _word_by_word(lex, text):
        out[label] = out.get(label, 0) + 1
    for c in lex.combos:
        n = min(out.get(h, 0) for h in c.needs)
        if n:
            out[c.label] = out.get(c.label, 0) + n
    return out


TRICKY = [
    "торговля - людьми, торговля -- людьми, торговля — людьми, торговля\t-\nлюдьми",
    "Ұйымдасқан  -  қылмыстық топ; ұйымдасқан (қылмыстық) топ; ұйымдасқан.қылмыстық топ",
    "кибер- мошенничество, кибер -мошенничество, -кибермошенничество-, 2кибермошенничество",
    "Есірткі\u00a0сату, ЕСІРТКІ_сату, есірткі²; Ёлка наркотиков  \n\n  взятка",
    "",
    "   ",
    "- - -",
]


@pytest.mark.parametrize("text", TRICKY)
def test_counts_from_tokens_agree_with_the_word_by_word_rule(text: str) -> None:
    lex = default_lexicon()
    assert lex.counts_tokens(tokens(text)) == lex.counts(text) == _counts_word_by_word(lex, text)
    assert lex.counts_tokens(text.split()) == lex.counts(text)  # tokens as split: read in their normalised form
    assert lex.matches(text) == _word_by_word(lex, text)


def _random_text(rng: random.Random, prefixes: list[str]) -> str:
    seps = ["", " ", "-", " - ", "--", "\t", "\n", ".", ",", "_", "2", "ё", "Ё", "(", "—", " -", "- ", "  ", "x", "ы"]
    return "".join(rng.choice(prefixes) + rng.choice(seps) + rng.choice(seps) for _ in range(rng.randint(1, 7)))


def test_counts_and_matches_agree_with_the_word_by_word_rule_on_random_texts() -> None:
    lex = default_lexicon()
    prefixes = [p for e in lex.entries for p, _ in e.words()]
    rng = random.Random(2024)
    for _ in range(300):
        text = _random_text(rng, prefixes)
        assert lex.matches(text) == _word_by_word(lex, text), text
        assert lex.counts_tokens(tokens(text)) == _counts_word_by_word(lex, text), text
        assert lex.counts_tokens(text.split()) == _counts_word_by_word(lex, text), text


def test_odd_patterns_agree_with_the_word_by_word_rule() -> None:
    # a later word of any form ("ab -"), a prefix that is no word ("ст."), whole words, a shared prefix
    entries = [Entry("x", "ru", p, "...") for p in ("ab -", "ст. ab", "ab=", "a b", "ab c=", "b", "ba ab")]
    lex = Lexicon(entries)
    rng = random.Random(5)
    for _ in range(300):
        text = _random_text(rng, ["a", "b", "ab", "ст", "c", "ba"])
        assert lex.matches(text) == _word_by_word(lex, text), text
        assert lex.counts_tokens(tokens(text)) == _counts_word_by_word(lex, text), text


def test_count_matrix_counts_each_text_alone() -> None:
    lex = default_lexicon()
    prefixes = [p for e in lex.entries for p, _ in e.words()]
    rng = random.Random(77)
    for _ in range(40):
        # texts that end or start in the middle of a multi-word entry must not join across the break
        texts = [_random_text(rng, prefixes) for _ in range(rng.randint(0, 12))] + ["торговля", "людьми", "", "-"]
        rng.shuffle(texts)
        counts = lex.count_matrix([t.split() if k % 2 else tokens(t) for k, t in enumerate(texts)])
        assert counts.shape == (len(texts), len(lex.labels))
        for text, row in zip(texts, counts.tolist()):
            assert {lab: c for lab, c in zip(lex.labels, row) if c} == _counts_word_by_word(lex, text), text


def test_count_matrix_of_a_token_batch_equals_count_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms looked up by token id, dead runs and text breaks joined into one ".": the counts of
    count_matrix, also after the token table started again (a small table: new forms by id)."""
    lex = default_lexicon()
    prefixes = [p for e in lex.entries for p, _ in e.words()]
    featuriser = CharNgrams(min_df=1).fit(["x"])
    rng = random.Random(78)
    tricky = ["торговля", "людьми", "", "-", "ТОРГОВЛЯ 2025 людьми", "торговля - людьми", "торговля\r\nлюдьми",
              "İİ наркотики İ", "Есірткі\u00a0сатушы", "сыбайлас   жемқорлық.", "2025 2026", "- -- наркотики --"]
    for limit in (500_000, 30):
        monkeypatch.setattr(features, "_TOKENS_MAX", limit)
        for _ in range(40):
            texts = [_random_text(rng, prefixes) for _ in range(rng.randint(0, 12))] + tricky
            rng.shuffle(texts)
            lists = [t.split() if k % 2 else tokens(t) for k, t in enumerate(texts)]
            assert (lex.count_matrix_batch(featuriser.token_batch(lists)) == lex.count_matrix(lists)).all(), texts
    assert lex.count_matrix_batch(featuriser.token_batch([])).shape == (0, len(lex.labels))
    assert lex.count_matrix_batch(featuriser.token_batch([[], []])).tolist() == [[0] * len(lex.labels)] * 2


def test_lexicon_for_compiles_only_the_restricted_lexicon() -> None:
    """The model's lexicon is built from the shipped entries, without compiling the whole lexicon first."""
    from kzlegalnlp.topics.lexicon import lexicon_for

    full = default_lexicon()
    default_lexicon.cache_clear()
    try:
        every = lexicon_for(DEFAULT_LABELS)
        assert default_lexicon.cache_info().currsize == 0
        assert (every.entries, every.combos, every.labels) == (full.entries, full.combos, full.labels)
        drugs = lexicon_for(["drugs"])
        assert drugs.entries == tuple(e for e in full.entries if e.label == "drugs") and drugs.combos == ()
        assert every.counts("Интернет-алаяқтар мен хакерлер") == full.counts("Интернет-алаяқтар мен хакерлер")
    finally:
        default_lexicon.cache_clear()
