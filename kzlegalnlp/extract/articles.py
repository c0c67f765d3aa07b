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
from dataclasses import replace

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


def _to_record(text: str, hit: Hit, code: str | None, how: str, law: str | None) -> ArticleRef:
    title_ru, title_kk = _codes.title(code, hit.article) if code else (None, None)
    return ArticleRef(
        surface=text[hit.start:hit.end], char_start=hit.start, char_end=hit.end,
        article=hit.article, code=code, part=hit.part, paragraph=hit.paragraph,
        subparagraph=hit.subparagraph, range_to=hit.range_to, lang=hit.lang,
        resolution=how, law=law, title_ru=title_ru, title_kk=title_kk,
        topics=_codes.topics(code, hit.article, hit.range_to, hit.part, hit.paragraph) if code else (),
    )


def _extract_text(text: str, ctx: Context, keys: dict[str, list[int]] | None = None) -> list[ArticleRef]:
    """References of one text, resolved in reading order against ``ctx``."""
    keys = scan_keys(text) if keys is None else keys
    mentions = find_mentions(text, keys)
    laws = find_laws(text, keys)
    hits = find_hits(text, mentions, keys, laws)
    events: list[tuple[int, int, Mention | LawMention | Hit]] = [(m.start, 1, m) for m in mentions]
    events += [(law.start, 1, law) for law in laws]
    events += [(h.start, 0, h) for h in hits]
    events.sort(key=lambda e: (e[0], e[1]))
    out = []
    for _, _, ev in events:
        if isinstance(ev, Mention):
            ctx.remember(ctx.resolve_family(ev.family, ev.country, ev.lang)[0])
        elif isinstance(ev, LawMention):
            ctx.law = ev.name  # the law "указанного Закона" refers to
        else:
            out.append(_to_record(text, ev, *_resolve_hit(ev, ctx)))
    return out


def _extract_document(doc: Document, ctx: Context) -> list[ArticleRef]:
    """References of a document, offsets mapped back to its source file.

    Paragraphs are read as one text joined by line breaks, so a reference that
    the paragraph splitter cut in two (a list running over a line that starts
    with "1)" or with a number) is still read whole.
    """
    paragraphs: list[Paragraph] = [*doc.paragraphs, *doc.references]
    starts, pos = [], 0
    for para in paragraphs:
        starts.append(pos)
        pos += len(para.text) + 1
    text = "\n".join(p.text for p in paragraphs)
    out = []
    for r in _extract_text(text, ctx):
        i = bisect.bisect_right(starts, r.char_start) - 1
        j = bisect.bisect_right(starts, max(r.char_end - 1, r.char_start)) - 1
        first, last = paragraphs[i], paragraphs[j]
        start = first.to_source(r.char_start - starts[i])
        end = last.to_source(r.char_end - 1 - starts[j]) + 1
        out.append(replace(r, char_start=start, char_end=end,
                           line=first.line_at(r.char_start - starts[i]),
                           doc_id=doc.doc_id, source=doc.source))
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
        doc = text_or_document
        body = "\n".join(p.text for p in (*doc.paragraphs, *doc.references))
        ctx = Context(doc_country=country or document_country(body), default_code=default_code)
        return _extract_document(doc, ctx)
    if not isinstance(text_or_document, str):
        raise TypeError(f"extract_articles expects a str or a Document, got {type(text_or_document).__name__}")
    text = text_or_document
    keys = scan_keys(text)
    if not (keys["anchor"] or keys["abbr"] or keys["name"]):
        return []  # a reference starts at an article word or a code's name: none here (most texts)
    ctx = Context(doc_country=country or document_country(text, keys), default_code=default_code)
    return _extract_text(text, ctx, keys)
