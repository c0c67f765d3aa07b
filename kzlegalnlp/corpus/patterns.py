"""The patterns the splitter uses, as data with examples.

Each :class:`Pattern` carries examples it must match and counter-examples it
must not; ``tests/test_corpus_patterns.py`` proves both for every pattern, so a
change to a regular expression that breaks an example fails the tests.

>>> PATTERNS["reference_heading"].matches("Пайдаланылған әдебиеттер тізімі") is not None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zа-яёәғқңөұүһі"


@dataclass(frozen=True)
class Pattern:
    """A compiled regular expression with the examples that document it.

    >>> p = Pattern("year", re.compile(r"\\d{4}"), ("2024",), ("24",), whole=True)
    >>> bool(p.matches("2024")), bool(p.matches("24"))
    (True, False)
    """

    name: str
    regex: re.Pattern[str]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()
    whole: bool = False

    def matches(self, text: str) -> re.Match[str] | None:
        """How the splitter applies the pattern: ``fullmatch`` for whole-line patterns
        (``whole=True``), ``search`` otherwise."""
        return self.fullmatch(text.strip()) if self.whole else self.search(text)

    def search(self, text: str) -> re.Match[str] | None:
        """``regex.search(text)``."""
        return self.regex.search(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """``regex.fullmatch(text)``."""
        return self.regex.fullmatch(text)


def _p(name: str, regex: str, examples: tuple[str, ...], counter: tuple[str, ...] = (),
       flags: int = 0, whole: bool = False) -> Pattern:
    return Pattern(name, re.compile(regex, flags), examples, counter, whole)


_I = re.IGNORECASE

PATTERNS: dict[str, Pattern] = {p.name: p for p in (
    # Headings that name the kind of a document (searched in its heading lines).
    _p("programme", r"\b(?:бағдарламасы|бағдарлама|программа|programme|program)\b",
       ("конференцияның бағдарламасы", "Программа", "Conference programme"),
       ("программное обеспечение",), _I),
    _p("participants", r"\b(?:қатысушылар(?:ының)?\s+тізімі|қатысушылар|тізімі|список\s+участников"
                       r"|список|list\s+of\s+participants)\b",
       ("конференцияның қатысушылар ТІЗІМІ", "СПИСОК участников", "List of participants"),
       ("участники конференции",), _I),
    _p("resolution", r"\b(?:резолюция|қарары|қарар|resolution)\b",
       ("қорытындысы бойынша ҚАРАРЫ", "РЕЗОЛЮЦИЯ", "Resolution"), ("қарастырылды",), _I),
    # The event a programme, list or resolution belongs to.
    _p("event", r"конференц|семинар|форум|кругл\w* стол|дөңгелек үстел|симпозиум|conference"
                r"|seminar|workshop|symposium",
       ("ғылыми-тәжірибелік конференцияның бағдарламасы", "семинардың қатысушылары",
        "работы круглого стола", "Conference programme"), ("Программа профилактики",), _I),
    # A reference list starts with one of these headings, alone on its line.
    _p("reference_heading",
       r"(?:список\s+(?:использованн\w+\s+)?(?:литературы|источников)|(?:использованн\w+\s+)?литература"
       r"|использованные\s+источники"
       r"|(?:(?:пайдаланылған|қолданылған)\s+)?(?:әдебиеттер|дереккөздер)(?:\s+тізімі)?"
       r"|references|bibliography|list\s+of\s+references)\s*:?",
       ("Литература", "Список использованной литературы", "Пайдаланылған әдебиеттер тізімі",
        "Әдебиеттер", "References:", "Использованная литература", "Использованные источники",
        "Пайдаланылған дереккөздер тізімі", "ӘДЕБИЕТТЕР ТІЗІМІ", "List of references"),
       ("Литература по теме показывает", "Әдебиеттерді зерделеу"), _I, whole=True),
    # An author's surname printed in capitals, alone on its line.
    _p("caps_surname", rf"[{_UP}][{_UP}\-]{{2,}}(?:\s+[{_UP}]\.\s*(?:[{_UP}]\.)?)?",
       ("СОРОКУН", "БЕЙСЕНАЛИЕВ", "ЕРМЕКОВ Н.К.", "ТАШ-МУХАМЕДОВ"), ("ДТП и", "Сорокун"), whole=True),
    # A surname in mixed case alone on its line (an author only when a name line follows).
    _p("title_surname", rf"[{_UP}][{_LOW}]{{2,}}(?:-[{_UP}][{_LOW}]+)?",
       ("Рустемова", "Сорокун", "Таш-Мухамедов"), ("РУСТЕМОВА", "ст.", "Мәтін жалғасады"),
       whole=True),
    # "Name Patronymic" (or "Name Patronymic" after a surname) on its own line.
    _p("name_line", rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?\s+[{_UP}][{_LOW}]+"
                    r"(?:ович|евич|вич|овна|евна|ична|инична|ұлы|улы|ұлы|қызы|кызы|оглы|уулу|кызы)",
       ("Николай Сергеевич", "Ержан Малайұлы", "Айгүл Маратқызы", "Бауржан Нуралыулы",
        "Светлана Львовна", "Гульнара Сагиндыковна"),
       ("Республики Казахстан", "Алматы академиясы"), whole=True),
    # "Surname Name Patronymic" in mixed case on one line.
    _p("full_name_line", rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?\s+[{_UP}][{_LOW}]+\s+[{_UP}]"
                         rf"[{_LOW}]+(?:ович|евич|вич|овна|евна|ична|ұлы|улы|қызы|кызы)",
       ("Бапанов Талғат Абдирович", "Рустемова Гаухар Рустембековна"),
       ("Николай Сергеевич", "Кодекс Республики Казахстан"), whole=True),
    # A subject classification code printed above a paper's authors and title.
    _p("classification_code", r"(?:УДК|ӘОЖ|UDC|ГРНТИ|МРНТИ|ҒТАМР|IRSTI|ББК|JEL)[\s:]*[\dA-Z][^\n]{0,60}",
       ("УДК 343.9", "ӘОЖ 343.98", "UDC 343.7:004", "МРНТИ 10.77.51", "ҒТАМР 10.77.51",
        "УДК: 342.9(574) МРНТИ 10.07.45", "JEL K14"),
       ("УДК и МРНТИ указываются в начале статьи", "Удк 343"), whole=True),
    # An author by surname and initials, either order, maybe followed by ", degree, post".
    _p("initials_author", rf"^((?:[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?\s+[{_UP}]\.\s?(?:[{_UP}]\.)?)"
                          rf"|(?:[{_UP}]\.\s?(?:[{_UP}]\.\s?)?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?))\s*(?:,.*)?$",
       ("Иванов И.И.", "И.И. Иванов", "Сейітов А.Б., з.ғ.к., доцент", "Иванов И. И., к.ю.н."),
       ("Иванов И.И. отмечает, что", "1. Иванов И.И. Квалификация", "Абай Құнанбаев", "ст. 190 УК")),
    # The label that opens an abstract or a keyword line of a paper.
    _p("section_label", r"(?:аннотация|аңдатпа|abstract|annotation|резюме|түйін|summary"
                        r"|ключевые\s+слова|түйін(?:ді)?\s+сөздер|кілт(?:ті)?\s+сөздер|keywords|key\s+words)"
                        r"\s*[.:—–-]",
       ("Аннотация. В статье", "Аңдатпа. Мақалада", "Abstract: The paper", "Ключевые слова: мошенничество",
        "Түйін сөздер: алаяқтық", "Keywords: fraud"),
       ("Аннотацию к закону", "Резюмируя сказанное,"), _I),
    # A bracketed citation "[1]", "[1, с. 52]", "[2, 74-112 бб]"; group 1 is the number.
    _p("citation", r"\[(\d{1,3})(?:\s*[,;.]?\s+[^\]\[]{0,30}|\s*[,;.]\s*[^\]\[]{0,30})?\]",
       ("[1]", "[1, с. 52]", "[2, 74-112 ББ]", "[13, p.349]", "[5 с. 119]"),
       ("[Текст]", "[лат. Status]")),
    # A date in a programme: "20 сентября 2024", "2024 жылғы 20 қыркүйек".
    _p("date_ru", r"\b(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября"
                  r"|октября|ноября|декабря)\s+(\d{4})", ("20 сентября 2024 г.",), ("20 мая",), _I),
    _p("date_kk", r"\b(\d{4})\s+жылғы\s+(\d{1,2})\s+(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде"
                  r"|тамыз|қыркүйек|қазан|қараша|желтоқсан)", ("2024 жылғы 20 қыркүйек",),
       ("2024 жылы",), _I),
    # The header of a news file: " date 2026-01-10 <title or text>".
    _p("news_header", r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", (" date 2026-01-10 Қылмыс",
                                                                 "date 2025-12-10 "),
       ("update 2025-12-10",)),
    # a wire-service dateline opening the first paragraph: the city in capitals, then the date
    _p("wire_dateline", r"^\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}(?:[- ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})*\s*[,.]\s*"
                        r"((?:[^.—–\n]|(?<=\d)\.(?=\d)){6,40}?)\s*(?:\.|[—–-])\s",
       ("АЛМАТЫ, 14 октября 2025. Полиция", "АСТАНА, 2025 жылғы 5 наурыз — Полиция",
        "ШЫМКЕНТ. 12.03.2025 - Полиция"),
       ("Алматы, 14 октября 2025. Полиция", "АЛМАТЫ. Полиция задержала двоих")),
)}

MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")
MONTHS_KK = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
             "қыркүйек", "қазан", "қараша", "желтоқсан")


def author_at(texts: Sequence[str], k: int) -> tuple[str, int] | None:
    """The author printed at line ``k`` of ``texts`` and how many lines it takes.

    An author is ``SURNAME`` (+ ``Name Patronymic`` on the next line),
    ``Surname Name Patronymic`` on one line, or ``Surname`` followed by a
    ``Name Patronymic`` line.

    >>> author_at(["СОРОКУН", "Николай Сергеевич", "доцент"], 0)
    ('СОРОКУН Николай Сергеевич', 2)
    >>> author_at(["Рустемова", "Гаухар Рустембековна"], 0), author_at(["Литература", "1. Иванов"], 0)
    (('Рустемова Гаухар Рустембековна', 2), None)
    """
    text = " ".join(texts[k].split())
    nxt = " ".join(texts[k + 1].split()) if k + 1 < len(texts) else ""
    if PATTERNS["full_name_line"].matches(text):
        return text, 1
    named = PATTERNS["name_line"].matches(nxt) is not None
    if PATTERNS["caps_surname"].matches(text):
        return (f"{text} {nxt}", 2) if named else (text, 1)
    if named and PATTERNS["title_surname"].matches(text):
        return f"{text} {nxt}", 2
    initials = PATTERNS["initials_author"].matches(text)
    return (initials.group(1).strip(), 1) if initials else None


def find_date(text: str) -> str | None:
    """The first ISO date printed in ``text`` in Russian or Kazakh words, or ``None``.

    >>> find_date("Дата: 20 сентября 2024 г."), find_date("2024 жылғы 20 қыркүйек"), find_date("—")
    ('2024-09-20', '2024-09-20', None)
    """
    m = PATTERNS["date_ru"].search(text)
    if m:
        return f"{m.group(3)}-{MONTHS_RU.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
    m = PATTERNS["date_kk"].search(text)
    if m:
        return f"{m.group(1)}-{MONTHS_KK.index(m.group(3).lower()) + 1:02d}-{int(m.group(2)):02d}"
    return None


__all__ = ["Pattern", "PATTERNS", "find_date", "author_at"]
