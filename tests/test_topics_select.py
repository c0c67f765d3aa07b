"""Choosing C inside fit by grouped cross-validation on the training data only (nested inside evaluation)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kzlegalnlp.errors import ConfigError
from kzlegalnlp.topics import TopicClassifier
from kzlegalnlp.topics.select import c_grid, inner_folds, select_C

# Hand-written, not from the corpus: two topics and unrelated sentences, one document each.
FRAUD = ["Мошенники похитили деньги с карты через фальшивый сайт банка.",
         "Алаяқтар SMS арқылы жалған сілтеме жіберіп, ақша ұрлады.",
         "Телефонные мошенники представлялись сотрудниками банка.", "Интернет-алаяқтық құрбандарының саны өсті.",
         "Scammers used fake investment platforms to steal savings.",
         "Злоумышленники рассылали ссылки на поддельные сайты и списывали деньги со счетов.",
         "Алаяқтар әлеуметтік желіде жалған ұтыс ойынын ұйымдастырды.",
         "Мошенники убедили пенсионерку перевести сбережения на «безопасный счёт»."]
BRIBES = ["Аким района задержан при получении взятки.", "Лауазымды адам пара алғаны үшін сотталды.",
          "Сыбайлас жемқорлыққа қарсы агенттік тексеріс жүргізді.", "Коррупционные схемы в госзакупках раскрыты.",
          "The official accepted a bribe to approve the contract.", "Депутат маслихата получил взятку от подрядчика.",
          "Чиновники брали взятки за выдачу лицензий.", "Мемлекеттік қызметші пара бергені үшін жауапқа тартылды."]
OTHER = ["Конференция открылась приветственным словом ректора.", "Қатысушылар тізімі бағдарламаға қоса берілген.",
         "Погода в день конференции была солнечной.", "Әдебиеттер тізімі мақаланың соңында келтірілген.",
         "The participants discussed the schedule of the next meeting.", "Секция продолжила работу после обеда.",
         "Баяндамашылар тәжірибе алмасты.", "Ректор поблагодарил участников и пожелал успешной работы."]
TEXTS = FRAUD + BRIBES + OTHER
LABELS = [["fraud"]] * len(FRAUD) + [["bribes"]] * len(BRIBES) + [[]] * len(OTHER)
GROUPS = [f"d{i}" for i in range(len(TEXTS))]


def _model(C: object) -> TopicClassifier:
    return TopicClassifier(labels=["fraud", "bribes"], C=C, min_df=1, cv=3, use_articles=False)  # type: ignore[arg-type]


# negatives sharing words with the topics (bank, cards, officials, agency): only a weakly
# regularised model separates them from the topic sentences
HARD = ["Сотрудники банка рассказали о новых картах и сайте банка.", "Агенттік жаңа ғимаратқа көшті.",
        "Депутат маслихата открыл новую школу.", "Пенсионерка получила деньги на карту вовремя.",
        "The official opened the investment forum.", "Жалған ақпарат туралы дәріс оқылды.",
        "Телефонные операторы снизили тарифы для пенсионеров.", "Аким района выступил на сессии маслихата."]


def test_the_clearly_better_C_is_chosen() -> None:
    """C=0.001 shrinks every coefficient to almost nothing and cannot tell the hard negatives
    from the topics: its inner-CV score is far below C=10's."""
    texts, labels = TEXTS + HARD, LABELS + [[]] * len(HARD)
    clf = _model((0.001, 10)).fit(texts, labels, groups=[f"d{i}" for i in range(len(texts))])
    assert clf.C_ == 10.0 and clf.C_scores_[10.0] > clf.C_scores_[0.001] + 0.1, clf.C_scores_
    assert clf.train_info_["C"] == 10.0


def test_equal_scores_go_to_the_smaller_C() -> None:
    calls: list[float] = []

    def fit_part(rows: np.ndarray, C: float) -> object:
        calls.append(C)
        return type("Fitted", (), {"thresholds_": np.array([0.5]), "doc_thresholds_": np.array([0.5]),
                                   "doc_rule_": (1, False)})()

    Y = np.array([[1], [0]] * 3)
    C, scores = select_C([10.0, 3.0], fit_part, lambda m, rows: Y[rows] * 0.8 + 0.1, Y, [0, 0, 1, 1, 2, 2],
                         np.ones(6, bool), {}, ["x"], 3)
    assert (C, scores) == (3.0, {3.0: 1.0, 10.0: 1.0}) and calls == [3.0] * 3 + [10.0] * 3


def test_inner_test_rows_never_train_and_weak_rows_always_do() -> None:
    """Every inner model is fitted without its test documents; rows below full weight are never scored."""
    groups = ["a", "a", "b", "b", "c", "c", "weak1", "weak2"]
    scored = np.array([1, 1, 1, 1, 1, 1, 0, 0], bool)
    Y = np.array([[1], [0], [1], [0], [1], [0], [1], [0]])
    fitted_on: list[set[int]] = []

    class Fitted:
        thresholds_ = doc_thresholds_ = np.array([0.5])
        doc_rule_ = (1, False)

        def __init__(self, rows: np.ndarray) -> None:
            self.rows = set(rows.tolist())
            fitted_on.append(self.rows)

    def score_part(model: Fitted, rows: np.ndarray) -> np.ndarray:
        assert not model.rows & set(rows.tolist()), "an inner test row was in the inner training part"
        assert not {6, 7} & set(rows.tolist()), "a weak row was scored"
        return np.full((len(rows), 1), 0.9)

    select_C([1.0, 10.0], lambda rows, C: Fitted(rows), score_part, Y, groups, scored, {}, ["x"], 3)
    assert len(fitted_on) == 6 and all({6, 7} <= rows for rows in fitted_on)


def test_inner_folds_keep_documents_whole() -> None:
    groups = ["a", "a", "b", "b", "b", "c", "w"]
    folds = inner_folds(groups, np.array([1, 1, 1, 1, 1, 1, 0], bool), 3)
    assert sorted(sorted({groups[i] for i in te}) for _, te in folds) == [["a"], ["b"], ["c"]]
    assert inner_folds(["a", "a", "w"], np.array([1, 1, 0], bool), 3) == []  # one scored document: no folds


def test_a_fixed_C_is_used_as_given_and_bad_values_are_refused() -> None:
    clf = _model(3.0).fit(TEXTS, LABELS, groups=GROUPS)
    assert clf.C_ == 3.0 and clf.C_scores_ == {}
    with pytest.raises(ConfigError, match="C must be"):
        c_grid(-1)
    with pytest.raises(ConfigError, match="C must be"):
        _model("best").fit(TEXTS, LABELS)


def test_auto_C_round_trips_through_save_and_load(tmp_path) -> None:
    clf = _model("auto").fit(TEXTS, LABELS, groups=GROUPS)
    assert set(clf.C_scores_) == set(c_grid("auto")) and clf.C_ in c_grid("auto")
    back = TopicClassifier.load(clf.save(tmp_path / "m"))
    assert back.C == "auto" and back.C_ == clf.C_
    np.testing.assert_allclose(back.predict_proba(TEXTS), clf.predict_proba(TEXTS), atol=1e-5)
    config = json.loads((tmp_path / "m" / "config.json").read_text(encoding="utf-8"))
    assert config["C_"] == clf.C_ and config["params"]["C"] == "auto"


def test_the_chosen_C_is_refitted_on_all_the_training_data() -> None:
    chosen = _model((0.001, 10)).fit(TEXTS, LABELS, groups=GROUPS)
    fixed = _model(chosen.C_).fit(TEXTS, LABELS, groups=GROUPS)
    np.testing.assert_allclose(chosen.coef_, fixed.coef_, atol=1e-6)
    assert (chosen.thresholds_ == fixed.thresholds_).all()
