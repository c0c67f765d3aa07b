"""The dataset card (``README.md``) of a Hugging Face export.

The card follows the Hugging Face template: a YAML header (languages, licence,
one config per Parquet table) and the sections Description, Languages, Data
fields, Provenance, Personal data and Licence. Field descriptions come from
:mod:`kzlegalnlp.tag.schema`, so the card always matches the files.

>>> card = dataset_card({"documents": 1, "paragraphs": 2, "articles": 0, "statistics": 0}, [], ["kk"])
>>> [line for line in card.splitlines() if line.startswith("## ")][:3]
['## Dataset description', '## Languages', '## Data fields']
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..tag.schema import OUTPUT_TABLES, TABLES

LANG_NAMES = {"kk": "Kazakh", "ru": "Russian", "en": "English"}
_TABLE_TEXT = {
    "documents": "one row per document (paper, programme, participant list, resolution, news item)",
    "paragraphs": "one row per paragraph (body and bibliography), with its topics",
    "articles": "one row per reference to an article of a legal code",
    "statistics": "one row per figure (value, unit, year, what it counts)",
}
_TYPE_TEXT = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool",
              "array": "list of strings", "object": "list of {label, score}"}
_BUNDLED_PROVENANCE = """\
The texts are the corpus bundled with `kzlegalnlp` (see `corpus/README.md`, the datasheet):
four Kazakh news reports copied from the public sites named in them (Kazinform, Polisia.kz,
BAQ.KZ; one names no outlet) and the text layer of the published PDF collection of an
international scientific and practical conference of the Almaty Academy of the MIA
(20 September 2024). The files are unchanged; PDF extraction defects (hyphenation, page
numbers, flattened tables) are worked around by the loader, not corrected in the text."""
_BUNDLED_PERSONAL = """\
The proceedings name their authors and participants with surname, first name and patronymic,
position, academic degree and police or justice rank, as printed (about 18 people; columns
`authors`, `affiliation` and the programme and participant-list paragraphs). The news name the
Minister and a Vice-Minister of Internal Affairs and the head of state in their official roles.
One paper names a fraud victim only by an initial. No contact data or identity numbers occur.
Consider whether names are needed before republishing derived data."""
_GENERIC_PERSONAL = """\
This export was made from user-supplied files; `kzlegalnlp` does not remove or mask names.
`authors` and `affiliation` repeat what the documents print, and paragraph texts may name
people. Check the texts for personal data before publishing this dataset."""
_BUNDLED_LICENCE = """\
`license: other`. The news texts and the conference collection are public texts redistributed
for research with attribution to their publishers; their copyright stays with the publishers.
Article titles of the legal codes are official texts (outside copyright under the law of
Kazakhstan; see `kzlegalnlp/data/codes/README.md`). The derived annotations (topics, references,
statistics) are released under the MIT licence of `kzlegalnlp`."""
_GENERIC_LICENCE = """\
`license: other`: the licence of the source texts is the publisher's to state; edit this
section and the YAML header before publishing. The derived annotations (topics, references,
statistics) were produced by `kzlegalnlp` (MIT licence)."""


def size_category(n: int) -> str:
    """The Hugging Face ``size_categories`` value for ``n`` rows.

    >>> size_category(999), size_category(1382)
    ('n<1K', '1K<n<10K')
    """
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K")):
        if n < limit:
            return name
    return "100K<n<1M"


def _yaml_header(counts: Mapping[str, int], langs: Sequence[str]) -> list[str]:
    lines = ["---", "pretty_name: kzlegalnlp tagged legal texts", "language:"]
    lines += [f"- {lang}" for lang in langs] or ["- kk"]
    lines += ["license: other", "multilinguality: multilingual",
              f"size_categories:\n- {size_category(counts.get('paragraphs', 0))}",
              "task_categories:\n- text-classification\n- token-classification",
              "tags:\n- legal\n- criminal-law\n- kazakhstan\n- citations", "configs:"]
    for i, table in enumerate(OUTPUT_TABLES):
        lines += [f"- config_name: {table}", f"  data_files: {table}.parquet"] + (["  default: true"] if i == 0 else [])
    return lines + ["---"]


def _fields(table: str) -> list[str]:
    lines = [f"### `{table}`", "", f"`{table}.parquet`: {_TABLE_TEXT[table]}.", "",
             "| field | type | description |", "|---|---|---|"]
    for c in TABLES[table]:
        kind = _TYPE_TEXT[c.type] + (", nullable" if c.nullable else "")
        lines.append(f"| `{c.name}` | {kind} | {c.doc.replace('|', '/')} |")
    return lines + [""]


def _sources(files: Sequence[Mapping[str, Any]]) -> list[str]:
    if not files:
        return ["The source files were not recorded (the tag folder had no `manifest.json`)."]
    lines = ["| source file | bytes | sha256 |", "|---|---|---|"]
    for f in files:
        lines.append(f"| `{f.get('source')}` | {f.get('bytes')} | `{(f.get('sha256') or '')[:16]}` |")
    return lines


def dataset_card(counts: Mapping[str, int], files: Sequence[Mapping[str, Any]], langs: Sequence[str], *,
                 bundled: bool = False, version: str = "") -> str:
    """The card's Markdown text.

    Args:
        counts: rows per table.
        files: the tag run's manifest entries (``source``, ``bytes``, ``sha256``).
        langs: language codes present, most frequent first.
        bundled: the export is of the bundled corpus (its provenance and rights are known).
        version: the ``kzlegalnlp`` version that made the export.

    >>> "## Personal data" in dataset_card({}, [], ["ru"], bundled=True)
    True
    """
    rows = ", ".join(f"{counts.get(t, 0)} {t}" for t in OUTPUT_TABLES)
    out = _yaml_header(counts, langs) + [
        "", "# kzlegalnlp tagged legal texts", "",
        "## Dataset description", "",
        "Legal and law-enforcement texts split into documents and paragraphs, with the references to "
        "articles of legal codes, the statistics (figures with unit, year and subject) and the topics "
        "(cyber-fraud, corruption, trafficking, organised crime, drugs, cybercrime) found by "
        f"[`kzlegalnlp`](https://pypi.org/project/kzlegalnlp/) {version} (`kzlegal export --hf`). "
        f"Rows: {rows}. Annotations are automatic, not gold; the gold annotations of the bundled "
        "corpus are in `corpus/annotations/` of the kzlegalnlp repository.", "",
        "## Languages", "",
        ", ".join(f"{LANG_NAMES.get(x, x)} (`{x}`)" for x in langs) + ". The `lang` column says the language "
        "of each document, paragraph, reference and figure; the conference papers are monolingual, the "
        "programme and participant lists mix Kazakh and Russian.", "",
        "## Data fields", "",
        "Offsets (`char_start`, `char_end`) are character offsets into the decoded source file and `line` "
        "numbers are 1-based, so every row points back to where it was printed. `doc_id` joins the tables.", "",
    ]
    for table in OUTPUT_TABLES:
        out += _fields(table)
    out += ["### Loading", "", "```python", "from datasets import load_dataset",
            'articles = load_dataset("parquet", data_files="articles.parquet", split="train")',
            "# or, with the configs declared above: load_dataset(\"path/to/this/folder\", \"articles\")",
            "```", "",
            "## Provenance", "", _BUNDLED_PROVENANCE if bundled else
            "The texts are files supplied by the user who ran the export.", "", "Source files:", ""]
    out += _sources(files) + ["", "## Personal data", "", _BUNDLED_PERSONAL if bundled else _GENERIC_PERSONAL, "",
                              "## Licence", "", _BUNDLED_LICENCE if bundled else _GENERIC_LICENCE, ""]
    return "\n".join(out)


__all__ = ["dataset_card", "size_category", "LANG_NAMES"]
