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


def main() -> None:
    """Entry point of the ``kzlegal`` console script."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
