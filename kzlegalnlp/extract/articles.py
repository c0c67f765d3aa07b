"""Article references in Kazakh, Russian and English legal text.

>>> [r.to_dict()["code"] for r in extract_articles("ст.ст. 290 и 291 УК РФ")]
['RU-UK', 'RU-UK']
>>> r = extract_articles("ҚР ҚК 190-бабының 2-бөлігінің 4-тармағы")[0]
>>> (r.code, r.article, r.part, r.paragraph, r.lang, r.title_ru, r.topics)
('KZ-UK', '190', '2', '4', 'kk', 'Мошенничество', ('fraud', 'cyber_fraud'))

How a code is found (``resolution``) is documented in
:mod:`kzlegalnlp.extract.code_mentions`.
"""

from __future__ import annotations

import bisect
from .. import codes as _codes
from ..records import ArticleRef, Document, Paragraph
from .article_grammar import Hit, find_hits
from ..patterns.articles import scan_keys
from .code_mentions import Context, LawMention, Mention, document_country, find_laws, find_mentions

__all__ = ["extract_articles"]


def _resolve_hit(hit: Hit, ctx: Context) -> tuple[str | None, str, str | None]:
    """``(code, resolution, law)`` of one reference, updating ``ctx``."""
    att = hit.attach
    if att is None or att.kind == "generic":
        code = ctx.code or ctx.default_code
        return code, ("context" if code else "unresolved"), None
    if att.kind == "law":
        ctx.law = att.law
        return None, "explicit", att.law
    if att.kind == "same_law":  # "ст. 6 этого Закона": the law named last
        return None, ("same_code" if ctx.law else "unresolved"), ctx.law
    if att.kind == "same":
        return ctx.code, ("same_code" if ctx.code else "unresolved"), None
    assert att.mention is not None
    # the code is named at the reference: explicit, even when its country had to be inferred
    code, _ = ctx.resolve_family(att.mention.family, att.mention.country, att.mention.lang)
    ctx.remember(code)
    return code, ("explicit" if code else "unresolved"), None


def _to_record(text: str, hit: Hit, code: str | None, how: str, law: str | None,
               where: tuple[int, int, int | None, str | None, str | None] | None = None) -> ArticleRef:
    """The record of one resolved hit; ``where`` is ``(start, end, line, doc_id, source)``
    in the source file (None: offsets into ``text``)."""
    title_ru, title_kk = _codes.title(code, hit.article) if code else (None, None)
    start, end, line, doc_id, source = where or (hit.start, hit.end, None, None, None)
    return ArticleRef(
        text[hit.start:hit.end], start, end, hit.article, code, hit.part, hit.paragraph,
        hit.subparagraph, hit.range_to, hit.lang, how, law, title_ru, title_kk,
        _codes.topics(code, hit.article, hit.range_to, hit.part, hit.paragraph) if code else (),
        line, doc_id, source,
    )


def _resolved_hits(text: str, ctx: Context, keys: dict[str, list[int]]
                   ) -> list[tuple[Hit, str | None, str, str | None]]:
    """Hits of one text with their ``(code, resolution, law)``, resolved in reading order against ``ctx``."""
    mentions = find_mentions(text, keys)
    laws = find_laws(text, keys)
    hits = find_hits(text, mentions, keys, laws)
    if not hits:
        return []
    # (start, events before hits at one start, order found): ties never compare the events
    events: list[tuple[int, int, int, Mention | LawMention | Hit]] = [
        (ev.start, rank, n, ev) for n, (rank, ev) in enumerate(
            [(1, m) for m in mentions] + [(1, law) for law in laws] + [(0, h) for h in hits])]
    events.sort()
    out = []
    for _, _, _, ev in events:
        if isinstance(ev, Mention):
            ctx.remember(ctx.resolve_family(ev.family, ev.country, ev.lang)[0])
        elif isinstance(ev, LawMention):
            ctx.law = ev.name  # the law "указанного Закона" refers to
        else:
            out.append((ev, *_resolve_hit(ev, ctx)))
    return out


def _extract_text(text: str, ctx: Context, keys: dict[str, list[int]] | None = None) -> list[ArticleRef]:
    """References of one text, resolved in reading order against ``ctx``."""
    keys = scan_keys(text) if keys is None else keys
    return [_to_record(text, *found) for found in _resolved_hits(text, ctx, keys)]


def _joined(doc: Document) -> tuple[list[Paragraph], list[int], str]:
    """The paragraphs of ``doc`` (body, then references), where each starts, and their text joined by line breaks."""
    paragraphs: list[Paragraph] = [*doc.paragraphs, *doc.references]
    starts, pos = [], 0
    for para in paragraphs:
        starts.append(pos)
        pos += len(para.text) + 1
    return paragraphs, starts, "\n".join([p.text for p in paragraphs])


def _extract_document(doc: Document, ctx: Context | None = None, country: str | None = None,
                      default_code: str | None = None) -> list[ArticleRef]:
    """References of a document, offsets mapped back to its source file.

    Paragraphs are read as one text joined by line breaks, so a reference that
    the paragraph splitter cut in two (a list running over a line that starts
    with "1)" or with a number) is still read whole. Without ``ctx`` the
    document's country is read from that text (scanned once for both).
    """
    paragraphs, starts, text = _joined(doc)
    keys = scan_keys(text)
    if ctx is None:
        ctx = Context(doc_country=country or document_country(text, keys), default_code=default_code)
    out = []
    for hit, code, how, law in _resolved_hits(text, ctx, keys):
        i = bisect.bisect_right(starts, hit.start) - 1
        j = bisect.bisect_right(starts, max(hit.end - 1, hit.start)) - 1
        start, line = paragraphs[i].source_and_line(hit.start - starts[i])
        end = paragraphs[j].to_source(hit.end - 1 - starts[j]) + 1
        out.append(_to_record(text, hit, code, how, law, (start, end, line, doc.doc_id, doc.source)))
    return out


def extract_articles(text_or_document: str | Document, *, default_code: str | None = None,
                     country: str | None = None) -> list[ArticleRef]:
    """Every article reference, one record per referenced article (and part).

    Args:
        text_or_document: a plain string (offsets into it, ``line`` None) or a
            :class:`~kzlegalnlp.records.Document` (offsets into its source file,
            1-based ``line``; ``surface`` is the cleaned paragraph text).
        default_code: code id for references with no code named anywhere before
            them (e.g. ``"KZ-UK"`` for a text known to discuss that code).
        country: "KZ" or "RU" when the country the text is about is known;
            otherwise it is guessed from the country names in the text.

    Returns:
        ArticleRef records in reading order.

    Example:
        >>> [(r.article, r.part, r.code) for r in extract_articles("ч.ч. 2, 3 ст. 190 УК РК")]
        [('190', '2', 'KZ-UK'), ('190', '3', 'KZ-UK')]
    """
    if isinstance(text_or_document, Document):
        return _extract_document(text_or_document, country=country, default_code=default_code)
    if not isinstance(text_or_document, str):
        raise TypeError(f"extract_articles expects a str or a Document, got {type(text_or_document).__name__}")
    text = text_or_document
    keys = scan_keys(text)
    if not (keys["anchor"] or keys["abbr"] or keys["name"]):
        return []  # a reference starts at an article word or a code's name: none here (most texts)
    ctx = Context(doc_country=country or document_country(text, keys), default_code=default_code)
    return _extract_text(text, ctx, keys)
