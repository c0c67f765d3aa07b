"""Saving and loading models without pickle, with a sha256 manifest checked on load.

A linear model directory holds:

* ``config.json``: format, labels, parameters, the regularisation used (``C_``: ``params.C`` may be
  ``"auto"`` or a grid, see :mod:`kzlegalnlp.topics.select`), paragraph and document thresholds, the
  document rule (``doc_rule``) and the penalty for topics named only in enumerations;
* ``vocab.json``: the n-gram vocabulary in column order;
* ``arrays.npz``: ``idf``, ``coef``, ``intercept`` (read with ``allow_pickle=False``);
* ``MANIFEST.json``: the sha256 of each file above. A changed, missing or extra
  model file makes :func:`verify_manifest` raise :class:`~kzlegalnlp.errors.ModelError`.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("x")
>>> write_manifest(d, ["a.txt"]); verify_manifest(d)
['a.txt']
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import ModelError

FORMAT = "kzlegalnlp-topics-linear"
FORMAT_VERSION = 1
MANIFEST = "MANIFEST.json"


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(folder: Path, files: Sequence[str]) -> None:
    """Record the sha256 of ``files`` (relative to ``folder``) in ``MANIFEST.json``."""
    data = {"algorithm": "sha256", "files": {f: sha256(folder / f) for f in sorted(files)}}
    (folder / MANIFEST).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def verify_manifest(folder: Path) -> list[str]:
    """Check every file listed in the manifest; return their names.

    >>> verify_manifest(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.ModelError: /nonexistent: not a model directory (no MANIFEST.json)
    """
    man = folder / MANIFEST
    if not man.is_file():
        raise ModelError(f"{folder}: not a model directory (no {MANIFEST})")
    try:
        files = json.loads(man.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError) as exc:
        raise ModelError(f"{man}: unreadable manifest ({exc})") from exc
    for name, digest in files.items():
        f = folder / name
        if not f.is_file():
            raise ModelError(f"{f}: listed in {MANIFEST} but missing")
        if sha256(f) != digest:
            raise ModelError(f"{f}: sha256 differs from {MANIFEST}; the file was changed or corrupted")
    return sorted(files)


def save_linear(model: Any, folder: Path) -> Path:
    """Write a fitted :class:`~kzlegalnlp.topics.TopicClassifier` to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    params = model.get_params()
    params["ngram_range"] = list(params["ngram_range"])
    params["labels"] = list(model.classes_)
    if not isinstance(params["C"], (str, int, float)):
        params["C"] = [float(c) for c in params["C"]]
    config = {"format": FORMAT, "format_version": FORMAT_VERSION, "labels": list(model.classes_), "params": params,
              "C_": float(model.C_),
              "thresholds": [float(t) for t in model.thresholds_],
              "doc_thresholds": [float(t) for t in model.doc_thresholds_],
              "enumeration_penalty": float(getattr(model, "enumeration_penalty_", 0.0)),
              "doc_rule": [int(model.doc_rule_[0]), bool(model.doc_rule_[1])],
              "aggregation": "document score per label = the k-th best paragraph score, or the mean of the k best "
                             "(doc_rule = [k, mean]), against doc_thresholds",
              "train_info": getattr(model, "train_info_", {})}
    (folder / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    vocab = sorted(model.featurizer_.vocabulary_, key=model.featurizer_.vocabulary_.get)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    np.savez_compressed(folder / "arrays.npz", idf=model.featurizer_.idf_.astype(np.float32),
                        coef=model.coef_.astype(np.float32), intercept=model.intercept_.astype(np.float32))
    write_manifest(folder, ["config.json", "vocab.json", "arrays.npz"])
    return folder


def load_linear(cls: type, folder: Path) -> Any:
    """Read a directory written by :func:`save_linear` into a new ``cls`` instance."""
    from .features import CharNgrams
    from .lexicon import lexicon_for

    verify_manifest(folder)
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if config.get("format") != FORMAT:
            raise ModelError(f"{folder / 'config.json'}: format {config.get('format')!r} is not {FORMAT!r}")
        vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        with np.load(folder / "arrays.npz", allow_pickle=False) as z:
            idf, coef, intercept = z["idf"], z["coef"], z["intercept"]
    except (ValueError, KeyError, OSError) as exc:
        raise ModelError(f"{folder}: unreadable model file ({exc})") from exc
    params = dict(config["params"])
    params["ngram_range"] = tuple(params["ngram_range"])
    params.setdefault("context_prior", 0.0)  # models saved before the share was shrunk used the plain share
    model = cls(**params)
    model.classes_ = tuple(config["labels"])
    model.featurizer_ = CharNgrams(params["ngram_range"], params["min_df"], params["max_features"],
                                  params.get("analyzer", "char"))
    model.featurizer_.set_vocabulary(vocab, idf)
    model.coef_, model.intercept_ = coef, intercept
    model.C_ = float(config.get("C_", params["C"]))  # models saved before C could be chosen had a number
    model.thresholds_ = np.asarray(config["thresholds"], float)
    model.doc_thresholds_ = np.asarray(config["doc_thresholds"], float)
    if "doc_rule" in config:  # models saved before the rule was chosen use the class default
        model.doc_rule_ = (int(config["doc_rule"][0]), bool(config["doc_rule"][1]))
    model.enumeration_penalty_ = float(config.get("enumeration_penalty", 0.0))  # 0 in models saved before it
    model.train_info_ = config.get("train_info", {})
    model._lexicon = lexicon_for(model.classes_)
    n_rows = len(vocab) + (5 if params.get("context_weight") else 2) * len(model.classes_)
    if coef.shape != (n_rows, len(model.classes_)) or len(idf) != len(vocab):
        raise ModelError(f"{folder}: arrays do not match the vocabulary ({coef.shape} vs {n_rows} rows)")
    return model
