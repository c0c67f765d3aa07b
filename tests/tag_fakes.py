"""Small stand-ins for the loader, classifier and extractors, for the tagging tests.

They follow the record contract (offsets into the source file, 1-based lines)
with deliberately simple rules, so the runner can be tested on its own.
Load with ``load_fakes()`` from a test module (pytest runs in importlib mode).
"""

from __future__ import annotations

import re
from pathlib import Path

from kzlegalnlp.errors import BinaryFileError, DecodeError, EmptyFileError
from kzlegalnlp.records import ArticleRef, Document, Paragraph, Piece, Statistic, TopicScores
from kzlegalnlp.tag.pipeline import Steps

_ARTICLE = re.compile(r"(?:ст\.|статьи|бабы)\s*(\d+(?:-\d+)?)|(\d+(?:-\d+)?)-бабы")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?%")
TITLES = {"190": "Мошенничество", "366": "Получение взятки"}


def _paragraphs(text: str) -> list[Paragraph]:
    out = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        start = m.start()
        line = text.count("\n", 0, start) + 1
        pieces, clean = [], 0
        for k, chunk in enumerate(m.group().split("\n")):
            if k:  # the newline becomes a space in the cleaned text
                pieces.append(Piece(clean, start - 1, 1, line + k - 1))
                clean += 1
            pieces.append(Piece(clean, start, len(chunk), line + k))
            clean += len(chunk)
            start += len(chunk) + 1
        ptext = m.group().replace("\n", " ")
        lang = "ru" if re.search("[ыэъ]", ptext) else "kk"
        out.append(Paragraph(ptext, m.start(), m.end(), line, line + m.group().count("\n"), lang, len(out),
                             tuple(pieces)))
    return out


def fake_load(path: Path, root: Path | None) -> list[Document]:
    """One document per file; the errors a real loader raises for bad files."""
    data = Path(path).read_bytes()
    name = Path(path).relative_to(root).as_posix() if root else Path(path).name
    if not data.strip():
        raise EmptyFileError(str(path), "empty file")
    if b"\0" in data:
        raise BinaryFileError(str(path), "binary file (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(str(path), f"not UTF-8 ({exc.reason})") from exc
    paras = _paragraphs(text)
    kind = "news" if Path(path).name.startswith("news") else "paper"
    if Path(path).name.startswith("multi"):  # proceedings-like: a document per paragraph
        return [Document(f"{Path(name).stem}:{p.index}", name, kind, p.lang, p.text[:40], (), None, None,
                         p.line_start, p.line_end, p.char_start, p.char_end, (p,)) for p in paras]
    lang = paras[0].lang if paras else "kk"
    return [Document(Path(name).stem, name, kind, lang, paras[0].text[:40] if paras else None, (), None, None,
                     1, text.count("\n") + 1, 0, len(text), tuple(paras))]


def fake_articles(doc: Document) -> list[ArticleRef]:
    out = []
    for para in doc.paragraphs:
        for m in _ARTICLE.finditer(para.text):
            start, end = para.to_source_span(m.start(), m.end())
            number = m.group(1) or m.group(2)
            out.append(ArticleRef(m.group(), start, end, number, code="kz-criminal-code-2014",
                                  title_ru=TITLES.get(number), line=para.line_at(m.start()),
                                  doc_id=doc.doc_id, source=doc.source, resolution="explicit"))
    return out[::-1]  # reversed on purpose: the runner must put them in reading order


def fake_statistics(doc: Document) -> list[Statistic]:
    out = []
    for para in doc.paragraphs:
        for m in _PERCENT.finditer(para.text):
            start, end = para.to_source_span(m.start(), m.end())
            value = float(re.sub(r"[^\d.,]", "", m.group()).replace(",", "."))
            out.append(Statistic(m.group(), start, end, value, unit="percent", line=para.line_at(m.start()),
                                 doc_id=doc.doc_id, source=doc.source))
    return out


def _scores(text: str) -> TopicScores:
    fraud = 0.9 if re.search("алаяқ|мошенн", text.lower()) else 0.1
    drugs = 0.8 if re.search("есірткі|наркот", text.lower()) else 0.05
    scores = {"cyber_fraud": fraud, "drugs": drugs}
    labels = tuple(sorted((k for k, v in scores.items() if v >= 0.5), key=lambda k: -scores[k]))
    return TopicScores(scores, labels, labels[0] if labels else None)


def fake_classify(doc: Document) -> TopicScores:
    if doc.body.startswith("BOOM"):
        raise RuntimeError("classifier crashed")
    return _scores(doc.body)


def fake_classify_paragraphs(doc: Document) -> list[TopicScores]:
    return [_scores(p.text) for p in doc.paragraphs]


def fake_factory(model: str | None) -> Steps:
    """A :data:`StepsFactory` building the fake steps."""
    return Steps(load=fake_load, articles=fake_articles, statistics=fake_statistics,
                 classify=fake_classify, classify_paragraphs=fake_classify_paragraphs)
