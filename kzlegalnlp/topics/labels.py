"""The topic label set, read from ``data/labels.json``.

The labels are data: the default set lives in a JSON file, and any other list of
names can be trained (``TopicClassifier(labels=[...])`` or the labels found in a
training JSONL file).

>>> DEFAULT_LABELS[:2]
('cyber_fraud', 'corruption')
>>> MISSION_LABELS
('cyber_fraud', 'corruption', 'trafficking', 'organised_crime')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Label:
    """One topic: its name, whether it is a mission label, and what it covers.

    >>> Label("drugs", False, "Illicit drugs.", "Есірткі тәркіленді.").name
    'drugs'
    """

    name: str
    mission: bool
    description: str
    example: str


def load_labels(path: str | Path | None = None) -> tuple[Label, ...]:
    """Read a label file (default: the shipped ``labels.json``).

    >>> [lab.name for lab in load_labels()][-1]
    'cybercrime'
    """
    path = Path(path) if path else DATA / "labels.json"
    items = json.loads(path.read_text(encoding="utf-8"))["labels"]
    return tuple(Label(i["name"], bool(i.get("mission")), i.get("description", ""), i.get("example", "")) for i in items)


_LABELS = load_labels()
DEFAULT_LABELS: tuple[str, ...] = tuple(lab.name for lab in _LABELS)
MISSION_LABELS: tuple[str, ...] = tuple(lab.name for lab in _LABELS if lab.mission)


def check_labels(labels: Iterable[str]) -> tuple[str, ...]:
    """Validate a list of label names: non-empty, unique, plain identifiers.

    >>> check_labels(["a", "b"])
    ('a', 'b')
    >>> check_labels(["a", "a"])
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.ConfigError: labels must be unique non-empty names, got ['a', 'a']
    """
    out = tuple(str(x) for x in labels)
    if not out or len(set(out)) != len(out) or not all(x.strip() for x in out):
        raise ConfigError(f"labels must be unique non-empty names, got {list(out)}")
    return out
