"""The HTML report: content, self-containment, and a real render in headless Chromium.

The browser test needs Debian's ``chromium`` (``.ci/run`` installs it); it fails,
rather than skips, when the browser is missing.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlegalnlp.report import highlight, render_report, write_report
from kzlegalnlp.tag import runner

_spec = importlib.util.spec_from_file_location("tag_fakes", Path(__file__).with_name("tag_fakes.py"))
fakes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fakes)  # type: ignore[union-attr]

TEXTS = {
    "news_fraud.txt": "Интернет-алаяқтық бойынша ҚК 190-бабы\nқолданылды.\n\nБиыл қылмыс 12 % азайды.\n",
    "paper_ru.txt": "Мошенничество (ст. 190 УК) выросло на 7,5 %.\n\nВзятки <b>&amp;</b>: статьи 366.\n",
    "news_drugs.txt": "Есірткі қылмыстары 3 % өсті.\n",
    "broken.txt": "",
}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def tagged(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("in")
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    runner.tag([src], out, factory=fakes.fake_factory)
    return out


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _render_in_chromium(page: Path, profile: Path) -> tuple[str, str]:
    """DOM after the scripts ran, and the browser's log (console messages included)."""
    browser = shutil.which("chromium")
    assert browser, "chromium is not installed (apt-get install -y chromium; .ci/run does it)"
    proc = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def _script_errors(dom: str, log: str) -> list[str]:
    in_page = re.findall(r'<p class="js-error">([^<]*)</p>', dom)
    in_log = [line for line in log.splitlines() if "CONSOLE" in line and "Uncaught" in line]
    return in_page + in_log


def test_report_renders_in_chromium_with_expected_counts(tagged, tmp_path):
    page = write_report(tagged, tmp_path / "report.html")
    dom, log = _render_in_chromium(page, tmp_path / "profile")
    assert _script_errors(dom, log) == []
    assert 'data-ready="1"' in dom  # the script ran to its end
    for table in ("documents", "paragraphs", "articles", "statistics", "errors"):
        shown = re.search(rf'id="count-{table}"[^>]*>([^<]*)<', dom).group(1)
        assert shown == f"{_lines(tagged / f'{table}.jsonl'):,}", table
    topics = json.loads((tagged / "summary.json").read_text(encoding="utf-8"))["topics"]
    bars = dict(re.findall(r'<rect[^>]*data-topic="([^"]+)"[^>]*data-value="(\d+)"', dom))
    assert bars == {k: str(v) for k, v in topics.items()} and len(bars) >= 2


def test_browser_check_catches_a_script_error(tagged, tmp_path):
    """The check above can fail: a broken script is seen."""
    page = tmp_path / "broken.html"
    page.write_text(render_report(tagged).replace("fillCounts();\n", "fillCounts(); noSuchFunction();\n", 1),
                    encoding="utf-8")
    dom, log = _render_in_chromium(page, tmp_path / "profile")
    assert any("noSuchFunction" in e for e in _script_errors(dom, log))
    assert 'data-ready="1"' not in dom


def test_counts_and_topics_read_without_the_script(tagged):
    page = render_report(tagged)
    for table in ("documents", "paragraphs", "articles", "statistics", "errors"):
        assert f'data-count="{table}">{_lines(tagged / f"{table}.jsonl"):,}<' in page, table
    topics = json.loads((tagged / "summary.json").read_text(encoding="utf-8"))["topics"]
    fallback = re.search(r"<noscript>(.*?)</noscript>", page, re.S).group(1)
    assert dict(re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td></tr>", fallback)) == {
        k: str(v) for k, v in topics.items()}


def test_report_is_self_contained(tagged):
    page = render_report(tagged)
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page)
    assert not re.search(r"@import|url\(", page)
    assert "<script src" not in page and "<link" not in page


def test_report_shows_tables_and_highlighted_texts(tagged):
    page = render_report(tagged)
    assert page.count('<mark class="art" title=') == _lines(tagged / "articles.jsonl") == 3
    assert page.count('<mark class="stat" title=') == _lines(tagged / "statistics.jsonl") == 3
    assert 'title="kz-criminal-code-2014 190: Мошенничество">ст. 190</mark>' in page
    assert "Мошенничество</td><td>2</td>" in page  # most-cited article, with its title and count
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in page  # text from the files is escaped, never markup
    assert "broken.txt" in page  # the problem is listed


@pytest.mark.parametrize(
    "text,spans,expected",
    [
        ("a b", [], "a b"),
        ("ст. 190", [(0, 7, "art", "x")], '<mark class="art" title="x">ст. 190</mark>'),
        ("5 % & 6", [(0, 3, "stat", "<5>"), (6, 7, "stat", "6")],
         '<mark class="stat" title="&lt;5&gt;">5 %</mark> &amp; <mark class="stat" title="6">6</mark>'),
        # overlapping: the first (then the longer) wins, the other is dropped
        ("ст. 190 ч. 2", [(4, 7, "stat", "n"), (0, 12, "art", "a")], '<mark class="art" title="a">ст. 190 ч. 2</mark>'),
        ("abc", [(2, 9, "art", "out of range")], "abc"),
    ],
)
def test_highlight(text, spans, expected):
    assert highlight(text, spans) == expected


def test_missing_folder_is_a_clear_error(tmp_path):
    from kzlegalnlp.errors import KzlError

    with pytest.raises(KzlError, match="documents.jsonl: missing"):
        render_report(tmp_path)


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6))
def test_highlight_keeps_the_text(text, raw_spans):
    page = highlight(text, [(a, b, "art", "t") for a, b in raw_spans])
    marks = re.findall(r"<mark [^>]*>(.*?)</mark>", page)
    assert html.unescape(re.sub(r"<[^>]+>", "", page)) == text  # nothing lost, nothing added
    assert len(marks) <= len(raw_spans)
