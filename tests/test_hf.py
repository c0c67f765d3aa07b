"""The Hugging Face export: Parquet tables with declared features, a dataset card, offline loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

datasets = pytest.importorskip("datasets")

from typer.testing import CliRunner  # noqa: E402

from kzlegalnlp._resources import raw_dir  # noqa: E402
from kzlegalnlp.cli import app  # noqa: E402
from kzlegalnlp.errors import ConfigError  # noqa: E402
from kzlegalnlp.integrations.hf import export_hf, hf_row, load_export, table_features  # noqa: E402
from kzlegalnlp.integrations.hf_card import size_category  # noqa: E402
from kzlegalnlp.tag.schema import OUTPUT_TABLES, TABLES  # noqa: E402

NEWS = "news_kk_2026-01-16_internet_fraud_2025.txt"
CARD_HEADINGS = ("## Dataset description", "## Languages", "## Data fields", "## Provenance",
                 "## Personal data", "## Licence")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole bundled corpus exported once, through the command line."""
    out = tmp_path_factory.mktemp("hf") / "dataset"
    result = CliRunner().invoke(app, ["export", "--hf", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kzlegal tag` output of one news file, read back by the tests below."""
    out = tmp_path_factory.mktemp("tagged")
    result = CliRunner().invoke(app, ["tag", str(raw_dir() / NEWS), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def test_writes_one_parquet_per_table_and_a_card(bundled: Path) -> None:
    names = sorted(p.name for p in bundled.iterdir())
    assert names == sorted([f"{t}.parquet" for t in OUTPUT_TABLES] + ["README.md"])


def test_loads_offline_with_parquet_builder_and_declared_features(bundled: Path) -> None:
    for table in OUTPUT_TABLES:
        ds = datasets.load_dataset("parquet", data_files={"train": str(bundled / f"{table}.parquet")}, split="train")
        assert ds.features == table_features(table), table
        assert ds.num_rows > 0, table
        assert ds.column_names == [c.name for c in TABLES[table]]


def test_bundled_counts_match_the_loader(bundled: Path) -> None:
    from kzlegalnlp import load_corpus

    corpus = load_corpus()
    data = load_export(bundled)
    assert data["documents"].num_rows == len(corpus)
    assert data["paragraphs"].num_rows == sum(len(d.paragraphs) + len(d.references) for d in corpus)
    assert set(data["articles"]["doc_id"]) <= {d.doc_id for d in corpus}


def test_offsets_point_into_the_source_file(bundled: Path) -> None:
    """Every exported reference's surface is where its offsets say, in the raw file."""
    articles = datasets.load_dataset("parquet", data_files=str(bundled / "articles.parquet"), split="train")
    texts: dict[str, str] = {}
    for row in articles:
        text = texts.setdefault(row["source"], (raw_dir() / row["source"]).read_text(encoding="utf-8"))
        # the surface is the cleaned text: line breaks, hyphenation and spacing may differ from the print
        assert _letters(text[row["char_start"]:row["char_end"]]) == _letters(row["surface"]), row


def test_config_loading_through_the_card_header(bundled: Path) -> None:
    ds = datasets.load_dataset(str(bundled), "statistics", split="train")
    assert ds.num_rows == load_export(bundled)["statistics"].num_rows


def test_card_has_the_usual_headings_and_every_field(bundled: Path) -> None:
    card = (bundled / "README.md").read_text(encoding="utf-8")
    header, body = card.split("---\n", 2)[1:]
    assert "license: other" in header and "- kk" in header and "- ru" in header
    positions = [body.index(h) for h in CARD_HEADINGS]
    assert positions == sorted(positions)
    for table in OUTPUT_TABLES:
        for col in TABLES[table]:
            assert f"| `{col.name}` |" in body
    assert "Kazinform" in body  # bundled provenance, not the generic text
    assert "patronymic" in body


def test_export_of_a_tag_folder_keeps_every_row(tagged: Path, tmp_path: Path) -> None:
    export = export_hf(tmp_path / "ds", tagged=tagged)
    data = load_export(export.folder)
    for table in OUTPUT_TABLES:
        rows = _jsonl(tagged / f"{table}.jsonl")
        assert data[table].num_rows == len(rows) == export.rows[table]
        assert data[table].to_list() == [hf_row(table, r) for r in rows]
    card = (export.folder / "README.md").read_text(encoding="utf-8")
    assert NEWS in card and "user-supplied" in card


def test_topic_scores_round_trip_as_label_score_pairs(tagged: Path, tmp_path: Path) -> None:
    data = load_export(export_hf(tmp_path / "ds", tagged=tagged).folder)
    original = _jsonl(tagged / "paragraphs.jsonl")
    for row, before in zip(data["paragraphs"], original):
        assert {p["label"]: p["score"] for p in row["topic_scores"]} == before["topic_scores"]


def test_not_a_tag_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "documents.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="paragraphs.jsonl"):
        export_hf(tmp_path / "ds", tagged=tmp_path)


def test_cli_reports_a_missing_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(tmp_path / "nope"), "--hf", str(tmp_path / "ds")])
    assert result.exit_code == 2
    assert "nope" in result.output


def test_unknown_table_is_refused() -> None:
    with pytest.raises(ConfigError, match="documents"):
        table_features("people")


@pytest.mark.parametrize("n, expected", [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (20_000, "10K<n<100K"),
                                         (500_000, "100K<n<1M")])
def test_size_category(n: int, expected: str) -> None:
    assert size_category(n) == expected
