"""What the ``kzlegal evaluate topics`` and ``kzlegal train`` commands do (the CLI only parses options).

>>> make_factory("linear") is None
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import ConfigError
from .data_io import load_training
from .labels import DEFAULT_LABELS, check_labels

BACKENDS = ("linear", "hf")


def make_factory(backend: str, encoder: str | None = None, labels: Sequence[str] = DEFAULT_LABELS,
                 epochs: int = 3) -> Callable[[], Any] | None:
    """A model builder for ``backend`` (None: the shipped linear configuration).

    >>> make_factory("hf")
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.ConfigError: the hf backend needs --encoder DIR (a local encoder directory)
    """
    if backend not in BACKENDS:
        raise ConfigError(f"backend must be one of {BACKENDS}, got {backend!r}")
    if backend == "linear":
        return None
    if not encoder:
        raise ConfigError("the hf backend needs --encoder DIR (a local encoder directory)")
    from .hf import HFTopicClassifier

    return lambda: HFTopicClassifier(encoder, labels=tuple(labels), epochs=epochs)


def evaluate_command(gold: str | None = None, folds: int = 5, backend: str = "linear", encoder: str | None = None,
                     as_json: bool = False, weak: bool = True, heldout: str | Path | None = None) -> str:
    """Run the grouped cross-validation on the bundled corpus and return the printed report.

    A held-out section follows: the shipped model on ``heldout`` (default: the repository's
    ``tests/data/topics_heldout.jsonl`` when it is there, as in a source checkout).
    """
    from ..corpus import load_corpus
    from .evaluate import evaluate_topics
    from .heldout import REPO_HELDOUT, evaluate_heldout_file

    report = evaluate_topics(list(load_corpus()), gold=gold, folds=folds, make_model=make_factory(backend, encoder),
                             weak=weak)
    path = Path(heldout) if heldout else REPO_HELDOUT
    held = evaluate_heldout_file(path) if heldout or REPO_HELDOUT.is_file() else None
    if as_json:
        return json.dumps({**report.to_dict(), "heldout": held.to_dict() if held else None}, indent=1)
    return "\n".join(report.lines() + (held.lines(path.name) if held else []))


def train_command(data: str | Path, out: str | Path, labels: str | None = None, backend: str = "linear",
                  encoder: str | None = None, epochs: int = 3, C: float | str = "auto") -> str:
    """Train on a user's JSONL (format: :mod:`kzlegalnlp.topics.data_io`) and save to ``out``.

    ``labels`` is a comma-separated list; by default the labels found in the file. ``C`` (linear
    backend): a number, or ``"auto"`` to choose it as the shipped model does, by a cross-validation
    grouped by ``doc`` on the file's full-weight rows (see :mod:`kzlegalnlp.topics.select`).
    """
    rows = load_training(data)
    names = check_labels(labels.split(",")) if labels else check_labels(rows.label_names())
    if backend == "linear":
        from .model import TopicClassifier

        model: Any = TopicClassifier(labels=names, C=C, min_df=1 if len(rows.texts) < 200 else 2)
    else:
        factory = make_factory(backend, encoder, names, epochs)
        assert factory is not None
        model = factory()
    extra = {"doc_labels": rows.doc_labels} if backend == "linear" else {}  # the linear model chooses its document rule
    model.fit(rows.texts, rows.labels, groups=rows.groups, titles=rows.titles, sample_weight=rows.weights, **extra)
    model.save(out)
    chosen = f"C {model.C_:g}; " if hasattr(model, "C_") else ""
    return (f"trained {backend} model on {len(rows.texts)} paragraphs, labels {', '.join(names)}; {chosen}"
            f"thresholds {', '.join(f'{t:.2f}' for t in model.thresholds_)} -> {out}")
