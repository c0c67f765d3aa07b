"""The terminal side of ``kzlegal tag``: progress bar, error lines, summary, exit code.

Exit codes: 0 every file tagged; 1 at least one file (or document) failed, the
others were still tagged and written; 2 nothing tagged (no such path, no file,
an unknown format, a bad model folder, an output folder that cannot be written).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import runner

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from .pipeline import Outcome

EXIT_OK, EXIT_FAILED_FILES, EXIT_NOTHING = 0, 1, 2


def _error_line(console: "Console", outcome: "Outcome") -> None:
    from rich.markup import escape

    from .summary import problem_lines

    for line in problem_lines(outcome.summary.errors):
        console.print(f"[bold red]error[/] {escape(line)}", highlight=False, soft_wrap=True)


def _verbose_line(console: "Console", outcome: "Outcome") -> None:
    fs = outcome.summary
    how = "resumed" if outcome.cached else f"{outcome.seconds:.2f} s"
    console.print(f"{outcome.source}: {sum(fs.documents.values())} documents, "
                  f"{sum(fs.articles.values())} articles, {fs.statistics} statistics ({how})", highlight=False,
                  soft_wrap=True)


class _Feedback:
    """Progress bar (terminal only), error lines (always) and per-file lines (--verbose)."""

    def __init__(self, console: "Console", show_progress: bool, verbose: bool) -> None:
        self.console, self.verbose, self.progress, self.task = console, verbose, None, None
        if show_progress:
            from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn,
                                       TransferSpeedColumn)

            self.progress = Progress(TextColumn("tagging"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                                     TimeRemainingColumn(), console=console, transient=True)

    def start(self, n_files: int, n_bytes: int) -> None:
        if self.progress is not None:
            self.progress.start()
            self.task = self.progress.add_task("tag", total=n_bytes)

    def file_done(self, outcome: "Outcome") -> None:
        if self.progress is not None:
            self.progress.advance(self.task, outcome.size)  # type: ignore[arg-type]
        if outcome.failed:
            _error_line(self.console, outcome)
        if self.verbose:
            _verbose_line(self.console, outcome)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def run_tag(paths: list[Path], out: Path, *, formats: list[str], model: str | None, workers: int,
            resume: bool, quiet: bool, verbose: bool, factory: Callable | None = None) -> int:
    """Run ``kzlegal tag`` and return its exit code (see the module docstring)."""
    from rich.console import Console
    from rich.markup import escape

    from ..errors import KzlError
    from .export import FORMATS, export

    err, console = Console(stderr=True), Console()
    unknown = sorted(set(formats) - set(FORMATS))
    missing = [str(p) for p in paths if not Path(p).exists()]
    if unknown or missing:
        why = f"unknown format {', '.join(unknown)}" if unknown else f"no such file or folder: {', '.join(missing)}"
        err.print(f"[bold red]error[/] {why}", highlight=False)
        return EXIT_NOTHING
    if not paths:
        from .._resources import raw_dir

        paths = [raw_dir()]
    feedback = _Feedback(err, err.is_terminal and not quiet, verbose and not quiet)
    started = time.perf_counter()
    try:
        result = runner.tag(paths, out, factory=factory or runner.default_factory,
                            model=model, workers=workers, resume=resume, on_start=feedback.start,
                            on_file=feedback.file_done)
    except KzlError as exc:  # a bad --model or --out folder: nothing was tagged
        err.print(f"[bold red]error[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        return EXIT_NOTHING
    finally:
        feedback.stop()
    export(Path(out), formats)
    if not quiet:
        result.summary.render(console, seconds=time.perf_counter() - started)
    if result.summary.files == 0:
        err.print("[bold red]error[/] no file to tag", highlight=False)
        return EXIT_NOTHING
    return result.exit_code
