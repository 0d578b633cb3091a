"""Who said a quote, and where it was published, as the report itself says it.

Reports attribute quotes in a handful of ways, all handled here:

- a parenthesised source after the quote: ``(Jaarverslag Wijkteams Arnhem 2020)``,
  ``(professional in onderzoek van Rekenkamer Rotterdam, 2018)``, ``(inwoner, Jaarverslag …)``;
- a speaker phrase after it: ``„…”, aldus een inwoner.``, ``„…”, zegt de wijkcoach.``;
- an introduction before it: ``Een moeder vertelt: „…”``, ``Een huisarts: „…”``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = (r"aldus|zegt|zei|vertelt|vertelde|schrijft|schreef|stelt|stelde|meldt|merkt|vindt|"
                r"benadrukt|geeft aan|legt uit|reageert|licht toe|concludeert|antwoordt|verzucht")
AFTER_PHRASE = re.compile(rf"^[,.]?\s*[-–—]?\s*({SPEECH_VERBS})\s+([^.!?\n()]{{2,90}}?)\s*(?:[.!?]|$|\n)", re.I)
PAREN = re.compile(r"^[,.]?\s*\(([^()\n]{3,200})\)")
INTRO = re.compile(rf"(?:^|[.!?]\s+|\n)([^.!?\n„“\"‘]{{2,120}}?)(?:\s+(?:{SPEECH_VERBS})(?:\s+\w+)?)?\s*:\s*$", re.I)
ARTICLE = re.compile(r"^(een|de|het|die|deze)\s+", re.I)
STUDY = re.compile(r"^(.*?)\s+(?:in|uit)\s+(?:het\s+|de\s+)?(?:onderzoek|evaluatie|rapport|enquête)\s+(?:van|door)\s+(.+)$", re.I)
SOURCE_WORDS = re.compile(r"\b(jaarverslag|rekenkamer|onderzoek|evaluatie|rapport|monitor|enquête|"
                          r"cliëntervaringsonderzoek|gemeente|\d{4})\b", re.I)
ROLE_STOP = re.compile(r"\s+(?:van|uit|in|bij|op|met|over|daarover|aan)\b.*$", re.I)


@dataclass(frozen=True)
class Attribution:
    attribution: str | None = None
    speaker: str | None = None
    source: str | None = None


def role(phrase: str) -> str | None:
    """``een jeugd- en gezinswerker`` → ``jeugd- en gezinswerker``; ``de wijkcoach in X`` → ``wijkcoach``."""
    phrase = ARTICLE.sub("", phrase.strip(" ,:;")).strip()
    phrase = ROLE_STOP.sub("", phrase).strip()
    return phrase.lower() or None


def split_parenthesised(inner: str) -> Attribution:
    inner = " ".join(inner.split())
    study = STUDY.match(inner)
    if study:
        return Attribution(inner, role(study.group(1)), study.group(2).strip())
    head, sep, tail = inner.partition(",")
    if sep and not SOURCE_WORDS.search(head) and head[:1].islower():
        return Attribution(inner, role(head), tail.strip() or None)
    if SOURCE_WORDS.search(inner):
        return Attribution(inner, None, inner)
    return Attribution(inner, role(inner), None)


def after_quote(text: str, end: int) -> Attribution | None:
    """An attribution right after the closing mark (``end`` = index after it)."""
    rest = text[end:end + 260]
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
    return Attribution(phrase, role(subject), None)


def following_line(text: str, end: int) -> Attribution | None:
    """A block quote's attribution on its own line: ``(moeder, Jaarverslag … 2021)``."""
    rest = text[end:end + 260].lstrip()
    match = PAREN.match(rest)
    return split_parenthesised(match.group(1)) if match else None
