"""Every public function and class has a docstring with a runnable ``>>>`` example.

"Public" is ``kzlegalnlp.__all__`` (the lazy verbs resolve on access). The
examples themselves also run under ``--doctest-modules``; running them here
keeps the check even when pytest is started without that option.
"""

from __future__ import annotations

import doctest
import inspect

import pytest

import kzlegalnlp

PUBLIC = [n for n in kzlegalnlp.__all__ if inspect.isfunction(getattr(kzlegalnlp, n))
          or inspect.isclass(getattr(kzlegalnlp, n))]
_FINDER = doctest.DocTestFinder(recurse=False)
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def test_public_names_cover_the_verbs_and_records() -> None:
    """The list below is not empty by accident: the four verbs and the records are in it."""
    assert {"load_corpus", "Corpus", "extract_articles", "extract_statistics", "classify", "TopicClassifier",
            "spacy_pipeline", "Document", "ArticleRef", "Statistic", "TopicScores"} <= set(PUBLIC)


@pytest.mark.parametrize("name", PUBLIC)
def test_docstring_has_an_example(name: str) -> None:
    doc = inspect.getdoc(getattr(kzlegalnlp, name)) or ""
    assert doc.strip(), f"kzlegalnlp.{name} has no docstring"
    assert ">>>" in doc, f"kzlegalnlp.{name}: the docstring has no >>> example"


@pytest.mark.parametrize("name", PUBLIC)
def test_docstring_example_runs(name: str) -> None:
    obj = getattr(kzlegalnlp, name)
    module = inspect.getmodule(obj)
    tests = [t for t in _FINDER.find(obj, name, module=module, globs=dict(vars(module))) if t.examples]
    assert tests, f"kzlegalnlp.{name}: no example found by doctest"
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    for test in tests:
        runner.run(test)
    assert runner.failures == 0, f"kzlegalnlp.{name}: {runner.failures} failing example(s) (see output above)"


def test_a_failing_example_is_caught() -> None:
    """The checker above can fail: a wrong expected output is counted as a failure."""

    def wrong() -> None:
        """>>> 1 + 1
        3
        """

    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    for test in _FINDER.find(wrong, "wrong", globs={}):
        runner.run(test, out=lambda _s: None)
    assert runner.failures == 1


def test_import_stays_light() -> None:
    """The lazy verbs keep heavy packages out of ``import kzlegalnlp`` (checked in a fresh interpreter)."""
    import subprocess
    import sys

    code = ("import sys, kzlegalnlp; heavy = {'sklearn', 'spacy', 'torch', 'transformers', 'datasets', 'pandas'}; "
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


README = __import__("pathlib").Path(__file__).resolve().parent.parent / "README.md"


def _readme_blocks() -> list[str]:
    """The ```pycon blocks of the README, in order."""
    import re

    return re.findall(r"```pycon\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_examples_run(tmp_path, monkeypatch) -> None:
    """The README's Python examples show real output: they run here, in order, in one namespace.

    The Hugging Face block reads a folder made by ``kzlegal export --hf hf_dataset``; it is made
    here first, in a temporary working folder.
    """
    from typer.testing import CliRunner

    from kzlegalnlp.cli import app

    blocks = _readme_blocks()
    assert len(blocks) >= 3
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["export", "--hf", "hf_dataset"]).exit_code == 0
    globs: dict = {}
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    for i, block in enumerate(blocks):
        test = doctest.DocTestParser().get_doctest(block, globs, f"README block {i + 1}", str(README), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # a DocTest copies its globals: later blocks use names of earlier ones
    assert runner.failures == 0, f"{runner.failures} README example(s) differ from the real output (see above)"
