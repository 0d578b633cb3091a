"""Who said a quote, and where it was published, as the report itself says it.

Reports attribute quotes in a handful of ways, all handled here:

- a parenthesised source after the quote: ``(Jaarverslag Wijkteams Arnhem 2020)``,
  ``(professional in onderzoek van Rekenkamer Rotterdam, 2018)``, ``(inwoner, Jaarverslag …)``;
- a speaker phrase after it: ``„…”, aldus een inwoner.``, ``„…”, zegt de wijkcoach.``;
- an introduction before it: ``Een moeder vertelt: „…”``, ``Een huisarts: „…”``;
- a dash line after a block or pull quote: ``— moeder van twee kinderen``.

The speaker is a role word (:mod:`coder.quotes.roles`) or nothing: ``aldus de toelichting``
keeps its attribution but names no speaker, and ``Op basis van de gesprekken:`` is no
attribution at all. A parenthesised source is split into the role and the document:
``(inwoner in kwalitatief onderzoek gemeente Arnhem, 2019)`` → ``inwoner`` and
``kwalitatief onderzoek gemeente Arnhem, 2019``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coder.quotes.roles import role_in

SPEECH_VERBS = (r"aldus|zeggen|zegt|zei|zeiden|vertelt|vertellen|vertelde|schrijft|schreef|stelt|stellen|"
                r"stelde|meldt|merkt|merken|vindt|vinden|benadrukt|geeft aan|geven aan|legt uit|reageert|"
                r"licht toe|concludeert|antwoordt|verzucht|vult aan|volgens")

AFTER_PHRASE = re.compile(rf"^[,.]?\s*[-–—]?\s*({SPEECH_VERBS})\s+([^.!?\n]{{2,90}}?)\s*(?:[.!?]|$|\n)", re.I)
PAREN = re.compile(r"^[,.]?\s*\(([^()\n]{3,200})\)")
DASH = re.compile(r"^\s*[-–—]\s*([^\n]{2,90}?)\s*(?:\n|$)")
FOOTNOTE = re.compile(r"^\d{1,3}(?!\d)")
CONNECTOR = re.compile(r"^(.*?)\s+(?:in|uit|bij|tijdens|over)\s+(?:het\s+|de\s+|een\s+)?(.+)$", re.I)
INTRO = re.compile(rf"(?:^|[.!?]\s+|\n)([^.!?\n„“\"‘]{{2,120}}?)"
                   rf"(?:\s+(?:{SPEECH_VERBS})(?:\s+\w+)?)?\s*:\s*$", re.I)
ARTICLE = re.compile(r"^(een|de|het|die|deze)\s+", re.I)
STUDY = re.compile(r"^(.*?)\s+(?:in|uit)\s+(?:het\s+|de\s+)?(?:onderzoek|evaluatie|rapport|enquête)"
                   r"\s+(?:van|door)\s+(.+)$", re.I)
SOURCE_WORDS = re.compile(r"\b(jaarverslag|rekenkamer|onderzoek|evaluatie|rapport|monitor|enquête|"
                          r"cliëntervaringsonderzoek|gemeente|\d{4})\b", re.I)


@dataclass(frozen=True)
class Attribution:
    attribution: str | None = None
    speaker: str | None = None
    source: str | None = None


def role(phrase: str) -> str | None:
    """``een jeugd- en gezinswerker`` → ``jeugd- en gezinswerker``; ``op basis`` → None."""
    phrase = ARTICLE.sub("", phrase.strip(" ,:;")).strip()
    return role_in(phrase)


def split_parenthesised(inner: str) -> Attribution:
    """``(role [in|uit … study][, source])`` → role and source; a bare source has no role."""
    inner = " ".join(inner.split())
    study = STUDY.match(inner)
    if study and role(study.group(1)):
        return Attribution(inner, role(study.group(1)), study.group(2).strip())
    head, _, tail = inner.partition(",")
    connected = CONNECTOR.match(head)
    who_part = connected.group(1) if connected else head
    speaker = role(who_part) if not SOURCE_WORDS.search(who_part) else None
    if speaker is None:
        return Attribution(inner, None, inner if SOURCE_WORDS.search(inner) else None)
    rest = ", ".join(p for p in ((connected.group(2) if connected else ""), tail.strip()) if p)
    return Attribution(inner, speaker, rest if rest and SOURCE_WORDS.search(rest) else None)


def after_quote(text: str, end: int) -> Attribution | None:
    """An attribution right after the closing mark (``end`` = index after it)."""
    rest = text[end:end + 260]
    note = FOOTNOTE.match(rest)
    rest = rest[note.end():] if note else rest
    match = PAREN.match(rest)
    if match:
        return split_parenthesised(match.group(1))
    match = AFTER_PHRASE.match(rest)
    if match:
        phrase = f"{match.group(1)} {match.group(2)}".strip()
        return Attribution(" ".join(phrase.split()), role(match.group(2)), None)
    return None


def before_quote(text: str, start: int) -> Attribution | None:
    """An introduction ending in a colon right before the opening mark (``start``)."""
    head = text[max(0, start - 200):start]
    match = INTRO.search(head)
    if not match:
        return None
    phrase = " ".join(match.group(0).strip(" \n.!?:").split())
    subject = " ".join(match.group(1).split())
    if len(subject.split()) > 12:
        return None
    speaker = role(subject)
    if speaker is None and not _looks_like_name(subject):
        return None  # "Op basis van de gesprekken:" introduces, but names nobody
    return Attribution(phrase, speaker, None)


def _looks_like_name(subject: str) -> bool:
    """``Jan Jansen`` or ``Fatima (34)``: at most three capitalised words."""
    words = [w for w in subject.split() if not w.startswith("(")]
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def following_line(text: str, end: int) -> Attribution | None:
    """A block quote's attribution on its own line: ``(moeder, Jaarverslag … 2021)``."""
    rest = text[end:end + 260].lstrip()
    match = PAREN.match(rest)
    if match:
        return split_parenthesised(match.group(1))
    match = DASH.match(rest)
    if match and role(match.group(1)):
        return Attribution(match.group(1).strip(), role(match.group(1)), None)
    return None
