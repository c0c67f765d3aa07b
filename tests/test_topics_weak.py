"""Article evidence: the cheap skips (no digit, no code key) against the plain rule, which asks the extractor."""

from __future__ import annotations

import random

import numpy as np
import pytest

from kzlegalnlp.extract.articles import extract_articles
from kzlegalnlp.topics import features
from kzlegalnlp.topics.features import CharNgrams, tokens
from kzlegalnlp.topics.weak import _text_bits, article_topics, batch_bits, evidence


def _plain(text: str) -> dict[str, int]:
    """Topics of every reference the extractor finds in the text, counted."""
    out: dict[str, int] = {}
    for ref in extract_articles(text):
        for topic in ref.topics:
            out[topic] = out.get(topic, 0) + 1
    return out


# a code named (upper case, Kazakh, English, over a line break), none named, a key only in lower case or
# inside a word, no digit
TRICKY = [
    "Осуждён по ч. 2 ст. 190 УК РК и ст. 366 УК.", "ҚР ҚК 190-бабының 2-бөлігі; осы Кодекстің 366-бабы",
    "Article 190 of the Criminal Code of Kazakhstan", "Уголовного\nкодекса РФ ст.\u00a0159",
    "Статья 190, статья 366, 205-бап: код не назван.", "настоящего Кодекса ст. 190",
    "ук 190 и кодекс 366 (строчными)", "НАУКА 190, УКАЗ 366", "без цифр: УК РК, Кодекс", "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts(text: str) -> None:
    assert article_topics(text) == article_topics(text, tokens(text)) == article_topics(text, text.split()) == _plain(text)


def test_seeded_random_texts() -> None:
    pieces = ["ст. 190", " УК РК", " ҚК", " 190-бабы", "ч. 2 ", "Уголовного кодекса РФ", "настоящего Кодекса",
              "осы Кодекстің", " 366 ", "ст.ст. 205, 206", "КоАП", "статьей 190 (мошенничество)", " Criminal Code ",
              "Article 190 of the", " и ", ", ", "\n", "ҚР ҚК 205-бабы", "УПК", "Закона", "РК", "Казахстан", "п. 4)",
              "204-бап", "УК", "кодекс", "ук", "159"]
    rng = random.Random(31)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert article_topics(text) == article_topics(text, text.split()) == _plain(text), text


def test_evidence_from_tokens_equals_evidence_text_by_text() -> None:
    labels = ["cyber_fraud", "drugs", "corruption", "trafficking", "fraud"]  # "fraud" is a helper of combinations
    rng = random.Random(8)
    words = ["интернет-алаяқтар", "мошенничество", "в", "сети", "наркотиков", "взятку", "торговля", "людьми", "ст.",
             "190", "УК", "РК", "ақша", "ұрлады", "банк", "карта", "телефон", "-", ",", "\n"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))) for _ in range(200)] + TRICKY
    plain = evidence(texts, labels)
    assert np.array_equal(evidence(texts, labels, token_lists=[tokens(t) for t in texts]), plain)
    assert np.array_equal(evidence(texts, labels, token_lists=[t.split() for t in texts]), plain)
    batch = CharNgrams(min_df=1).fit(["x"]).token_batch([t.split() for t in texts])
    assert np.array_equal(evidence(texts, labels, token_lists=batch), plain)
    assert plain.any()


def test_bits_of_a_token_batch_equal_the_bits_of_each_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """By token id, with empty texts anywhere and a token table that starts again."""
    featuriser = CharNgrams(min_df=1).fit(["x"])
    rng = random.Random(9)
    words = ["ст.", "190", "УК", "ук", "ҚК", "РК", "Кодекса", "2x", "ѳ", "İ", "ақша", "\r\n", "-"]
    for limit in (500_000, 5):
        monkeypatch.setattr(features, "_TOKENS_MAX", limit)
        for _ in range(60):
            texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 9))]
            lists = [t.split() for t in texts]
            assert batch_bits(featuriser.token_batch(lists)).tolist() == [_text_bits(t) for t in lists], texts
