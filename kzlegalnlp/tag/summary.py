"""The summary of a tagging run: counts merged file by file, shown with rich.

>>> from kzlegalnlp.tag.pipeline import FileSummary, Outcome
>>> s = RunSummary()
>>> fs = FileSummary(); fs.documents["paper|kk"] += 2; fs.articles["kz-criminal-code-2014|190"] += 3
>>> s.add(Outcome(0, "a.txt", 10, fs))
>>> s.to_dict()["documents"]["by_kind"], s.top_articles(1)[0]["count"]
({'paper': 2}, 3)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from .pipeline import Outcome


def problem_lines(errors: list[dict[str, Any]]) -> list[str]:
    """One plain line per distinct problem of each file: a step failing the same way on
    many documents is said once, with the number of documents.

    >>> e = {"source": "a.txt", "stage": "classify", "reason": "boom"}
    >>> problem_lines([dict(e, doc_id="a:1"), dict(e, doc_id="a:1"), dict(e, doc_id="a:2")])
    ['a.txt (a:1 and 1 more documents): boom']
    """
    groups: dict[tuple[str, str, str], list[str | None]] = {}
    for err in errors:
        groups.setdefault((err["source"], err["stage"], err["reason"]), []).append(err.get("doc_id"))
    lines = []
    for (source, _, reason), doc_ids in groups.items():
        docs = list(dict.fromkeys(d for d in doc_ids if d))
        more = f" and {len(docs) - 1} more documents" if len(docs) > 1 else ""
        lines.append(f"{source} ({docs[0]}{more}): {reason}" if docs else f"{source}: {reason}")
    return lines


def _by_count(counter: Counter) -> dict[str, int]:
    """Most frequent first, ties by name, so the order is stable."""
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class RunSummary:
    """Counts of a whole run (documents, topics, articles, statistics, problems)."""

    files: int = 0
    failed_files: int = 0
    cached_files: int = 0
    bytes: int = 0
    paragraphs: int = 0
    statistics: int = 0
    documents: Counter = field(default_factory=Counter)  # "kind|lang" -> n
    topics: Counter = field(default_factory=Counter)
    articles: Counter = field(default_factory=Counter)  # "code|article" -> citations
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def add(self, outcome: "Outcome") -> None:
        """Merge the counts of one file."""
        fs = outcome.summary
        self.files += 1
        self.failed_files += int(outcome.failed)
        self.cached_files += int(outcome.cached)
        self.bytes += outcome.size
        self.paragraphs += fs.paragraphs
        self.statistics += fs.statistics
        self.documents.update(fs.documents)
        self.topics.update(fs.topics)
        self.articles.update(fs.articles)
        for key, title in fs.titles.items():
            self.titles.setdefault(key, title)
        self.problems.extend(
            {"source": e["source"], "stage": e["stage"], "doc_id": e["doc_id"], "reason": e["reason"]}
            for e in fs.errors
        )

    def _split(self, position: int) -> Counter:
        out: Counter = Counter()
        for key, n in self.documents.items():
            out[key.split("|")[position]] += n
        return out

    def top_articles(self, n: int | None = None) -> list[dict[str, Any]]:
        """The most-cited articles with their titles, most cited first."""
        rows = []
        for key, count in list(_by_count(self.articles).items())[:n]:
            code, _, article = key.partition("|")
            rows.append({"code": None if code == "?" else code, "article": article,
                         "title": self.titles.get(key), "count": count})
        return rows

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (written to ``summary.json``; no timings: it must be reproducible)."""
        return {
            "files": self.files,
            "failed_files": self.failed_files,
            "bytes": self.bytes,
            "documents": {
                "total": sum(self.documents.values()),
                "by_kind": _by_count(self._split(0)),
                "by_lang": _by_count(self._split(1)),
                "by_kind_lang": _by_count(self.documents),
            },
            "paragraphs": self.paragraphs,
            "topics": _by_count(self.topics),
            "articles": {"total": sum(self.articles.values()), "top": self.top_articles()},
            "statistics": self.statistics,
            "problems": self.problems,
        }

    def render(self, console: "Console", top: int = 10, seconds: float | None = None) -> None:
        """Print the end-of-run summary as rich tables (only the footer when nothing was tagged)."""
        if self.documents:
            self._render_tables(console, top)
        self._render_footer(console, seconds)

    def _render_tables(self, console: "Console", top: int) -> None:
        from rich.table import Table

        console.print("[bold]Documents by kind and language[/]")
        docs = Table()
        langs = sorted(self._split(1))
        docs.add_column("kind")
        for lang in langs:
            docs.add_column(lang, justify="right")
        docs.add_column("total", justify="right", style="bold")
        for kind, total in _by_count(self._split(0)).items():
            docs.add_row(kind, *[str(self.documents.get(f"{kind}|{lang}", 0)) for lang in langs], str(total))
        console.print(docs)
        console.print("[bold]Topics[/] (documents per label)")
        topics = Table()
        topics.add_column("topic")
        topics.add_column("documents", justify="right")
        for label, n in _by_count(self.topics).items():
            topics.add_row(label, str(n))
        console.print(topics)
        self._render_articles(console, top)

    def _render_articles(self, console: "Console", top: int) -> None:
        from rich.table import Table

        console.print(f"[bold]Most-cited articles[/] (top {top})")
        arts = Table()
        for name, justify in (("code", "left"), ("article", "right"), ("title", "left"), ("citations", "right")):
            arts.add_column(name, justify=justify)  # type: ignore[arg-type]
        for row in self.top_articles(top):
            arts.add_row(row["code"] or "?", row["article"], row["title"] or "", str(row["count"]))
        console.print(arts)

    def _render_footer(self, console: "Console", seconds: float | None) -> None:
        from rich.markup import escape

        took = f" in {seconds:.2f} s" if seconds is not None else ""
        console.print(
            f"{self.files} files ({self.bytes / 1e6:.2f} MB{took}; {self.cached_files} resumed), "
            f"{sum(self.documents.values())} documents, {self.paragraphs} paragraphs, "
            f"{sum(self.articles.values())} article references, {self.statistics} statistics"
        )
        if self.problems:
            console.print(f"[bold red]{len(self.problems)} problems in {self.failed_files} files:[/]")
            for line in problem_lines(self.problems):
                console.print(f"  {escape(line)}", highlight=False, soft_wrap=True)
        else:
            console.print("[green]no problems[/]")
