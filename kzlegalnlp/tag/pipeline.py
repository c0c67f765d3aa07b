"""Tag one source file: load, split, classify, extract; write its rows to a part file.

The steps are plain functions gathered in :class:`Steps`, so tests (and users)
can swap any of them. :func:`process_file` runs in the worker processes; it
never raises for a bad file: the failure becomes an ``errors`` row.

>>> steps = Steps(load=lambda path, root: [], articles=lambda d: [], statistics=lambda d: [])
>>> steps.classify is None
True
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from ..records import ArticleRef, Document, Statistic, TopicScores
from . import rows

PART_SUFFIX = ".part"


@dataclass(frozen=True)
class Steps:
    """The functions a tagging run calls for each file and document.

    ``load(path, root)`` returns the documents of one file and raises
    :class:`~kzlegalnlp.errors.CorpusReadError` (or ``OSError``) for a bad file;
    ``classify`` scores a document, ``classify_paragraphs`` each body paragraph
    (either may be None to skip topics); ``classify_paragraphs`` is called
    right after ``classify`` on the same document, so a model may reuse its scores.
    ``prepare``, when given, sees all the documents of a file (or slice) before they
    are tagged one by one, so a model may score their paragraphs in one batch.
    """

    load: Callable[[Path, Path | None], Sequence[Document]]
    articles: Callable[[Document], Sequence[ArticleRef]]
    statistics: Callable[[Document], Sequence[Statistic]]
    classify: Callable[[Document], TopicScores] | None = None
    classify_paragraphs: Callable[[Document], Sequence[TopicScores]] | None = None
    prepare: Callable[[Sequence[Document]], None] | None = None


@dataclass(frozen=True)
class Job:
    """One file to tag (or one slice of its documents): where it is, its name, where its part goes.

    A big file may be cut into ``chunks`` jobs; job ``chunk`` tags the
    documents ``[n * chunk // chunks, n * (chunk + 1) // chunks)`` of the
    file's ``n``, so that several workers share it.
    """

    index: int
    path: str
    root: str | None
    source: str
    part: str
    size: int = 0
    chunk: int = 0
    chunks: int = 1


@dataclass
class FileSummary:
    """Counts of one file, merged by the runner into the run's summary."""

    documents: Counter = field(default_factory=Counter)  # "kind|lang" -> n
    topics: Counter = field(default_factory=Counter)  # label -> documents
    articles: Counter = field(default_factory=Counter)  # "code|article" -> citations
    titles: dict[str, str] = field(default_factory=dict)  # "code|article" -> title
    paragraphs: int = 0
    statistics: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with sorted keys so the part file's bytes are stable."""
        return {
            "documents": dict(sorted(self.documents.items())),
            "topics": dict(sorted(self.topics.items())),
            "articles": dict(sorted(self.articles.items())),
            "titles": dict(sorted(self.titles.items())),
            "paragraphs": self.paragraphs,
            "statistics": self.statistics,
            "errors": self.errors,
        }

    def merge(self, other: "FileSummary") -> None:
        """Add the counts of ``other`` (the next slice of the same file)."""
        self.documents.update(other.documents)
        self.topics.update(other.topics)
        self.articles.update(other.articles)
        for key, title in other.titles.items():
            self.titles.setdefault(key, title)
        self.paragraphs += other.paragraphs
        self.statistics += other.statistics
        self.errors.extend(other.errors)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "FileSummary":
        """Inverse of :meth:`to_dict`."""
        return cls(
            Counter(d["documents"]), Counter(d["topics"]), Counter(d["articles"]),
            dict(d["titles"]), d["paragraphs"], d["statistics"], list(d["errors"]),
        )


@dataclass
class Outcome:
    """What a worker hands back for one file (or slice): small, the rows stay on disk."""

    index: int
    source: str
    size: int
    summary: FileSummary
    seconds: float = 0.0
    cached: bool = False
    part_paths: tuple[str, ...] = ()  # empty when the file could not be loaded: no rows
    # the part files' rows, kept when the file was tagged in this process (no worker
    # pickles them): the runner then need not read back what was just written
    rows: list[str] | None = None

    def merge(self, other: "Outcome") -> "Outcome":
        """This file's outcome followed by its next slice's."""
        self.summary.merge(other.summary)
        self.seconds += other.seconds
        self.cached = self.cached and other.cached
        self.part_paths += other.part_paths
        self.rows = self.rows + other.rows if self.rows is not None and other.rows is not None else None
        return self

    @property
    def failed(self) -> bool:
        """True when the file (or one of its documents) met an error."""
        return bool(self.summary.errors)


dumps = rows.dumps  # one JSONL line (no newline); the rows module writes most rows as text itself


def _safely(call: Callable[[], Any], default: Any, stage: str, doc: Document, job: Job,
            summary: FileSummary) -> Any:
    """Run one step on one document; a crash becomes an error row, not a lost batch."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - any bug upstream must not stop the batch
        summary.errors.append(rows.error_row(job.source, job.path, stage, exc, doc.doc_id))
        return default


def _article_key(ref: ArticleRef) -> str:
    return f"{ref.code or '?'}|{ref.article}"


def _topics(doc: Document, steps: Steps, job: Job, summary: FileSummary
            ) -> tuple[TopicScores | None, Sequence[TopicScores | None]]:
    """Document and paragraph topics (None where there is no classifier or it failed)."""
    none: Sequence[TopicScores | None] = [None] * len(doc.paragraphs)
    scores = _safely(lambda: steps.classify(doc), None, "classify", doc, job, summary) if steps.classify else None
    if steps.classify_paragraphs and doc.paragraphs:
        return scores, _safely(lambda: list(steps.classify_paragraphs(doc)), none, "classify", doc, job, summary)
    return scores, none


def _doc_lines(doc: Document, steps: Steps, job: Job, summary: FileSummary) -> list[str]:
    """All rows of one document, as tagged JSONL lines ``<table>\\t<json>``."""
    scores, pscores = _topics(doc, steps, job, summary)
    arts = rows.sorted_findings(_safely(lambda: list(steps.articles(doc)), [], "extract", doc, job, summary))
    stats = rows.sorted_findings(_safely(lambda: list(steps.statistics(doc)), [], "extract", doc, job, summary))
    finder = rows.ParagraphFinder(doc)
    head = rows.document_head(doc)
    out = ["documents\t" + dumps(rows.document_row(doc, scores, len(arts), len(stats)))]
    out += ["paragraphs\t" + rows.paragraph_json(doc, para, "body", ps, head)
            for para, ps in zip(doc.paragraphs, pscores)]
    out += ["paragraphs\t" + rows.paragraph_json(doc, para, "references", None, head) for para in doc.references]
    out.extend("articles\t" + dumps(rows.article_row(r, doc, finder)) for r in arts)
    out.extend("statistics\t" + dumps(rows.statistic_row(s, doc, finder)) for s in stats)
    _count(doc, scores, arts, stats, summary)
    return out


def _count(doc: Document, scores: TopicScores | None, arts: list[ArticleRef], stats: list[Statistic],
           summary: FileSummary) -> None:
    summary.documents[f"{doc.kind}|{doc.lang}"] += 1
    for label in (scores.labels if scores else ()):
        summary.topics[label] += 1
    if scores is not None and not scores.labels:
        summary.topics["(none)"] += 1
    for ref in arts:
        key = _article_key(ref)
        summary.articles[key] += 1
        title = ref.title_ru or ref.title_kk
        if title and key not in summary.titles:
            summary.titles[key] = title
    summary.paragraphs += len(doc.paragraphs) + len(doc.references)  # = rows of paragraphs.jsonl
    summary.statistics += len(stats)


def write_part(path: str, summary: FileSummary, lines: list[str]) -> None:
    """Write a part file atomically: first the summary line, then the rows."""
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("summary\t" + dumps(summary.to_dict()) + "\n")
        if lines:
            fh.write("\n".join(lines) + "\n")  # one write: a call per row costs more than the copy
    os.replace(tmp, path)


def read_part_summary(path: str) -> FileSummary:
    """The summary line of a finished part file."""
    with open(path, encoding="utf-8") as fh:
        tag, _, payload = fh.readline().rstrip("\n").partition("\t")
    if tag != "summary":
        raise ValueError(f"{path}: not a part file (first line is not a summary)")
    return FileSummary.from_dict(json.loads(payload))


def process_file(job: Job, steps: Steps, keep_rows: bool = False) -> Outcome:
    """Tag one file (or one slice of its documents); write its part file unless it cannot be loaded.

    ``keep_rows``: also hand the rows back in :attr:`Outcome.rows` (when the caller
    is in the same process: a worker's outcome is pickled, and should stay small).

    >>> import tempfile
    >>> from kzlegalnlp.errors import EmptyFileError
    >>> def fail(path, root): raise EmptyFileError(str(path), "empty file")
    >>> steps = Steps(load=fail, articles=lambda d: [], statistics=lambda d: [])
    >>> outcome = process_file(Job(0, "/x/a.txt", None, "a.txt", "/x/a.part"), steps)
    >>> outcome.failed, outcome.summary.errors[0]["reason"], outcome.part_paths
    (True, 'empty file', ())
    """
    started = time.perf_counter()
    summary = FileSummary()
    root = Path(job.root) if job.root else None
    try:
        docs = list(steps.load(Path(job.path), root))
    except Exception as exc:  # noqa: BLE001 - reported as an error row, the batch goes on
        if job.chunk == 0:  # the first slice reports it, once for the file
            stage = "read" if isinstance(exc, OSError) else "load"
            summary.errors.append(rows.error_row(job.source, job.path, stage, exc))
        return Outcome(job.index, job.source, job.size, summary, time.perf_counter() - started)
    lines: list[str] = []
    n = len(docs)
    mine = docs[n * job.chunk // job.chunks:n * (job.chunk + 1) // job.chunks]
    if steps.prepare and mine:
        try:
            steps.prepare(mine)
        except Exception:  # noqa: BLE001 - only a speed-up: each document is then scored alone
            pass
    for doc in mine:
        lines.extend(_doc_lines(doc, steps, job, summary))
    write_part(job.part, summary, lines)
    return Outcome(job.index, job.source, job.size, summary, time.perf_counter() - started,
                   part_paths=(job.part,), rows=lines if keep_rows else None)
