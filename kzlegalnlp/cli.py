"""The ``kzlegal`` command line. Each command is a thin shell over library functions."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kzlegal",
    help="Legal-text NLP for Kazakh and Russian: load, tag, extract, classify, evaluate.",
    no_args_is_help=True,
    add_completion=False,
)
evaluate_app = typer.Typer(help="Score the library against the gold annotations.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


@app.command("tag")
def tag_command(
    paths: list[str] = typer.Argument(None, help="Files or folders to tag (default: the bundled corpus)."),
    out: str = typer.Option(..., "--out", "-o", help="Output folder for the tables."),
    formats: list[str] = typer.Option(["jsonl"], "--format", "-f",
                                      help="jsonl (always written), csv, parquet or xlsx; repeatable."),
    model: str = typer.Option(None, "--model", help="Topic model folder (default: the shipped model)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Files tagged in parallel."),
    resume: bool = typer.Option(False, "--resume", help="Skip files already tagged (same content hash)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per file."),
) -> None:
    """Tag files: documents.jsonl, paragraphs.jsonl, articles.jsonl, statistics.jsonl, errors.jsonl.

    Exit code: 0 all files tagged; 1 some file failed (see errors.jsonl; the
    others are tagged); 2 nothing tagged (no such path, no file, unknown format,
    bad model folder, an output folder that cannot be written).
    """
    from pathlib import Path

    from .tag.command import run_tag

    code = run_tag([Path(p) for p in paths or []], Path(out), formats=formats, model=model, workers=workers,
                   resume=resume, quiet=quiet, verbose=verbose)
    raise typer.Exit(code)


@app.command("report")
def report_command(
    folder: str = typer.Argument("out", help="Folder written by `kzlegal tag`."),
    out: str = typer.Option("report.html", "--out", "-o", help="The HTML file to write."),
) -> None:
    """Write one self-contained HTML page: topics chart, documents, articles, statistics, texts.

    Exit code: 0 written; 2 nothing written (the folder holds no tagging run, or the
    page cannot be written).
    """
    from pathlib import Path

    from .errors import KzlError
    from .report import write_report

    try:
        typer.echo(write_report(Path(folder), Path(out)))
    except (KzlError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@evaluate_app.command("articles")
def evaluate_articles_command(
    gold: str = typer.Option(None, "--gold", help="Gold JSONL (default: the bundled articles.jsonl)."),
    corpus: str = typer.Option(None, "--corpus", help="Corpus folder (default: the bundled corpus)."),
    show_errors: bool = typer.Option(False, "--errors", help="List false positives and negatives."),
) -> None:
    """Precision, recall and F1 of the article extractor, overall and per language."""
    from pathlib import Path

    from .extract.evaluate_articles import evaluate

    typer.echo(evaluate(Path(gold) if gold else None, corpus, show_errors)[1])


@evaluate_app.command("statistics")
def evaluate_statistics_command(
    gold: str = typer.Option(None, "--gold", help="Gold JSONL (default: the bundled statistics.jsonl)."),
    mode: str = typer.Option("documents", "--mode", help="documents (loader) or raw (plain files)."),
    show_errors: bool = typer.Option(False, "--errors", help="List misses, false positives, wrong years."),
) -> None:
    """Precision, recall and F1 of the statistics extractor; subject and year accuracy."""
    from .extract.evaluate_statistics import evaluate, format_report

    typer.echo(format_report(evaluate(mode, gold), show_errors))


@evaluate_app.command("topics")
def evaluate_topics_command(
    gold: str = typer.Option(None, "--gold", help="Gold JSONL (default: the bundled topics.jsonl)."),
    folds: int = typer.Option(5, "--folds", min=2, help="Cross-validation folds, grouped by document."),
    backend: str = typer.Option("linear", "--backend", help="linear (shipped configuration) or hf."),
    encoder: str = typer.Option(None, "--encoder", help="Local encoder directory (hf backend)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    heldout: str = typer.Option(None, "--heldout", help="Held-out JSONL scored with the shipped model "
                                "(default: tests/data/topics_heldout.jsonl in a source checkout)."),
) -> None:
    """Per-label P/R/F1 and macro-F1 of the topic classifier, paragraphs and documents, next to a lexicon baseline."""
    from .topics.commands import evaluate_command
    from .errors import KzlError

    try:
        typer.echo(evaluate_command(gold, folds, backend, encoder, as_json, heldout=heldout))
    except KzlError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command("train")
def train_command(
    data: str = typer.Option(..., "--data", help="Training JSONL: {\"text\": ..., \"labels\": [...]} per line."),
    out: str = typer.Option(..., "--out", help="Model folder to write (use it with `kzlegal tag --model`)."),
    labels: str = typer.Option(None, "--labels", help="Comma-separated label set (default: labels in the data)."),
    backend: str = typer.Option("linear", "--backend", help="linear or hf."),
    encoder: str = typer.Option(None, "--encoder", help="Local encoder directory (hf backend)."),
    epochs: int = typer.Option(3, "--epochs", min=1, help="Training epochs (hf backend)."),
    c: str = typer.Option("auto", "--C", help="Regularisation of the linear model: a number, or auto "
                          "(chosen from 1, 3, 10 by cross-validation grouped by document)."),
) -> None:
    """Train a topic model on your own labelled paragraphs."""
    from .topics.commands import train_command as run
    from .errors import KzlError

    try:
        C: float | str = c if c == "auto" else float(c)
    except ValueError:
        typer.echo(f"error: --C must be a number or 'auto', got {c!r}", err=True)
        raise typer.Exit(2) from None
    try:
        typer.echo(run(data, out, labels, backend, encoder, epochs, C=C))
    except KzlError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command("corpus")
def corpus_command(
    path: str = typer.Argument(None, help="A file or folder (default: the bundled corpus)."),
    as_json: bool = typer.Option(False, "--json", help="Print the document records as JSON."),
    paragraphs: bool = typer.Option(False, "--paragraphs", help="With --json: include paragraphs."),
) -> None:
    """List the documents found: kind, language, title, authors, source lines.

    Exit code: 0 loaded; 1 some files of the folder failed (warnings on stderr);
    2 nothing loaded.
    """
    from .corpus.view import run

    raise typer.Exit(run(path, as_json, paragraphs))


@app.command("export")
def export_command(
    paths: list[str] = typer.Argument(None, help="Files or folders to tag and export (default: the bundled corpus)."),
    hf: str = typer.Option(..., "--hf", help="Folder to write: Parquet tables + dataset card (README.md)."),
    tagged: str = typer.Option(None, "--from", help="Export a folder written by `kzlegal tag` instead of tagging."),
    model: str = typer.Option(None, "--model", help="Topic model folder (default: the shipped model)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Files tagged in parallel."),
) -> None:
    """Write a Hugging Face dataset: documents, paragraphs, articles, statistics (.parquet) and a card.

    Exit code: 0 written; 2 nothing written (no such path, not a tag folder, bad model).
    """
    from .integrations.hf import run_export

    raise typer.Exit(run_export(paths or [], hf, tagged, model, workers))


def main() -> None:
    """Entry point of the ``kzlegal`` console script."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
