"""The transformers backend: a tiny BERT and WordPiece tokenizer built locally, real training and inference."""

from __future__ import annotations

import inspect
import os

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("tokenizers")

from kzlegalnlp.topics import TopicClassifier, classify, load_model  # noqa: E402
from kzlegalnlp.topics.hf import HFTopicClassifier  # noqa: E402
from kzlegalnlp.errors import ConfigError, ModelError  # noqa: E402
from kzlegalnlp.records import Document, Paragraph  # noqa: E402

TRAIN = [
    ("мошенники похитили деньги через сайт банка", ["fraud"]),
    ("алаяқтар картадан ақша ұрлады", ["fraud"]),
    ("мошенники звонили от имени банка", ["fraud"]),
    ("чиновник получил взятку", ["bribes"]),
    ("лауазымды адам пара алды", ["bribes"]),
    ("аким брал взятки", ["bribes"]),
    ("конференция открылась утром", []),
    ("погода была солнечной", []),
]


@pytest.fixture(scope="module")
def encoder(tmp_path_factory) -> str:
    """A tiny random BERT with a WordPiece vocabulary trained here: nothing comes from a hub."""
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    d = tmp_path_factory.mktemp("tiny-bert")
    corpus = d / "corpus.txt"
    corpus.write_text("\n".join(t for t, _ in TRAIN) * 5, encoding="utf-8")
    wp = BertWordPieceTokenizer(lowercase=True)
    wp.train([str(corpus)], vocab_size=300, min_frequency=1)
    wp.save_model(str(d))
    # transformers 5 names the argument ``vocab``; older releases ``vocab_file``
    key = "vocab" if "vocab" in inspect.signature(BertTokenizerFast.__init__).parameters else "vocab_file"
    tok = BertTokenizerFast(**{key: str(d / "vocab.txt")})
    assert "[UNK]" not in tok.tokenize(TRAIN[0][0])
    tok.save_pretrained(str(d))
    config = BertConfig(vocab_size=wp.get_vocab_size(), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    BertModel(config).save_pretrained(str(d))
    return str(d)


@pytest.fixture(scope="module")
def fitted(encoder: str) -> HFTopicClassifier:
    clf = HFTopicClassifier(encoder, labels=["fraud", "bribes"], epochs=30, lr=3e-3, batch_size=4, max_length=32)
    return clf.fit([t for t, _ in TRAIN], [y for _, y in TRAIN])


def test_training_lowers_the_loss_and_learns(fitted: HFTopicClassifier) -> None:
    assert fitted.losses_[-1] < fitted.losses_[0] / 2
    assert fitted.predict_labels([t for t, _ in TRAIN]) == [y for _, y in TRAIN]
    P = fitted.predict_proba(["чиновник получил взятку"])
    assert P.shape == (1, 2) and P[0, 1] > P[0, 0]


def test_save_load_same_scores_and_no_pickle(fitted: HFTopicClassifier, tmp_path) -> None:
    d = fitted.save(tmp_path / "hf")
    assert (d / "model.safetensors").is_file() and not list(d.glob("*.bin"))
    back = load_model(d)
    assert isinstance(back, HFTopicClassifier) and back.classes_ == ("fraud", "bribes")
    assert isinstance(TopicClassifier.load(d), HFTopicClassifier)  # what `kzlegal tag --model DIR` calls
    texts = [t for t, _ in TRAIN]
    np.testing.assert_allclose(back.predict_proba(texts), fitted.predict_proba(texts), atol=1e-5)
    (d / "hf_config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="sha256 differs"):
        HFTopicClassifier.load(d)


def test_documents_through_the_same_api(fitted: HFTopicClassifier) -> None:
    paras = tuple(Paragraph(t, 0, len(t), i + 1, i + 1, "ru", i) for i, (t, _) in enumerate(TRAIN[3:8]))
    doc = Document("d", "x.txt", "paper", "ru", None, (), None, None, 1, 5, 0, 0, paragraphs=paras)
    t = classify(doc, model=fitted)
    assert t.primary == "bribes" and set(t.evidence["bribes"]) <= {0, 1, 2}


def test_refuses_a_non_local_encoder() -> None:
    with pytest.raises(ConfigError, match="never downloaded"):
        HFTopicClassifier("bert-base-multilingual-cased", labels=["a"]).fit(["x"], [["a"]])
