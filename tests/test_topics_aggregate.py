"""Score output in bulk against the plain rules: Python's round per score, one paragraph at a time."""

from __future__ import annotations

import math

import numpy as np

from kzlegalnlp.records import TopicScores
from kzlegalnlp.topics.aggregate import evidence, label_set, paragraphs_topics, rounded


def _same_floats(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all((x == y and math.copysign(1, x) == math.copysign(1, y)) or (x != x and y != y)
                                    for x, y in zip(a, b))


def test_rounded_is_pythons_round() -> None:
    rng = np.random.default_rng(3)
    ties = [(k + 0.5) / 1e4 for k in range(2000)]
    tricky = ties + [float(np.nextafter(t, d)) for t in ties for d in (0.0, 1.0)] + [
        0.0, -0.0, 1.0, 0.99995, 0.99985, 5e-5, 1.5e-4, 2.675, 1e-300, -1e-9, 1e9, 123456.78905,
        float("inf"), -float("inf"), float("nan")]
    sigmoid = (1 / (1 + np.exp(-np.linspace(-40, 40, 20001)))).tolist()
    for xs in (tricky, sigmoid, rng.random(20000).tolist(), (rng.standard_normal(2000) * 1e6).tolist()):
        for nd in (0, 2, 4, 7):
            assert _same_floats(rounded(xs, nd), [round(x, nd) for x in xs]), nd
    assert rounded(np.array([[0.12345, 0.5], [1 / 3, 2 / 3]])) == [[0.1235, 0.5], [0.3333, 0.6667]]


def _plain(P: np.ndarray, labels: list[str], thresholds: list[float], doc_id: str | None) -> list[TopicScores]:
    """One paragraph at a time, each score rounded by Python."""
    out = []
    for i, row in enumerate(P.tolist()):
        chosen = label_set(row, thresholds, labels)
        out.append(TopicScores(scores={lab: round(s, 4) for lab, s in zip(labels, row)}, labels=chosen,
                               primary=chosen[0] if chosen else None, doc_id=doc_id, paragraph=10 + i))
    return out


def test_paragraphs_topics_equal_the_plain_rule() -> None:
    rng = np.random.default_rng(5)
    labels, thresholds = ["a", "b", "c"], [0.5, 0.55, 0.5]
    for n in (0, 1, 7, 200):
        P = rng.random((n, 3))
        P[: n // 2, 1] = 0.55  # a score exactly at its threshold counts
        if n:
            P[-1] = [0.7, 0.7, 0.2]  # equal scores keep the label order
        got = paragraphs_topics(P, labels, thresholds, doc_id="d", paragraphs=range(10, 10 + n))
        assert got == _plain(P, labels, thresholds, "d")
        assert [t.to_dict() for t in got] == [t.to_dict() for t in _plain(P, labels, thresholds, "d")]


def test_row_label_sets_equal_label_set() -> None:
    """Rows with no, one or several labels on (ties, scores exactly at a threshold, NaN) as label_set
    gives them, and records as TopicScores builds them (a fresh evidence dict each)."""
    rng = np.random.default_rng(11)
    labels, thresholds = ["cyber_fraud", "corruption", "drugs", "trafficking", "organised_crime", "cybercrime"], \
        [0.5, 0.45, 0.6, 0.5, 0.55, 0.5]
    P = np.round(rng.random((400, 6)), 1)  # coarse scores: many ties and scores at a threshold
    P[0] = np.nan
    P[1] = [0.5, np.nan, 0.6, 0.1, 0.0, 0.5]
    P[2] = thresholds
    P[3] = [0.0] * 6
    for j in range(6):
        P[4 + j] = 0.0
        P[4 + j, j] = 0.9
    got = paragraphs_topics(P, labels, thresholds, doc_id=None, paragraphs=range(10, 410))
    assert [t.labels for t in got] == [label_set(row, thresholds, labels) for row in P.tolist()]
    assert {len(t.labels) for t in got} >= {0, 1, 2, 3}
    assert got[2:] == _plain(P, labels, thresholds, None)[2:]  # NaN != NaN: rows 0 and 1 compared by labels only
    assert got[0].evidence is not got[1].evidence
    assert paragraphs_topics(np.zeros((0, 6)), labels, thresholds, paragraphs=[]) == []


def _plain_evidence(P: np.ndarray, par_thresholds, labels: list[str], chosen: list[str],
                    max_evidence: int = 5) -> dict[str, tuple[int, ...]]:
    """Paragraph by paragraph: the ranked indices whose score reaches the threshold, else the best one."""
    out = {}
    for lab in chosen:
        j = labels.index(lab)
        col = P[:, j]
        ranked = [int(i) for i in np.argsort(-col, kind="stable")]
        out[lab] = tuple([i for i in ranked if col[i] >= par_thresholds[j]][:max_evidence] or ranked[:1])
    return out


def test_evidence_equals_the_paragraph_by_paragraph_rule() -> None:
    """Ties keep paragraph order, a score at the threshold counts, NaN never does, at most max_evidence,
    the best paragraph when none reaches the threshold; float32 scores and list thresholds too."""
    rng = np.random.default_rng(13)
    labels = ["a", "b", "c"]
    cases = [np.zeros((0, 3)), np.array([[0.2, 0.9, np.nan]]), np.full((7, 3), 0.5), np.full((4, 3), np.nan),
             np.round(rng.random((40, 3)), 1), rng.random((9, 3)).astype(np.float32)]
    for P in cases:
        for thresholds in ([0.5, 0.45, 0.6], np.array([0.5, 0.5, 0.95]), np.array([0.5, 0.5, 0.5], np.float32)):
            for k in (1, 5):
                got = evidence(P, thresholds, labels, ["c", "a", "b"], max_evidence=k)
                assert got == _plain_evidence(P, thresholds, labels, ["c", "a", "b"], k), (P, thresholds)
                assert all(type(i) is int for rows in got.values() for i in rows)
