"""Reading files: encodings, PDF/DOCX, and clear errors for bad files."""

from __future__ import annotations

import codecs
import warnings
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from kzlegalnlp.corpus import load_corpus
from kzlegalnlp.corpus.io import decode_bytes, read_source
from kzlegalnlp.errors import (
    BinaryFileError,
    CorpusReadError,
    DecodeError,
    EmptyFileError,
    UnsupportedFormatError,
)

KK = " date 2025-03-01 Алаяқтар ұсталды\nПолиция 12 алаяқты ұстады.\n"
RU = "Суд вынес приговор по делу о мошенничестве.\nОсуждённый обжаловал приговор.\n"

ENCODED = [
    ("utf-8", KK.encode("utf-8")),
    ("utf-8-bom", codecs.BOM_UTF8 + KK.encode("utf-8")),
    ("utf-16", codecs.BOM_UTF16_LE + KK.encode("utf-16-le")),
    ("utf-16", codecs.BOM_UTF16_BE + KK.encode("utf-16-be")),
    ("cp1251", RU.encode("cp1251")),
    ("kz1048", KK.encode("kz1048")),
]


@pytest.mark.parametrize(("encoding", "data"), ENCODED)
def test_encodings_are_detected(tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    src = read_source(path)
    assert src.encoding == encoding
    assert not src.text.startswith("\ufeff")
    assert src.text in (KK, RU)


def test_offsets_ignore_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + KK.encode("utf-8"))
    doc = load_corpus(path)[0]
    text = load_corpus(path).texts["bom.txt"]
    p = doc.paragraphs[0]
    assert text[p.char_start:p.char_end] == p.text
    assert (doc.date, doc.title) == ("2025-03-01", "Алаяқтар ұсталды")


BAD = [
    ("empty.txt", b"", EmptyFileError, "empty file"),
    ("spaces.txt", b"  \n\n \t", EmptyFileError, "no text"),
    ("nul.txt", b"abc\x00\x01\x02def", BinaryFileError, "NUL bytes"),
    ("ctrl.txt", bytes(range(1, 9)) * 20 + b"abc", BinaryFileError, "control characters"),
    ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", DecodeError, "utf-16"),
    ("latin.txt", bytes([0x98]) * 10, DecodeError, "cannot decode"),
    ("notes.rtf", b"{\\rtf1 text}", UnsupportedFormatError, "unsupported file type"),
    ("broken.pdf", b"%PDF-1.4 not really", CorpusReadError, "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip", CorpusReadError, "not a readable DOCX"),
]


@pytest.mark.parametrize(("name", "data", "error", "words"), BAD)
def test_bad_file_raises_naming_file_and_cause(tmp_path: Path, name, data, error, words) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        load_corpus(path)
    assert name in str(info.value) and words in str(info.value)
    assert isinstance(info.value, CorpusReadError)


def test_russian_1251_with_ukrainian_letters_stays_1251() -> None:
    # Є, ї, ґ differ between the two code pages too, but say nothing about Kazakh
    text = "Газета «Київ» повідомляє: є й ґ. Суд вынес приговор."
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


def test_1251_needs_letters(tmp_path: Path) -> None:
    # any byte string decodes in Windows-1251: symbols and digits alone are not taken for text
    path = tmp_path / "symbols.txt"
    path.write_bytes(bytes([0x85, 0xab, 0xbb, 0x96, 0x20, 0x31, 0x32]) * 20)
    with pytest.raises(DecodeError, match="symbols.txt: cannot decode"):
        load_corpus(path)


def test_pdf_without_text_layer_is_reported(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)  # a page with no text, like a scan
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    with pytest.raises(EmptyFileError, match="scan.pdf: the PDF has no text layer"):
        load_corpus(path)


def test_broken_pdf_logs_nothing(tmp_path: Path, capfd) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4 cut short")
    with pytest.raises(CorpusReadError, match="cut.pdf: not a readable PDF"):
        load_corpus(path)
    assert capfd.readouterr().err == ""  # the error says it once; pypdf's own log stays quiet


def test_permission_denied_in_a_folder(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "open.txt").write_text(RU, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(RU, encoding="utf-8")
    locked.chmod(0)
    real_read = Path.read_bytes

    def read_or_deny(path: Path) -> bytes:  # root ignores file modes: deny by hand as well
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_or_deny)
    corpus = load_corpus(tmp_path)
    locked.chmod(0o644)
    assert [d.source for d in corpus] == ["open.txt"]
    (problem,) = corpus.problems
    assert problem.path.endswith("locked.txt") and "cannot read the file (Permission denied)" in problem.reason


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(CorpusReadError, match="no such file or folder"):
        load_corpus(tmp_path / "nowhere")


def test_folder_keeps_going_and_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(KK, encoding="utf-8")
    (tmp_path / "ru.txt").write_bytes(RU.encode("cp1251"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / ".hidden.txt").write_bytes(b"")
    corpus = load_corpus(tmp_path)
    assert sorted(d.source for d in corpus) == ["ru.txt", "sub/good.txt"]
    reasons = {Path(p.path).name: p.reason for p in corpus.problems}
    assert set(reasons) == {"empty.txt", "image.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["image.txt"]


def test_same_file_name_in_two_folders_gives_distinct_ids(tmp_path: Path) -> None:
    for folder in ("2024", "2025"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(KK, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.source for d in corpus] == ["2024/report.txt", "2025/report.txt"]
    assert [d.doc_id for d in corpus] == ["2024/report:news:L1", "2025/report:news:L1"]


def test_decode_bytes_prefers_utf8_over_1251() -> None:
    assert decode_bytes("Қазақ тілі".encode("utf-8")) == ("Қазақ тілі", "utf-8")


def _pdf_bytes(*pages: list[str]) -> bytes:
    """A minimal PDF, one page per list of ``lines``, in Helvetica (ASCII only)."""
    n = len(pages)
    font = 3 + 2 * n  # object number of the font, after catalog, pages, page/content pairs
    kids = " ".join(f"{3 + 2 * k} 0 R" for k in range(n))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>"]
    for k, lines in enumerate(pages):
        stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * k} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_is_read(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(_pdf_bytes(["Cybercrime grew in 2024.", "Fraud cases doubled."]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    text = " ".join(p.text for d in corpus for p in d.paragraphs)
    assert "Cybercrime grew in 2024." in text and corpus[0].lang == "en"


def test_pdf_pages_mark_page_tops(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    path.write_bytes(_pdf_bytes(
        ["CYBER FRAUD IN THE REGION TODAY", "Fraud grew in the region last year.", "It doubled."],
        ["POLICE COOPERATION ACROSS BORDERS", "Cooperation needs common rules.", "It takes time."],
    ))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    assert [d.title for d in corpus] == ["CYBER FRAUD IN THE REGION TODAY", "POLICE COOPERATION ACROSS BORDERS"]
    assert corpus[1].paragraphs[0].text.startswith("Cooperation")


def test_pdf_page_numbers_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "numbered.pdf"
    path.write_bytes(_pdf_bytes(
        ["CYBER FRAUD IN THE REGION TODAY", "Fraud grew in the region last year", "by a third.", "7"],
        ["Cooperation needs common rules.", "It takes time.", "8"],
    ))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    texts = [p.text for d in corpus for p in d.paragraphs]
    assert texts == ["Fraud grew in the region last year by a third.", "Cooperation needs common rules.",
                     "It takes time."]


def test_docx_is_read(tmp_path: Path) -> None:
    path = tmp_path / "note.docx"
    document = docx.Document()
    document.add_paragraph("Сот үкімі заңды күшіне енді. " * 10)
    document.add_paragraph("Сотталған адам шағым берген жоқ. " * 10)
    document.save(str(path))
    doc = load_corpus(path)[0]
    assert [p.lang for p in doc.paragraphs] == ["kk", "kk"]
    assert doc.paragraphs[1].text.startswith("Сотталған")


def test_docx_tables_are_read_row_by_row(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Динамика преступности по статьям Уголовного кодекса за два года. " * 3)
    table = document.add_table(rows=3, cols=3)
    for i, row in enumerate([["Статья", "2023", "2024"], ["ст. 190 УК", "500", "620"], ["ст. 366 УК", "", ""]]):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    table.cell(2, 1).merge(table.cell(2, 2)).text = "нет данных"  # one cell over two columns
    document.add_paragraph("Мошенничество выросло на 24 процента по сравнению с прошлым годом. " * 3)
    path = tmp_path / "report.docx"
    document.save(str(path))
    corpus = load_corpus(path)
    lines = corpus.texts["report.docx"].split("\n")
    assert lines[1:4] == ["Статья\t2023\t2024", "ст. 190 УК\t500\t620", "ст. 366 УК\tнет данных"]
    assert lines[4].startswith("Мошенничество")
    assert "ст. 190 УК 500 620" in [p.text for d in corpus for p in d.paragraphs]
