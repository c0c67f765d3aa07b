"""The batch runner behind ``kzlegal tag``: find files, tag them (in parallel), assemble outputs.

Each file is tagged on its own (in a worker process when ``workers > 1``) into a
*part file* under ``OUT/.kzlegal/parts/``, named by a hash of the file's content,
its source name and the library's code and model. The runner then copies the
parts, in input order, into the JSONL tables, so the output does not depend on
the number of workers, and only one file's rows are ever in memory.
``resume=True`` reuses the part of every file whose content has not changed.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..records import SCHEMA_VERSION
from . import rows
from .pipeline import PART_SUFFIX, Job, Outcome, Steps, dumps, process_file, read_part_summary
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


def discover(paths: Sequence[Path]) -> list[Source]:
    """Files to tag under ``paths``, in a stable order.

    Folders are walked recursively in sorted order, hidden files and folders
    left out. Every other file is taken, even of a type the loader does not
    read, so that it is reported rather than silently dropped.
    """
    found: list[Source] = []
    seen: set[Path] = set()
    for arg in map(Path, paths):
        if arg.is_dir():
            files = sorted(p for p in arg.rglob("*") if p.is_file() and _visible(p, arg))
            pairs = [(path, arg, path.relative_to(arg).as_posix()) for path in files]
        else:
            pairs = [(arg, None, arg.name)]
        for path, root, name in pairs:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.append(Source(path, root, name))
    return found


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes (streamed, so big files cost no memory)."""
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


def _init_worker(factory: StepsFactory, model: str | None) -> None:
    global _WORKER_STEPS
    _WORKER_STEPS = factory(model)


def _run_in_worker(job: Job) -> Outcome:
    assert _WORKER_STEPS is not None, "worker not initialised"
    return process_file(job, _WORKER_STEPS)


# --- main side --------------------------------------------------------------------


def _plan(sources: list[Source], parts: Path, fingerprint: str, resume: bool, digests: dict[int, str]
          ) -> tuple[list[Job], dict[int, Outcome]]:
    """Jobs to run, and outcomes known already (unreadable files, resumed parts).

    Fills ``digests`` (input index -> SHA-256 of the file's content).
    """
    jobs: list[Job] = []
    known: dict[int, Outcome] = {}
    for i, src in enumerate(sources):
        try:
            size = src.path.stat().st_size
            digest = digests[i] = content_hash(src.path)
        except OSError as exc:
            from .pipeline import FileSummary

            summary = FileSummary(errors=[rows.error_row(src.name, str(src.path), "read", exc)])
            known[i] = Outcome(i, src.name, 0, summary)
            continue
        key = hashlib.sha256(f"{fingerprint}\0{src.name}\0{digest}".encode()).hexdigest()[:40]
        part = parts / f"{key}{PART_SUFFIX}"
        if resume and part.is_file():
            known[i] = Outcome(i, src.name, size, read_part_summary(str(part)), cached=True, part_path=str(part))
            continue
        jobs.append(Job(i, str(src.path), str(src.root) if src.root else None, src.name, str(part), size))
    return jobs, known


def _outcomes(jobs: list[Job], known: dict[int, Outcome], n: int, factory: StepsFactory,
              model: str | None, workers: int) -> Iterator[Outcome]:
    """Outcomes in input order; files are tagged in a process pool when workers > 1."""
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_init_worker,
                                 initargs=(factory, model)) as pool:
            futures = {job.index: pool.submit(_run_in_worker, job) for job in jobs}
            for i in range(n):
                yield known[i] if i in known else futures.pop(i).result()
        return
    steps = factory(model) if jobs else None
    by_index = {job.index: job for job in jobs}
    for i in range(n):
        yield known[i] if i in known else process_file(by_index[i], steps)  # type: ignore[arg-type]


def _copy_part(outcome: Outcome, writers: TableWriters) -> None:
    with open(outcome.part_path, encoding="utf-8") as fh:
        next(fh)  # the summary line
        for line in fh:
            table, _, payload = line.rstrip("\n").partition("\t")
            writers.write(table, payload)


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
    """
    out = Path(out)
    parts = out / STATE_DIR / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    sources = discover(paths)
    digests: dict[int, str] = {}
    jobs, known = _plan(sources, parts, code_fingerprint(model), resume, digests)
    if on_start:
        on_start(len(sources), sum(j.size for j in jobs) + sum(o.size for o in known.values()))
    summary = RunSummary()
    manifest = []
    with TableWriters(out, list(OUTPUT_TABLES) + ["errors"]) as writers:
        for outcome in _outcomes(jobs, known, len(sources), factory, model, max(1, workers)):
            for err in outcome.summary.errors:
                writers.write("errors", dumps(err))
            if outcome.part_path:
                _copy_part(outcome, writers)
            summary.add(outcome)
            manifest.append(_manifest_entry(sources[outcome.index], outcome, digests.get(outcome.index)))
            if on_file:
                on_file(outcome)
    _prune(parts, {o["part"] for o in manifest if o["part"]})
    written = [out / f"{t}.jsonl" for t in OUTPUT_TABLES + ("errors",)]
    written += [_write_json(out / "summary.json", summary.to_dict()),
                _write_json(out / "manifest.json", {"schema_version": SCHEMA_VERSION, "files": manifest})]
    return TagResult(summary, out, written)


def _manifest_entry(src: Source, outcome: Outcome, digest: str | None) -> dict[str, object]:
    return {"source": src.name, "path": str(src.path.resolve()), "sha256": digest, "bytes": outcome.size,
            "part": Path(outcome.part_path).name if outcome.part_path else None, "failed": outcome.failed}


def _write_json(path: Path, data: object) -> Path:
    with atomic_write(path) as fh:
        fh.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return path


def default_factory(model: str | None) -> Steps:
    """The library's own loader, classifier and extractors (see :mod:`.upstream`)."""
    from .upstream import build_steps

    return build_steps(model)


__all__ = ["tag", "discover", "TagResult", "Source", "content_hash", "default_factory"]
