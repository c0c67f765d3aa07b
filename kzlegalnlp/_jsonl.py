"""Reading JSON Lines files of records (gold annotations, training data), with errors that name
the file and the line."""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from .errors import AnnotationError


def json_objects(lines: Iterable[str], where: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for every non-blank line; a line that is not a JSON object
    raises :class:`AnnotationError` naming ``where`` and the line.

    >>> list(json_objects(['{"a": 1}', "", '{"b": 2}'], "x.jsonl"))
    [(1, {'a': 1}), (3, {'b': 2})]
    >>> list(json_objects(["[1]"], "x.jsonl"))
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.AnnotationError: x.jsonl:1: expected a JSON object
    """
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise AnnotationError(f"{where}:{n}: not JSON ({exc.args[0]})") from exc
        if not isinstance(obj, dict):
            raise AnnotationError(f"{where}:{n}: expected a JSON object")
        yield n, obj
