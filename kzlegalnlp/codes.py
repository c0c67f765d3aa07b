"""Article knowledge: titles of the articles of the codes, and article -> topics.

Titles come from the TSV tables of ``kzlegalnlp/data/codes/`` (provenance in
their README), loaded lazily on first use. The topic mapping is data too:
``kzlegalnlp/data/article_topics.json``, one rule per line with the reason.

>>> title("KZ-UK", "190")
('Мошенничество', 'Алаяқтық')
>>> topics("KZ-UK", "366")
('corruption',)
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache

from ._resources import DATA_DIR, codes_dir
from .errors import AnnotationError
from .patterns.articles import code_registry


@dataclass(frozen=True)
class ArticleInfo:
    """One row of a code table."""

    article: str
    title_ru: str | None
    title_kk: str | None
    status: str


def code_ids() -> tuple[str, ...]:
    """Every code id of the registry.

    >>> "KZ-UK" in code_ids() and "RU-Const" in code_ids()
    True
    """
    return tuple(c["id"] for c in code_registry()["codes"])


@lru_cache(maxsize=None)
def table(code: str) -> dict[str, ArticleInfo]:
    """The article table of ``code`` (article as printed -> info); empty if none ships.

    >>> len(table("KZ-UK")) > 400, table("KZ-Const")
    (True, {})
    """
    entry = next((c for c in code_registry()["codes"] if c["id"] == code), None)
    if entry is None or not entry.get("table"):
        return {}
    path = codes_dir() / entry["table"]
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or "article" not in rows[0]:
        raise AnnotationError(f"{path}: expected a header with an 'article' column")
    return {
        r["article"]: ArticleInfo(r["article"], r.get("title_ru") or None,
                                  r.get("title_kk") or None, r.get("status", "in_force"))
        for r in rows
    }


def title(code: str | None, article: str) -> tuple[str | None, str | None]:
    """Russian and Kazakh title of an article, ``(None, None)`` when unknown.

    >>> title("RU-UK", "291.2")
    ('Мелкое взяточничество', None)
    """
    info = table(code).get(article) if code else None
    return (info.title_ru, info.title_kk) if info else (None, None)


def articles_between(code: str, first: str, last: str) -> list[str]:
    """The articles of a range in the order of the code ("205".."213").

    >>> articles_between("KZ-UK", "296", "297-1")
    ['296', '297', '297-1']
    """
    keys, index = _order(code)
    if first not in index or last not in index:
        return [first, last]
    i, j = index[first], index[last]
    return keys[i:j + 1] if i <= j else [first, last]


@lru_cache(maxsize=None)
def _order(code: str) -> tuple[list[str], dict[str, int]]:
    keys = list(table(code))
    return keys, {k: i for i, k in enumerate(keys)}


@lru_cache(maxsize=1)
def topic_rules() -> list[dict]:
    """The article -> topics rules of ``data/article_topics.json``.

    >>> all(r["reason"] for r in topic_rules())
    True
    """
    path = DATA_DIR / "article_topics.json"
    with open(path, encoding="utf-8") as fh:
        rules = json.load(fh)["rules"]
    for r in rules:
        if not {"code", "first", "last", "topics", "reason"} <= set(r):
            raise AnnotationError(f"{path}: rule {r} lacks code/first/last/topics/reason")
    return rules


def _rule_applies(rule: dict, code: str, article: str, part: str | None,
                  paragraph: str | None) -> bool:
    if rule["code"] != code or article not in articles_between(code, rule["first"], rule["last"]):
        return False
    when = rule.get("when", {})
    return all({"part": part, "paragraph": paragraph}.get(k) == v for k, v in when.items())


@lru_cache(maxsize=4096)
def topics(code: str | None, article: str, range_to: str | None = None,
           part: str | None = None, paragraph: str | None = None) -> tuple[str, ...]:
    """Topics of an article (or a range), from the documented rules.

    >>> topics("KZ-UK", "190", part="2", paragraph="4")
    ('fraud', 'cyber_fraud')
    >>> topics("KZ-UK", "205", "207")
    ('cybercrime',)
    """
    if not code:
        return ()
    arts = articles_between(code, article, range_to) if range_to else [article]
    out: list[str] = []
    for rule in topic_rules():
        if any(_rule_applies(rule, code, a, part, paragraph) for a in arts):
            out += [t for t in rule["topics"] if t not in out]
    return tuple(out)
