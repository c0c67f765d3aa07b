"""Spreadsheet copies of the JSONL tables: CSV (UTF-8 with BOM), Parquet, XLSX.

Lists become ``"a; b"`` and score maps compact JSON, so each cell holds one
value. The CSV has a byte-order mark so that Excel reads Cyrillic and Kazakh
letters correctly, and uses commas (RFC 4180). Rows are streamed from the JSONL
files, never all held in memory (except by openpyxl for XLSX).

>>> flat_value(["a", "b"]), flat_value({"x": 0.5}), flat_value(None)
('a; b', '{"x":0.5}', None)
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any, Iterator

from ..errors import ConfigError, require
from .schema import ALL_TABLES, TABLES
from .writers import atomic_path, atomic_write

FORMATS = ("jsonl", "csv", "parquet", "xlsx")
_XLSX_CELL_MAX = 32767  # Excel's limit on the characters of one cell
_BATCH = 5000
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def flat_value(value: Any) -> Any:
    """One spreadsheet cell from a JSON value."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def flat_rows(path: Path) -> Iterator[list[Any]]:
    """The rows of a JSONL table as flat lists, in schema column order."""
    names = [c.name for c in TABLES[path.name.removesuffix(".jsonl")]]
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield [flat_value(row.get(n)) for n in names]


def write_csv(jsonl: Path, target: Path) -> Path:
    """CSV copy of one table, UTF-8 with BOM so Excel shows Cyrillic.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "errors.jsonl").write_text('{"source": "ә.txt", "reason": "бос"}\\n', encoding="utf-8")
    >>> raw = write_csv(folder / "errors.jsonl", folder / "errors.csv").read_bytes()
    >>> raw[:3], raw.decode("utf-8-sig").splitlines()[1]
    (b'\\xef\\xbb\\xbf', ',,ә.txt,,,,,,,бос')
    """
    table = jsonl.name.removesuffix(".jsonl")
    with atomic_write(target, encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([c.name for c in TABLES[table]])
        writer.writerows(flat_rows(jsonl))
    return target


_ARROW_TYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool_",
                "array": "string", "object": "string"}


def write_parquet(jsonl: Path, target: Path) -> Path:
    """Parquet copy of one table, with column types from the schema."""
    pa = require("pyarrow", "export", "writing Parquet files")
    import pyarrow.parquet as pq

    table = jsonl.name.removesuffix(".jsonl")
    cols = TABLES[table]
    schema = pa.schema([(c.name, getattr(pa, _ARROW_TYPES[c.type])()) for c in cols])
    with atomic_path(target) as tmp, pq.ParquetWriter(str(tmp), schema) as writer:
        batch: list[list[Any]] = []
        for row in flat_rows(jsonl):
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist([dict(zip(schema.names, r)) for r in batch], schema))
                batch = []
        writer.write_table(pa.Table.from_pylist([dict(zip(schema.names, r)) for r in batch], schema))
    return target


def _xlsx_cell(value: Any, illegal: Any) -> Any:
    if isinstance(value, str):
        return illegal.sub("", value)[:_XLSX_CELL_MAX]
    return value


def write_xlsx(folder: Path, target: Path) -> Path:
    """One workbook with a sheet per table (long texts cut at Excel's cell limit)."""
    openpyxl = require("openpyxl", "export", "writing XLSX files")
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook(write_only=True)
    for table in ALL_TABLES:
        sheet = book.create_sheet(table)
        sheet.append([c.name for c in TABLES[table]])
        for row in flat_rows(folder / f"{table}.jsonl"):
            sheet.append([_xlsx_cell(v, ILLEGAL_CHARACTERS_RE) for v in row])
    with atomic_path(target) as tmp:
        stamped = tmp.with_name(tmp.name + "-stamped")
        try:
            book.save(str(stamped))
            unstamp_zip(stamped, tmp)
        finally:
            stamped.unlink(missing_ok=True)
    return target


def unstamp_zip(source: Path, target: Path) -> Path:
    """Copy an Office zip with every time stamp fixed, so that the same rows give the same bytes.

    openpyxl stamps the save time on each zip entry and in ``docProps/core.xml``;
    ``kzlegal tag`` run twice on the same input must write identical files.
    Entries are streamed, so a big workbook is never held in memory.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with zipfile.ZipFile(folder / "a.zip", "w") as z:
    ...     z.writestr("docProps/core.xml", "<dcterms:created x='1'>2026-05-01T10:00:00Z</dcterms:created>")
    >>> with zipfile.ZipFile(unstamp_zip(folder / "a.zip", folder / "b.zip")) as z:
    ...     z.infolist()[0].date_time, z.read("docProps/core.xml")
    ((1980, 1, 1, 0, 0, 0), b"<dcterms:created x='1'>1980-01-01T00:00:00Z</dcterms:created>")
    """
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for entry in src.infolist():
            info = zipfile.ZipInfo(entry.filename, _ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            if entry.filename == "docProps/core.xml":
                dst.writestr(info, _CORE_TIMES.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", src.read(entry)))
                continue
            with src.open(entry) as fin, dst.open(info, "w", force_zip64=True) as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
    return target


def export(folder: Path, formats: list[str]) -> list[Path]:
    """Write the spreadsheet copies asked for; ``jsonl`` is always there already.

    >>> export(Path("."), ["jsonl"])
    []
    """
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ConfigError(f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    written: list[Path] = []
    for table in ALL_TABLES:
        jsonl = folder / f"{table}.jsonl"
        if "csv" in formats:
            written.append(write_csv(jsonl, folder / f"{table}.csv"))
        if "parquet" in formats:
            written.append(write_parquet(jsonl, folder / f"{table}.parquet"))
    if "xlsx" in formats:
        written.append(write_xlsx(folder, folder / "kzlegal.xlsx"))
    return written
