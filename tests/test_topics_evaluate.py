"""Gold join, training-file format, grouped cross-validation without leakage, the CLI commands."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kzlegalnlp.topics import TopicClassifier
from kzlegalnlp.topics.data_io import gold_rows, load_training, read_gold
from kzlegalnlp.topics.evaluate import evaluate_topics
from kzlegalnlp.errors import AnnotationError
from kzlegalnlp.records import Document, Paragraph

FRAUD = ["Мошенники похитили деньги через поддельный сайт банка.", "Алаяқтар SMS арқылы жалған сілтеме жіберді.",
         "Телефонные мошенники представлялись сотрудниками банка.", "Scammers stole savings with fake apps.",
         "Злоумышленники выманили коды из SMS у пенсионеров.", "Интернет-алаяқтар картадан ақша ұрлады."]
BRIBES = ["Аким задержан при получении взятки.", "Лауазымды адам пара алды.", "The mayor took a bribe.",
          "Чиновники брали взятки за лицензии.", "Сыбайлас жемқорлық фактілері анықталды.",
          "Депутат получил взятку от подрядчика."]
OTHER = ["Конференция открылась в девять часов.", "Секция продолжила работу после обеда.",
         "Қатысушылар тәжірибе алмасты.", "The programme lists the speakers.", "Погода была солнечной.",
         "Баяндамалар жинаққа енді."]


def _corpus() -> tuple[list[Document], list[dict]]:
    """Six documents of three paragraphs on lines 1, 3, 5 of their own file, and their gold."""
    docs, gold = [], []
    for d in range(6):
        topic = "fraud" if d % 2 == 0 else "bribes"
        texts = [(FRAUD if topic == "fraud" else BRIBES)[d], (FRAUD if topic == "fraud" else BRIBES)[(d + 1) % 6],
                 OTHER[d]]
        src = f"doc{d}.txt"
        paras = tuple(Paragraph(t, 0, len(t), 2 * i + 1, 2 * i + 1, "ru", i) for i, t in enumerate(texts))
        docs.append(Document(f"doc{d}", src, "paper", "ru", None, (), None, None, 1, 6, 0, 0, paragraphs=paras))
        gold.append({"type": "document", "source": src, "line_start": 1, "line_end": 6, "title": None,
                     "labels": [topic], "primary": topic})
        for i in range(3):
            gold.append({"type": "paragraph", "source": src, "line_start": 2 * i + 1, "line_end": 2 * i + 2,
                         "labels": [topic] if i < 2 else []})
    return docs, gold


def _write(path, records) -> None:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")


def test_gold_join_by_first_line(tmp_path) -> None:
    docs, gold = _corpus()
    _write(tmp_path / "topics.jsonl", gold)
    rows = gold_rows(docs, tmp_path / "topics.jsonl")
    assert len(rows.texts) == 18 and rows.labels[:3] == [["fraud"], ["fraud"], []]
    assert rows.doc_labels["doc1"] == ["bribes"] and rows.doc_primary["doc0"] == "fraud"
    paras, gdocs = read_gold(tmp_path / "topics.jsonl")
    assert len(paras) == 18 and len(gdocs) == 6


def test_bad_gold_names_file_and_line(tmp_path) -> None:
    (tmp_path / "g.jsonl").write_text('{"type": "paragraph", "source": "a.txt"}\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"g.jsonl:1: paragraph record needs"):
        read_gold(tmp_path / "g.jsonl")


class Spy(TopicClassifier):
    """Records what each fold trained on, to prove no test paragraph was seen."""

    seen: list[set[str]] = []

    def fit(self, X, y, **kw):  # type: ignore[override]
        Spy.seen.append(set(X))
        return super().fit(X, y, **kw)

    def predict_proba(self, X, groups=None, titles=None):  # type: ignore[override]
        assert not set(X) & Spy.seen[-1], "a test paragraph was in training"
        return super().predict_proba(X, groups, titles)


def test_grouped_cv_never_trains_on_a_test_document(tmp_path) -> None:
    docs, gold = _corpus()
    _write(tmp_path / "topics.jsonl", gold)
    Spy.seen = []
    report = evaluate_topics(docs, gold=tmp_path / "topics.jsonl", folds=3, labels=["fraud", "bribes"],
                             make_model=lambda: Spy(labels=["fraud", "bribes"], min_df=1, use_articles=False))
    assert len(Spy.seen) == 3 and report.folds == 3 and report.n_documents == 6
    par = report.model["paragraph"]
    assert par.n == 18 and par.per_label["fraud"]["support"] == 6
    assert report.model["document"].n == 6
    assert set(report.baseline) == {"paragraph", "document"}
    text = "\n".join(report.lines())
    assert "macro-F1 mission labels" in text and "lexicon F1" in text
    assert json.loads(json.dumps(report.to_dict()))["folds"] == 3


class SelectionSpy(TopicClassifier):
    """Records the documents each fold's choice of C saw, and the documents it then predicted."""

    selected_on: list[set[str]] = []
    predicted: list[set[str]] = []

    def _select_C(self, D, Y, w, groups, doc_labels, N):  # type: ignore[override]
        SelectionSpy.selected_on.append(set(groups) | set(doc_labels or {}))
        return super()._select_C(D, Y, w, groups, doc_labels, N)

    def predict_proba(self, X, groups=None, titles=None):  # type: ignore[override]
        SelectionSpy.predicted.append(set(groups))
        return super().predict_proba(X, groups, titles)


def test_nested_cv_chooses_C_without_the_folds_test_documents(tmp_path) -> None:
    docs, gold = _corpus()
    _write(tmp_path / "topics.jsonl", gold)
    SelectionSpy.selected_on, SelectionSpy.predicted = [], []
    report = evaluate_topics(docs, gold=tmp_path / "topics.jsonl", folds=3, labels=["fraud", "bribes"],
                             make_model=lambda: SelectionSpy(labels=["fraud", "bribes"], C=(1.0, 10.0), min_df=1,
                                                             use_articles=False))
    assert len(SelectionSpy.selected_on) == len(SelectionSpy.predicted) == 3
    for seen, tested in zip(SelectionSpy.selected_on, SelectionSpy.predicted):
        assert tested and not seen & tested, "a test document took part in choosing C"
    assert len(report.chosen_C) == 3 and set(report.chosen_C) <= {1.0, 10.0}
    assert "C chosen in each fold" in "\n".join(report.lines())


def test_training_file_format(tmp_path) -> None:
    f = tmp_path / "train.jsonl"
    _write(f, [{"text": "a", "labels": ["x"], "doc": "d1", "weight": 0.5}, {"text": "b", "labels": []},
               {"type": "document", "doc": "d1", "labels": ["x"]}])
    rows = load_training(f)
    assert rows.texts == ["a", "b"] and rows.weights == [0.5, 1.0] and rows.doc_labels == {"d1": ["x"]}
    _write(f, [{"text": "a", "labels": "x"}])
    with pytest.raises(AnnotationError, match="train.jsonl:1: 'labels' must be a list"):
        load_training(f)


def test_cli_train_then_classify(tmp_path) -> None:
    from typer.testing import CliRunner

    from kzlegalnlp.topics import classify
    from kzlegalnlp.cli import app

    docs, _ = _corpus()
    data = tmp_path / "my.jsonl"
    _write(data, [{"text": t, "labels": [lab], "doc": f"d{i}"} for i, (t, lab) in
                  enumerate([(x, "fraud") for x in FRAUD] + [(x, "bribes") for x in BRIBES])]
           + [{"text": t, "labels": [], "doc": f"o{i}"} for i, t in enumerate(OTHER)])
    res = CliRunner().invoke(app, ["train", "--data", str(data), "--out", str(tmp_path / "model")])
    assert res.exit_code == 0, res.output
    assert "labels bribes, fraud" in res.output and "; C " in res.output  # C chosen by grouped CV on the file
    model = TopicClassifier.load(tmp_path / "model")
    assert len(model.train_info_["C_scores"]) == 3 and model.C == "auto"  # every candidate C was scored
    assert classify("Мошенники похитили деньги через поддельный сайт банка.", model=model).primary == "fraud"
    assert classify(docs[1], model=str(tmp_path / "model")).primary == "bribes"
    assert (model.doc_thresholds_ == model.thresholds_).all()


def test_cli_train_takes_a_fixed_C_or_refuses_a_bad_one(tmp_path) -> None:
    from typer.testing import CliRunner

    from kzlegalnlp.cli import app

    data = tmp_path / "my.jsonl"
    _write(data, [{"text": t, "labels": ["fraud"], "doc": f"d{i}"} for i, t in enumerate(FRAUD)]
           + [{"text": t, "labels": [], "doc": f"o{i}"} for i, t in enumerate(OTHER)])
    res = CliRunner().invoke(app, ["train", "--data", str(data), "--out", str(tmp_path / "m"), "--C", "3"])
    assert res.exit_code == 0 and "; C 3;" in res.output, res.output
    assert TopicClassifier.load(tmp_path / "m").C == 3.0
    res = CliRunner().invoke(app, ["train", "--data", str(data), "--out", str(tmp_path / "m2"), "--C", "x"])
    assert res.exit_code == 2 and "--C must be a number" in res.output


def test_cli_errors_name_the_file_and_exit_2(tmp_path) -> None:
    from typer.testing import CliRunner

    from kzlegalnlp.cli import app

    res = CliRunner().invoke(app, ["train", "--data", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "m")])
    assert res.exit_code == 2 and "none.jsonl: no such file" in res.output


def test_cli_train_chooses_the_document_rule_from_document_lines(tmp_path) -> None:
    """Here a document is about fraud when ONE paragraph is: the rule must come from the document lines."""
    from typer.testing import CliRunner

    from kzlegalnlp.cli import app
    from kzlegalnlp.topics import classify

    records: list[dict] = []
    for d in range(8):
        fraud = d % 2 == 0
        texts = ([FRAUD[d // 2]] if fraud else [OTHER[d % 6]]) + [OTHER[(d + 1) % 6], OTHER[(d + 2) % 6]]
        records += [{"text": t, "labels": ["fraud"] if fraud and i == 0 else [], "doc": f"d{d}"}
                    for i, t in enumerate(texts)]
        records.append({"type": "document", "doc": f"d{d}", "labels": ["fraud"] if fraud else []})
    _write(tmp_path / "my.jsonl", records)
    res = CliRunner().invoke(app, ["train", "--data", str(tmp_path / "my.jsonl"), "--out", str(tmp_path / "m")])
    assert res.exit_code == 0, res.output
    model = TopicClassifier.load(tmp_path / "m")
    assert model.doc_rule_ == (1, False)
    doc = classify("Мошенники выманили код из SMS и сняли деньги.\n\nКонференция открылась.\n\nПогода была солнечной.",
                   model=model)
    assert doc.labels == ("fraud",)
