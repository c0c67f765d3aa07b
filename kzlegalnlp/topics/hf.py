"""Optional transformers backend: fine-tune any *local* encoder directory for multi-label topics.

Same API as :class:`~kzlegalnlp.topics.TopicClassifier` (``fit``, ``predict``,
``predict_proba``, ``save``, ``load``, paragraph and document output) and the same
evaluation (``kzlegal evaluate topics --backend hf --encoder DIR``). Nothing is ever
downloaded: the encoder must be a directory with a ``config.json`` and tokenizer
files, it is opened with ``local_files_only=True``, and ``HF_HUB_OFFLINE`` is set.
Weights are saved as safetensors (no pickle) under a sha256 manifest.

Thresholds: chosen per label on the model's scores of its own training texts
(no inner cross-validation, which would multiply fine-tuning time).

Needs the ``hf`` extra: ``pip install 'kzlegalnlp[hf]'``.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import ConfigError, ModelError, require
from .base import DocumentMixin, label_matrix, thresholds_for
from .labels import DEFAULT_LABELS, check_labels
from .store import verify_manifest, write_manifest

HF_CONFIG = "hf_config.json"
FORMAT = "kzlegalnlp-topics-hf"


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _local_dir(path: str | Path) -> Path:
    p = Path(path)
    if not (p / "config.json").is_file():
        raise ConfigError(f"{p}: not a local encoder directory (no config.json); models are never downloaded")
    return p


class HFTopicClassifier(DocumentMixin):
    """Fine-tuned transformer encoder with a multi-label head (sigmoid per label).

    Args:
        encoder: local directory of a pretrained encoder and its tokenizer.
        labels: label names (default: the six shipped labels).
        epochs, lr, batch_size, max_length: fine-tuning settings.
        seed: torch seed, for repeatable runs.

    >>> HFTopicClassifier("/enc", epochs=2).get_params()["epochs"]
    2
    """

    def __init__(self, encoder: str | Path, labels: Sequence[str] | None = None, *, epochs: int = 3, lr: float = 5e-5,
                 batch_size: int = 16, max_length: int = 256, seed: int = 0) -> None:
        self.encoder = str(encoder)
        self.labels = labels
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.max_length = max_length
        self.seed = seed

    def _open(self, path: Path, num_labels: int) -> None:
        _offline()
        transformers = require("transformers", "hf", "the transformers topic backend")
        self.tokenizer_ = transformers.AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model_ = transformers.AutoModelForSequenceClassification.from_pretrained(
            str(path), num_labels=num_labels, problem_type="multi_label_classification", local_files_only=True)

    def fit(self, X: Sequence[str], y: Any, *, groups: Sequence | None = None, titles: Any = None,
            sample_weight: Sequence[float] | None = None) -> "HFTopicClassifier":
        """Fine-tune on texts and label lists (see :meth:`TopicClassifier.fit`)."""
        torch = require("torch", "hf", "the transformers topic backend")
        t0 = time.perf_counter()
        torch.manual_seed(self.seed)
        X = [str(x) for x in X]
        self.classes_ = check_labels(self.labels or DEFAULT_LABELS)
        Y = label_matrix(y, self.classes_).astype(np.float32)
        w = np.ones(len(X), np.float32) if sample_weight is None else np.asarray(sample_weight, np.float32)
        self._open(_local_dir(self.encoder), len(self.classes_))
        opt = torch.optim.AdamW(self.model_.parameters(), lr=self.lr)
        loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
        rng = np.random.default_rng(self.seed)
        self.losses_: list[float] = []
        self.model_.train()
        for _ in range(self.epochs):
            total = 0.0
            for batch in np.array_split(rng.permutation(len(X)), max(1, -(-len(X) // self.batch_size))):
                enc = self._encode([X[i] for i in batch])
                logits = self.model_(**enc).logits
                per = loss_fn(logits, torch.from_numpy(Y[batch])).mean(dim=1)
                loss = (per * torch.from_numpy(w[batch])).sum() / float(w[batch].sum())
                opt.zero_grad()
                loss.backward()
                opt.step()
                total += float(loss.detach()) * len(batch)
            self.losses_.append(total / len(X))
        P = self.predict_proba(X)
        self.thresholds_ = thresholds_for(P, Y.astype(int))
        self.doc_thresholds_ = self.thresholds_.copy()
        self.train_info_ = {"n_texts": len(X), "seconds": round(time.perf_counter() - t0, 2), "losses": self.losses_}
        return self

    def _encode(self, texts: Sequence[str]) -> Any:
        return self.tokenizer_(list(texts), truncation=True, max_length=self.max_length, padding=True,
                               return_tensors="pt")

    def predict_proba(self, X: Sequence[str], groups: Sequence | None = None, titles: Any = None) -> np.ndarray:
        """Sigmoid scores ``(n, labels)`` (``groups`` and ``titles`` are accepted for API parity, not used)."""
        torch = require("torch", "hf", "the transformers topic backend")
        if not hasattr(self, "model_"):
            raise ModelError("this HFTopicClassifier is not fitted: call fit() or HFTopicClassifier.load()")
        X = list(X)
        out = np.zeros((len(X), len(self.classes_)))
        self.model_.eval()
        with torch.no_grad():
            for s in range(0, len(X), self.batch_size):
                out[s:s + self.batch_size] = torch.sigmoid(self.model_(**self._encode(X[s:s + self.batch_size])).logits).numpy()
        self.model_.train()
        return out

    def save(self, path: str | Path) -> Path:
        """Write weights (safetensors), tokenizer, labels and thresholds, with a sha256 manifest."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        self.model_.save_pretrained(str(folder), safe_serialization=True)
        self.tokenizer_.save_pretrained(str(folder))
        cfg = {"format": FORMAT, "labels": list(self.classes_), "params": {**self.get_params(), "labels": list(self.classes_)},
               "thresholds": [float(t) for t in self.thresholds_],
               "doc_thresholds": [float(t) for t in self.doc_thresholds_], "train_info": self.train_info_}
        (folder / HF_CONFIG).write_text(json.dumps(cfg, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        files = [str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != "MANIFEST.json"]
        if any(f.endswith((".bin", ".pt", ".pkl")) for f in files):
            raise ModelError(f"{folder}: refusing to ship pickled weights")
        write_manifest(folder, files)
        return folder

    @classmethod
    def load(cls, path: str | Path) -> "HFTopicClassifier":
        """Read a directory written by :meth:`save` (manifest checked, local files only)."""
        folder = Path(path)
        verify_manifest(folder)
        cfg = json.loads((folder / HF_CONFIG).read_text(encoding="utf-8"))
        if cfg.get("format") != FORMAT:
            raise ModelError(f"{folder / HF_CONFIG}: not a {FORMAT} model")
        model = cls(**cfg["params"])
        model.classes_ = tuple(cfg["labels"])
        model._open(folder, len(model.classes_))
        model.thresholds_ = np.asarray(cfg["thresholds"], float)
        model.doc_thresholds_ = np.asarray(cfg["doc_thresholds"], float)
        model.train_info_ = cfg.get("train_info", {})
        return model
