"""``kzlegal report``: one self-contained HTML page from the folder ``kzlegal tag`` wrote.

The page has no network assets: CSS, the script and the data are inline, the
topic chart is drawn as SVG by the script (the counts and a topics table are in
the page itself, for viewers that run no script). It shows the counts, a chart of
topics, the documents table, the most-cited articles with their titles, the
statistics table, and each document's text with article references and
statistics highlighted at their offsets in the source file.

>>> import tempfile, pathlib
>>> from kzlegalnlp.tag.writers import TableWriters
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with TableWriters(out, ["documents", "paragraphs", "articles", "statistics", "errors"]):
...     pass
>>> "<svg" in render_report(out) or "kzl-data" in render_report(out)
True
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .errors import KzlError
from .tag.writers import atomic_write

TEMPLATE = Path(__file__).with_name("report_template.html")
MAX_ROWS = 5000  # rows per table shown; the JSONL files hold them all
MAX_TEXT_CHARS = 2_000_000  # document text shown in total, to keep the page light


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise KzlError(f"{path}: missing; run `kzlegal tag --out {path.parent}` first")
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise KzlError(f"{path}:{number}: not a JSON line ({exc.msg})") from exc


def _count_lines(path: Path) -> int:
    if not path.is_file():
        raise KzlError(f"{path}: missing; run `kzlegal tag --out {path.parent}` first")
    with open(path, "rb") as fh:
        return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))


@dataclass
class RunData:
    """The tables of one tagging run (capped at :data:`MAX_ROWS` rows each) and their counts."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    statistics: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)


def load_run(folder: Path) -> RunData:
    """Read the output folder of ``kzlegal tag``.

    >>> load_run(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.KzlError: /nonexistent/documents.jsonl: missing; run `kzlegal tag --out /nonexistent` first
    """
    data = RunData()
    for table in ("documents", "articles", "statistics", "errors"):
        rows = getattr(data, table)
        n = 0
        for n, row in enumerate(_jsonl(folder / f"{table}.jsonl"), 1):
            if n <= MAX_ROWS:
                rows.append(row)
        data.counts[table] = n
    data.counts["paragraphs"] = _count_lines(folder / "paragraphs.jsonl")
    summary = folder / "summary.json"
    data.summary = json.loads(summary.read_text(encoding="utf-8")) if summary.is_file() else {}
    manifest = folder / "manifest.json"
    if manifest.is_file():
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        data.sources = {f["source"]: f for f in files}
    return data


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _plain_table(table_id: str, headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _table(table_id: str, headers: list[str], rows: list[list[Any]], total: int) -> str:
    """A table with a filter box (the script sorts and filters it)."""
    more = f'<p class="note">{len(rows)} of {total} rows shown.</p>' if total > len(rows) else ""
    return (f'<input class="filter" data-table="{table_id}" placeholder="filter…">'
            f"{_plain_table(table_id, headers, rows)}{more}")


def _documents_table(data: RunData) -> str:
    rows = [[d["doc_id"], d["source"], d["line"], d["kind"], d["lang"], d["title"], ", ".join(d["authors"]),
             ", ".join(d["topics"]), d["n_paragraphs"], d["n_articles"], d["n_statistics"]]
            for d in data.documents]
    headers = ["doc_id", "source", "line", "kind", "lang", "title", "authors", "topics", "paragraphs",
               "articles", "statistics"]
    return _table("documents-table", headers, rows, data.counts["documents"])


def _articles_table(data: RunData) -> str:
    top = data.summary.get("articles", {}).get("top")
    if top is None:  # no summary.json: count from the rows
        counts: dict[tuple[str, str], list[Any]] = {}
        for a in data.articles:
            entry = counts.setdefault((a["code"] or "?", a["article"]), [0, a["title_ru"] or a["title_kk"]])
            entry[0] += 1
        top = [{"code": c, "article": a, "title": t, "count": n}
               for (c, a), (n, t) in sorted(counts.items(), key=lambda kv: -kv[1][0])]
    rows = [[t["code"] or "?", t["article"], t["title"], t["count"]] for t in top[:MAX_ROWS]]
    return _table("articles-table", ["code", "article", "title", "citations"], rows, len(top))


def _statistics_table(data: RunData) -> str:
    rows = [[s["doc_id"], s["line"], s["surface"], s["value"], s["unit"], s["qualifier"], s["year"], s["subject"]]
            for s in data.statistics]
    headers = ["doc_id", "line", "surface", "value", "unit", "qualifier", "year", "subject"]
    return _table("statistics-table", headers, rows, data.counts["statistics"])


def _errors_table(data: RunData) -> str:
    rows = [[e["source"], e["stage"], e["reason"]] for e in data.errors]
    return _table("errors-table", ["source", "stage", "reason"], rows, data.counts["errors"])


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """HTML of ``text`` with ``spans`` (start, end, css class, tooltip) wrapped in ``<mark>``.

    Overlapping spans: the one that starts first (then the longer) wins.

    >>> highlight("ст. 190 и 5 %", [(0, 7, "art", "УК"), (10, 13, "stat", "5 percent")])
    '<mark class="art" title="УК">ст. 190</mark> и <mark class="stat" title="5 percent">5 %</mark>'
    """
    out, at = [], 0
    for start, end, css, tip in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < at or end > len(text) or end <= start:
            continue
        out.append(_e(text[at:start]))
        out.append(f'<mark class="{css}" title="{_e(tip)}">{_e(text[start:end])}</mark>')
        at = end
    out.append(_e(text[at:]))
    return "".join(out)


def _source_text(entry: dict[str, Any] | None) -> str | None:
    """The decoded source file, if it is still there and unchanged."""
    if not entry or not entry.get("path") or not Path(entry["path"]).is_file():
        return None
    from .corpus.io import read_source
    from .tag.runner import content_hash

    if entry.get("sha256") and content_hash(Path(entry["path"])) != entry["sha256"]:
        return None
    try:
        return read_source(entry["path"]).text
    except KzlError:
        return None


def _by_doc(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["doc_id"], []).append(r)
    return out


def _texts(data: RunData) -> str:
    arts, stats = _by_doc(data.articles), _by_doc(data.statistics)
    cache: dict[str, str | None] = {}
    parts, budget = [], MAX_TEXT_CHARS
    for doc in data.documents:
        if doc["source"] not in cache:
            cache.clear()  # documents come file by file: keep one source in memory
            cache[doc["source"]] = _source_text(data.sources.get(doc["source"]))
        text = cache[doc["source"]]
        if text is None or budget <= 0:
            continue
        lo, hi = doc["char_start"], doc["char_end"]
        budget -= hi - lo
        spans = [(a["char_start"] - lo, a["char_end"] - lo, "art",
                  f"{a['code'] or '?'} {a['article']}: {a['title_ru'] or a['title_kk'] or ''}")
                 for a in arts.get(doc["doc_id"], [])]
        spans += [(s["char_start"] - lo, s["char_end"] - lo, "stat", f"{s['value']} {s['unit']} {s['subject'] or ''}")
                  for s in stats.get(doc["doc_id"], [])]
        parts.append(f'<details class="doc" data-doc="{_e(doc["doc_id"])}"><summary>{_e(doc["title"] or doc["doc_id"])}'
                     f' <span class="note">{_e(doc["source"])}, line {_e(doc["line"])}</span></summary>'
                     f'<pre class="text">{highlight(text[lo:hi], spans)}</pre></details>')
    shown = len(parts)
    note = (f'<p class="note">{shown} of {len(data.documents)} documents shown (source files missing, changed, '
            "or the page's size limit reached).</p>") if shown < len(data.documents) else ""
    return note + "".join(parts)


def _page_data(data: RunData) -> dict[str, Any]:
    """What the script needs: the counts it shows and the topics it charts."""
    topics = data.summary.get("topics")
    if topics is None:
        topics = {}
        for d in data.documents:
            for label in d["topics"] or ["(none)"]:
                topics[label] = topics.get(label, 0) + 1
    return {"counts": data.counts, "topics": topics}


def _static_parts(page_data: dict[str, Any]) -> dict[str, str]:
    """The counts and a topics table written into the page itself, so that it reads
    without its script too (an e-mail viewer, a locked-down browser); the script
    then draws the chart over it."""
    parts = {f"<!--COUNT-{table}-->": f"{n:,}" for table, n in page_data["counts"].items()}
    rows = [[label, n] for label, n in page_data["topics"].items()]
    parts["<!--TOPICS-->"] = _plain_table("topics-table", ["topic", "documents"], rows)
    return parts


def render_report(folder: Path) -> str:
    """The report page for an output folder of ``kzlegal tag``, as a string (see :func:`write_report`)."""
    data = load_run(Path(folder))
    page_data = _page_data(data)
    page_json = json.dumps(page_data, ensure_ascii=False).replace("</", "<\\/")
    sections = {
        **_static_parts(page_data),
        "<!--DOCUMENTS-->": _documents_table(data),
        "<!--ARTICLES-->": _articles_table(data),
        "<!--STATISTICS-->": _statistics_table(data),
        "<!--ERRORS-->": _errors_table(data),
        "<!--TEXTS-->": _texts(data),
        "<!--DATA-->": page_json,
        "<!--TITLE-->": _e(f"kzlegalnlp report: {Path(folder).resolve().name}"),
    }
    page = TEMPLATE.read_text(encoding="utf-8")
    for marker, content in sections.items():
        page = page.replace(marker, content)
    return page


def write_report(folder: Path, out: Path) -> Path:
    """Write the report page atomically and return its path.

    Raises:
        KzlError: the folder lacks the tables (names the missing file).

    >>> import tempfile
    >>> from kzlegalnlp.tag import tag, default_factory
    >>> from kzlegalnlp._resources import raw_dir
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = tag([raw_dir() / "news_kk_2026-01-16_internet_fraud_2025.txt"], out, factory=default_factory)
    >>> page = write_report(out, out / "report.html").read_text(encoding="utf-8")
    >>> page.count('<mark class="stat" title=') > 0
    True
    """
    page = render_report(folder)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(out) as fh:
        fh.write(page)
    return out
