"""The batch runner behind ``kzlegal tag``: find files, tag them (in parallel), assemble outputs.

Each file is tagged on its own (in a worker process when ``workers > 1``) into a
*part file* under ``OUT/.kzlegal/parts/``, named by a hash of the file's content,
its source name and the library's code and model. The runner then copies the
parts, in input order, into the JSONL tables, so the output does not depend on
the number of workers, and only one file's rows are ever in memory.
``resume=True`` reuses the part of every file whose content has not changed.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..records import SCHEMA_VERSION
from . import rows
from .pipeline import PART_SUFFIX, FileSummary, Job, Outcome, Steps, dumps, process_file, read_part_summary
from .schema import OUTPUT_TABLES
from .summary import RunSummary
from .writers import TableWriters, atomic_write

STATE_DIR = ".kzlegal"
StepsFactory = Callable[[str | None], Steps]


@dataclass(frozen=True)
class Source:
    """A file to tag: its path, the folder it was found in, and its source name."""

    path: Path
    root: Path | None
    name: str


@dataclass
class TagResult:
    """What a run did: its summary and the paths it wrote."""

    summary: RunSummary
    out: Path
    written: list[Path] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every file was tagged, 1 when any file (or document) failed."""
        return 1 if self.summary.failed_files else 0


def _visible(path: Path, root: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(paths: Sequence[Path], exclude: Path | None = None) -> list[Source]:
    """Files to tag under ``paths``, in a stable order.

    Folders are walked recursively in sorted order, hidden files and folders
    left out, and so is the folder ``exclude`` (the output folder, when it lies
    inside an input folder: a second run must not tag the first run's tables).
    Every other file is taken, even of a type the loader does not read, so
    that it is reported rather than silently dropped.

    >>> from kzlegalnlp._resources import raw_dir
    >>> [s.name for s in discover([raw_dir()])][:2]
    ['news_kk_2025-12-10_minister_interview_digital_policing.txt', 'news_kk_2026-01-10_mia_board_meeting.txt']
    """
    found: list[Source] = []
    seen: set[Path] = set()
    skip = Path(exclude).resolve() if exclude is not None else None
    for arg in map(Path, paths):
        if arg.is_dir():
            files = sorted(p for p in arg.rglob("*")
                           if p.is_file() and _visible(p, arg) and not _inside(p, skip))
            pairs = [(path, arg, path.relative_to(arg).as_posix()) for path in files]
        else:
            pairs = [(arg, None, arg.name)]
        for path, root, name in pairs:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.append(Source(path, root, name))
    return found


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and folder in path.resolve().parents


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes (streamed, so big files cost no memory).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_bytes(b"abc")
    >>> content_hash(p)[:12]
    'ba7816bf8f01'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def code_fingerprint(model: str | None) -> str:
    """Hash of the library's code, data tables and model: a change re-tags on resume."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{SCHEMA_VERSION}\0{model or ''}\0".encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".tsv", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    if model and Path(model).is_dir():
        for path in sorted(p for p in Path(model).rglob("*") if p.is_file()):
            digest.update(path.name.encode() + str(path.stat().st_size).encode())
    return digest.hexdigest()


# --- worker side -----------------------------------------------------------------

_WORKER_STEPS: Steps | None = None


def _fork_context() -> Any:
    """Fork on Linux: workers start at once, with the library already imported, and the
    steps factory need not be importable by name (Python 3.14 would use forkserver)."""
    import multiprocessing

    return multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


def _build_steps(factory: StepsFactory, model: str | None) -> Steps:
    """``factory(model)``, its objects then kept out of the cyclic garbage collector's walks.

    The model's vocabulary and tables live as long as the process; each full
    collection would walk them again (about a tenth of the tagging time).
    ``gc.freeze`` moves them to a generation the collector skips.
    """
    steps = factory(model)
    gc.freeze()
    return steps


# Tagging makes millions of short-lived containers (tokens' tuples, records, rows), and
# with the default threshold (700) a young collection runs every few paragraphs, each
# promoting survivors that older collections walk again: a larger young generation
# lets most die before it is collected (about 2% of the run).
_YOUNG_THRESHOLD = 5000


def _raise_young_threshold(threshold: int) -> tuple[int, ...]:
    """Raise (never lower) the young-generation threshold; the thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    return before


@contextlib.contextmanager
def _young_generation(threshold: int = _YOUNG_THRESHOLD) -> Iterator[None]:
    """Raise the garbage collector's young-generation threshold for a run, then restore it.

    >>> before = gc.get_threshold()
    >>> with _young_generation(4321):
    ...     gc.get_threshold()[0]
    4321
    >>> gc.get_threshold() == before
    True
    """
    before = _raise_young_threshold(threshold)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _init_worker(factory: StepsFactory, model: str | None) -> None:
    global _WORKER_STEPS
    _WORKER_STEPS = _build_steps(factory, model)
    _raise_young_threshold(_YOUNG_THRESHOLD)  # the worker's own process, for its lifetime


def _run_in_worker(job: Job) -> Outcome:
    assert _WORKER_STEPS is not None, "worker not initialised"
    return process_file(job, _WORKER_STEPS)


# --- main side --------------------------------------------------------------------


def chunk_count(size: int, total: int, workers: int) -> int:
    """Slices a file is cut into, so that ``workers`` share a run whose biggest file dominates.

    A file worth about k workers' share of the input gets k slices (at most
    ``workers``); each slice's worker loads the file and tags its part of the
    documents. The output does not change: slices are written back in order.

    >>> chunk_count(590, 630, 2), chunk_count(10, 630, 2), chunk_count(590, 630, 1), chunk_count(5, 50_000, 4)
    (2, 1, 1, 1)
    """
    if workers <= 1 or total <= 0:
        return 1
    return max(1, min(workers, round(size * workers / total)))


def _measure(i: int, src: Source, digests: dict[int, str]) -> int | Outcome:
    """The file's size (its digest into ``digests``), or the outcome of a file that cannot be read."""
    try:
        size = src.path.stat().st_size
        digests[i] = content_hash(src.path)
        return size
    except OSError as exc:
        summary = FileSummary(errors=[rows.error_row(src.name, str(src.path), "read", exc)])
        return Outcome(i, src.name, 0, summary)


def _plan(sources: list[Source], parts: Path, fingerprint: str, resume: bool, workers: int,
          digests: dict[int, str]) -> list[Job | Outcome]:
    """One slot per file slice, in input order: a job to run, or an outcome known already
    (an unreadable file, a part kept from an earlier run when resuming).

    Fills ``digests`` (input index -> SHA-256 of the file's content).
    """
    measured = [_measure(i, src, digests) for i, src in enumerate(sources)]
    total = sum(m for m in measured if isinstance(m, int))
    slots: list[Job | Outcome] = []
    for i, (src, size) in enumerate(zip(sources, measured)):
        if isinstance(size, Outcome):
            slots.append(size)
            continue
        chunks = chunk_count(size, total, workers)
        for k in range(chunks):
            key = hashlib.sha256(f"{fingerprint}\0{src.name}\0{digests[i]}\0{k}/{chunks}".encode()).hexdigest()
            part = parts / f"{key[:40]}{PART_SUFFIX}"
            share = size if k == 0 else 0  # the file's bytes count once
            if resume and part.is_file():
                slots.append(Outcome(i, src.name, share, read_part_summary(str(part)), cached=True,
                                     part_paths=(str(part),)))
            else:
                slots.append(Job(i, str(src.path), str(src.root) if src.root else None, src.name, str(part),
                                 share, k, chunks))
    return slots


def _outcomes(slots: list[Job | Outcome], steps: Steps | None, factory: StepsFactory, model: str | None,
              workers: int) -> Iterator[Outcome]:
    """An outcome per slot, in order; jobs run in a process pool when workers > 1."""
    jobs = [s for s in slots if isinstance(s, Job)]
    if workers > 1 and len(jobs) > 1:
        pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=_fork_context(),
                                   initializer=_init_worker, initargs=(factory, model))
        try:
            futures = [pool.submit(_run_in_worker, s) if isinstance(s, Job) else None for s in slots]
            for slot, future in zip(slots, futures):
                yield future.result() if future else slot  # type: ignore[misc]
        except BaseException:  # Ctrl-C or a crash: drop the queued files instead of waiting for them
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        return
    for slot in slots:
        yield process_file(slot, steps, keep_rows=True) if isinstance(slot, Job) else slot  # type: ignore[arg-type]


def _per_file(outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
    """Merge the outcomes of a file's slices (they come one after the other)."""
    current: Outcome | None = None
    for outcome in outcomes:
        if current is not None and outcome.index == current.index:
            current.merge(outcome)
            continue
        if current is not None:
            yield current
        current = outcome
    if current is not None:
        yield current


def _copy_parts(outcome: Outcome, writers: TableWriters) -> None:
    """Write the file's rows into the tables: from memory when the outcome has them,
    else from its part files (a worker's, or one kept from an earlier run)."""
    if outcome.rows is not None:
        _write_rows(outcome.rows, writers)
        return
    for part in outcome.part_paths:
        with open(part, encoding="utf-8") as fh:
            next(fh)  # the summary line
            _write_rows((line.rstrip("\n") for line in fh), writers)


def _write_rows(lines: Iterable[str], writers: TableWriters) -> None:
    by_table: dict[str, list[str]] = {}  # one write per table: a call per row costs more
    for line in lines:
        table, _, payload = line.partition("\t")
        by_table.setdefault(table, []).append(payload)
    for table, payloads in by_table.items():
        writers.write(table, "\n".join(payloads))


def _prune(parts: Path, keep: set[str]) -> None:
    """Remove parts of files no longer in the input (and leftovers of killed workers)."""
    for path in parts.iterdir():
        if path.name not in keep:
            path.unlink()


def tag(
    paths: Sequence[Path],
    out: Path,
    *,
    factory: StepsFactory,
    model: str | None = None,
    workers: int = 1,
    resume: bool = False,
    on_start: Callable[[int, int], None] | None = None,
    on_file: Callable[[Outcome], None] | None = None,
) -> TagResult:
    """Tag every file under ``paths`` into ``out``; see the module docstring.

    ``factory(model)`` builds the :class:`Steps` (once per process);
    ``on_start(n_files, n_bytes)`` and ``on_file(outcome)`` report progress.

    Raises:
        KzlError: the steps cannot be built (a bad ``model`` folder), or ``out`` cannot be
            written, before any output is written.

    >>> import tempfile
    >>> from kzlegalnlp._resources import raw_dir
    >>> out = Path(tempfile.mkdtemp())
    >>> result = tag([raw_dir() / "news_kk_2026-01-16_internet_fraud_2025.txt"], out, factory=default_factory)
    >>> result.exit_code, result.summary.files, (out / "documents.jsonl").read_text().count("\\n")
    (0, 1, 1)
    """
    out = Path(out)
    parts = _state_folder(out)
    for stale in out.glob(".*.tmp-*"):  # left by a run that was killed outright
        stale.unlink()
    sources = discover(paths, exclude=out)
    digests: dict[int, str] = {}
    slots = _plan(sources, parts, code_fingerprint(model), resume, max(1, workers), digests)
    # built here even when workers build their own: a bad model fails now, with a clear error
    steps = _build_steps(factory, model) if any(isinstance(s, Job) for s in slots) else None
    if on_start:
        on_start(len(sources), sum(s.size for s in slots))
    summary = RunSummary()
    manifest: list[dict[str, object]] = []
    kept_parts: set[str] = set()  # part files of this run; the others are stale
    with TableWriters(out, list(OUTPUT_TABLES) + ["errors"]) as writers, _young_generation():
        for outcome in _per_file(_outcomes(slots, steps, factory, model, max(1, workers))):
            for err in outcome.summary.errors:
                writers.write("errors", dumps(err))
            _copy_parts(outcome, writers)
            outcome.rows = None  # written: a caller keeping outcomes must not keep every row
            summary.add(outcome)
            manifest.append(_manifest_entry(sources[outcome.index], outcome, digests.get(outcome.index)))
            kept_parts.update(Path(p).name for p in outcome.part_paths)
            if on_file:
                on_file(outcome)
    _prune(parts, kept_parts)
    written = [out / f"{t}.jsonl" for t in OUTPUT_TABLES + ("errors",)]
    written += [_write_json(out / "summary.json", summary.to_dict()),
                _write_json(out / "manifest.json", {"schema_version": SCHEMA_VERSION, "files": manifest})]
    return TagResult(summary, out, written)


def _state_folder(out: Path) -> Path:
    """Create ``out`` and its part-file folder; a clear error when that is impossible.

    Raises:
        ConfigError: ``out`` is a file, or cannot be created or written (names the cause).

    >>> import tempfile
    >>> _state_folder(Path(tempfile.mkdtemp()) / "out").name
    'parts'
    """
    from ..errors import ConfigError

    parts = out / STATE_DIR / "parts"
    try:
        parts.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{out}: cannot write the output folder ({exc.strerror or exc})") from exc
    return parts


def _manifest_entry(src: Source, outcome: Outcome, digest: str | None) -> dict[str, object]:
    # no part names here: they depend on --workers, and the manifest must not
    return {"source": src.name, "path": str(src.path.resolve()), "sha256": digest, "bytes": outcome.size,
            "failed": outcome.failed}


def _write_json(path: Path, data: object) -> Path:
    with atomic_write(path) as fh:
        fh.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return path


def default_factory(model: str | None) -> Steps:
    """The library's own loader, classifier and extractors (see :mod:`.upstream`)."""
    from .upstream import build_steps

    return build_steps(model)


__all__ = ["tag", "discover", "TagResult", "Source", "content_hash", "default_factory"]
