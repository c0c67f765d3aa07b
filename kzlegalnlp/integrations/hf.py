"""Hugging Face dataset export: ``kzlegal export --hf DIR`` (extra ``hf``).

The export holds the four tables that ``kzlegal tag`` writes (documents,
paragraphs, articles, statistics), one Parquet file each, with declared
``datasets.Features`` built from the column list of :mod:`kzlegalnlp.tag.schema`
(the single source of truth of the output schema), plus a dataset card
(``README.md``) whose YAML header declares one config per table, so both
``datasets.load_dataset("parquet", data_files=...)`` and
``datasets.load_dataset(DIR, "articles")`` read it offline.

>>> import tempfile
>>> from kzlegalnlp._resources import raw_dir
>>> out = export_hf(tempfile.mkdtemp(), [raw_dir() / "news_kk_2026-01-16_internet_fraud_2025.txt"])
>>> sorted(p.name for p in out.files)
['README.md', 'articles.parquet', 'documents.parquet', 'paragraphs.parquet', 'statistics.parquet']
>>> load_export(out.folder)["documents"].num_rows
1
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import ConfigError, require
from ..tag.schema import OUTPUT_TABLES, TABLES, Column

_FEATURE = "exporting a Hugging Face dataset"
# JSON type of a schema column -> datasets dtype; "object" (topic scores) is special-cased
_DTYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


def column_feature(col: Column) -> Any:
    """The ``datasets`` feature of one output column.

    Lists of strings stay lists; a score map (``topic_scores``) becomes a list of
    ``{"label", "score"}`` pairs, because Parquet has no map with open keys that
    ``datasets`` reads back as a dict.

    >>> from kzlegalnlp.tag.schema import Column
    >>> column_feature(Column("n", "integer", "a count")).dtype
    'int64'
    """
    ds = require("datasets", "hf", _FEATURE)
    if col.type == "array":
        return ds.List(ds.Value("string"))
    if col.type == "object":
        return ds.List({"label": ds.Value("string"), "score": ds.Value("float64")})
    return ds.Value(_DTYPES[col.type])


def table_features(table: str) -> Any:
    """The declared ``datasets.Features`` of one exported table.

    >>> f = table_features("articles")
    >>> f["article"].dtype, f["article_topics"].feature.dtype
    ('string', 'string')
    """
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}; expected one of {', '.join(OUTPUT_TABLES)}")
    ds = require("datasets", "hf", _FEATURE)
    return ds.Features({c.name: column_feature(c) for c in TABLES[table]})


def hf_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A tag output row in the shape of :func:`table_features` (score maps become pairs).

    >>> hf_row("paragraphs", {"topic_scores": {"drugs": 0.9}})["topic_scores"]
    [{'label': 'drugs', 'score': 0.9}]
    """
    out = {c.name: row.get(c.name) for c in TABLES[table]}
    for c in TABLES[table]:
        if c.type == "object":
            out[c.name] = [{"label": k, "score": float(v)} for k, v in sorted((out[c.name] or {}).items())]
        elif c.type == "array" and out[c.name] is None:
            out[c.name] = []
    return out


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise ConfigError(f"{path}:{n}: not a JSON line ({exc.args[0]})") from exc


@dataclass
class Export:
    """What :func:`export_hf` wrote: the folder, its files and the rows per table.

    >>> Export(Path("d"), rows={"articles": 2}).rows["articles"]
    2
    """

    folder: Path
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line per file, for the terminal.

        >>> print(Export(Path("d"), [Path("d/a.parquet")], {"a": 3}).summary())
        d/a.parquet (3 rows)
        """
        names = {f"{t}.parquet": n for t, n in self.rows.items()}
        return "\n".join(f"{p}" + (f" ({names[p.name]} rows)" if p.name in names else "") for p in self.files)


def _tag_into(folder: Path, paths: Sequence[Path], model: str | None, workers: int) -> dict[str, Any]:
    """Run the tagger (quietly) into ``folder``; return its manifest."""
    from ..tag import runner

    result = runner.tag(list(paths), folder, factory=runner.default_factory, model=model, workers=workers)
    if result.summary.files == 0:
        raise ConfigError(f"no file to tag under {', '.join(str(p) for p in paths)}")
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _check_tagged(folder: Path) -> dict[str, Any]:
    missing = [f"{t}.jsonl" for t in OUTPUT_TABLES if not (folder / f"{t}.jsonl").is_file()]
    if missing:
        raise ConfigError(f"{folder}: not a `kzlegal tag` output folder (missing {', '.join(missing)})")
    manifest = folder / "manifest.json"
    return json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {"files": []}


def _write_tables(tagged: Path, out: Path) -> dict[str, int]:
    ds = require("datasets", "hf", _FEATURE)
    counts = {}
    bars = ds.is_progress_bar_enabled()  # a library call draws no bars; the user's setting comes back
    ds.disable_progress_bars()
    try:
        for table in OUTPUT_TABLES:
            rows = [hf_row(table, r) for r in _jsonl(tagged / f"{table}.jsonl")]
            features = table_features(table)
            # from_dict: an empty table still gets its columns (from_list([]) would have none)
            columns = {name: [r[name] for r in rows] for name in features}
            ds.Dataset.from_dict(columns, features=features).to_parquet(str(out / f"{table}.parquet"))
            counts[table] = len(rows)
    finally:
        if bars:
            ds.enable_progress_bars()
    return counts


def export_hf(out: str | Path, paths: Sequence[str | Path] | None = None, *, tagged: str | Path | None = None,
              model: str | None = None, workers: int = 1) -> Export:
    """Write a Hugging Face dataset folder: four Parquet tables and a dataset card.

    Args:
        out: the folder to write (created; existing files of the same name are replaced).
        paths: files or folders to tag; default the bundled corpus. Ignored with ``tagged``.
        tagged: a folder already written by ``kzlegal tag`` to export instead of tagging again.
        model: topic model folder (default: the shipped model).
        workers: files tagged in parallel.

    Raises:
        ConfigError: ``tagged`` is not a tag output folder, or nothing could be tagged.

    >>> import tempfile
    >>> from kzlegalnlp._resources import raw_dir
    >>> e = export_hf(tempfile.mkdtemp(), [raw_dir() / "news_kk_2026-01-16_internet_fraud_2025.txt"])
    >>> e.rows["documents"], (e.folder / "README.md").read_text(encoding="utf-8").startswith("---")
    (1, True)
    """
    from .. import __version__
    from .._resources import raw_dir
    from .hf_card import dataset_card

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    bundled = tagged is None and not paths
    with tempfile.TemporaryDirectory(prefix="kzlegal-export-") as tmp:
        if tagged is not None:
            source = Path(tagged)
            manifest = _check_tagged(source)
        else:
            source = Path(tmp)
            manifest = _tag_into(source, [Path(p) for p in paths or [raw_dir()]], model, workers)
        counts = _write_tables(source, folder)
        langs = _languages(source)
    card = dataset_card(counts, manifest.get("files", []), langs, bundled=bundled, version=__version__)
    (folder / "README.md").write_text(card, encoding="utf-8")
    files = [folder / f"{t}.parquet" for t in OUTPUT_TABLES] + [folder / "README.md"]
    return Export(folder, files, counts)


def _languages(tagged: Path) -> list[str]:
    """Languages of the documents and paragraphs, most frequent first."""
    from collections import Counter

    seen: Counter[str] = Counter()
    for table in ("documents", "paragraphs"):
        seen.update(r.get("lang") for r in _jsonl(tagged / f"{table}.jsonl") if r.get("lang"))
    return [lang for lang, _ in seen.most_common()]


def load_export(folder: str | Path) -> Any:
    """Read an export back offline: a ``datasets.DatasetDict`` with one split per table.

    Uses ``datasets.load_dataset("parquet", data_files=...)`` with the declared features.

    >>> load_export  # doctest: +ELLIPSIS
    <function load_export at ...>
    """
    ds = require("datasets", "hf", _FEATURE)
    folder = Path(folder)
    missing = [t for t in OUTPUT_TABLES if not (folder / f"{t}.parquet").is_file()]
    if missing:
        raise ConfigError(f"{folder}: missing {', '.join(t + '.parquet' for t in missing)}")
    return ds.DatasetDict({t: _load_table(folder / f"{t}.parquet", table_features(t)) for t in OUTPUT_TABLES})


def _load_table(path: Path, features: Any) -> Any:
    ds = require("datasets", "hf", _FEATURE)
    import pyarrow.parquet as pq

    if pq.ParquetFile(path).metadata.num_rows == 0:
        # the parquet builder refuses a file with no rows ("corresponds to no data")
        return ds.Dataset.from_dict({name: [] for name in features}, features=features)
    return ds.load_dataset("parquet", data_files=str(path), split="train", features=features)


def run_export(paths: Sequence[str], out: str, tagged: str | None = None, model: str | None = None,
               workers: int = 1) -> int:
    """What ``kzlegal export --hf`` does: export, print the files, return the exit code (0 or 2).

    >>> import io, contextlib, tempfile
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     code = run_export(["/no/such/folder"], tempfile.mkdtemp())
    >>> code, err.getvalue().strip()
    (2, 'error: no such file or folder: /no/such/folder')
    """
    import sys

    from ..errors import KzlError

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        result = export_hf(out, paths, tagged=tagged, model=model, workers=workers)
    except KzlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(result.summary())
    return 0


__all__ = ["export_hf", "run_export", "load_export", "table_features", "column_feature", "hf_row", "Export"]
