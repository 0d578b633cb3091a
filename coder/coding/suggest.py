"""Code suggestions: codes whose Dutch keywords occur in a quote, with the reason.

Matching is on lemmas (``wachtlijsten`` → ``wachtlijst``) from spaCy's lookup tables,
so inflected forms count, and on compounds, which Dutch writes as one word: a keyword
of at least :data:`MIN_COMPOUND` letters also matches at the end of a word
(``jeugdwachtlijst``) or at its start before a linking ``s``/``e``/``en``
(``vertrouwensband``). Multi-word keywords (``korte lijnen``, ``op maat``) match as
a sequence of lemmas. Suggestions are only ever shown; applying one is the coder's act.

Only facets whose ``suggest`` is ``keywords`` get keyword suggestions. A ``speaker``
facet is suggested from the speaker role the extraction detected (``aldus een moeder``
→ the code with keyword ``moeder``), never from words in the quote; a ``none`` facet
(tone) is never suggested: ``niet`` and ``goed`` say little about a quote's valence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from coder.codebook.model import Code, Codebook
from coder.quotes.nlp import lemmas

MIN_COMPOUND = 6
LINKS = ("", "s", "e", "en")


@dataclass(frozen=True)
class Suggestion:
    code: str
    facet: str
    label: str
    matched: str  # the word(s) in the quote (or the detected speaker)
    keyword: str  # the codebook keyword it matched
    start: int
    end: int
    words: tuple[str, ...] = ()  # every word of the quote that matched one of the code's keywords
    source: str = "keyword"  # "keyword" or "speaker"

    @property
    def reason(self) -> str:
        """Why it is suggested, as the panel shows it."""
        if self.source == "speaker":
            return f"speaker “{self.matched}” (detected)"
        return ", ".join(f"“{w}”" for w in self.words or (self.matched,))


@dataclass(frozen=True)
class _Keyword:
    code: Code
    text: str
    parts: tuple[str, ...]  # lemmas


class Matcher:
    """Keywords of a codebook, prepared once and matched against many quotes."""

    def __init__(self, codes: Iterable[Code]) -> None:
        self.codes = list(codes)
        self.order = {code.key: i for i, code in enumerate(self.codes)}
        self.keywords = [
            _Keyword(code, keyword, tuple(lemma for _, lemma, _, _ in lemmas(keyword)) or (keyword.lower(),))
            for code in self.codes for keyword in code.keywords
        ]

    def suggest(self, text: str) -> list[Suggestion]:
        tokens = lemmas(text)
        # Every kind of match needs the keyword inside a word or lemma, so one substring
        # test against all of them rules out most keywords without looking at tokens.
        haystack = "\n".join(form for word, lemma, _, _ in tokens for form in (word, lemma))
        hits: dict[str, list[Suggestion]] = {}
        for keyword in self.keywords:
            if not all(part in haystack for part in keyword.parts):
                continue
            found = _find(keyword, tokens)
            if found:
                start, end = found
                hits.setdefault(keyword.code.key, []).append(Suggestion(
                    keyword.code.key, keyword.code.facet, keyword.code.label, text[start:end], keyword.text,
                    start, end))
        ranked = sorted(hits.values(), key=lambda group: (-len(group), self.order[group[0].code]))
        return [replace(group[0], words=_distinct(s.matched for s in sorted(group, key=lambda s: s.start)))
                for group in ranked]

    def speaker(self, role: str) -> list[Suggestion]:
        """Codes one of whose keywords is a word of the detected speaker ``role``."""
        words = {lemma for _, lemma, _, _ in lemmas(role)} | {w.lower() for w in role.split()}
        found: list[Suggestion] = []
        for keyword in self.keywords:
            if len(keyword.parts) == 1 and keyword.parts[0] in words and all(
                    s.code != keyword.code.key for s in found):
                found.append(Suggestion(keyword.code.key, keyword.code.facet, keyword.code.label, role,
                                        keyword.text, 0, 0, (role,), "speaker"))
        return found


def _distinct(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for w in words))


def _word_matches(word: str, lemma: str, key: str) -> bool:
    if key in (word, lemma):
        return True
    if len(key) < MIN_COMPOUND:
        return False
    if word.endswith(key) or lemma.endswith(key):
        return True
    return any(word.startswith(key + link) and len(word) > len(key + link) + 2 for link in LINKS)


def _find(keyword: _Keyword, tokens: Sequence[tuple[str, str, int, int]]) -> tuple[int, int] | None:
    """Bounds of the first tokens that match ``keyword``, or None."""
    parts = keyword.parts
    if len(parts) == 1:
        key = parts[0]
        for word, lemma, start, end in tokens:
            # the cheap necessary condition first
            if (key in word or key in lemma) and _word_matches(word, lemma, key):
                return start, end
        return None
    for i in range(len(tokens) - len(parts) + 1):
        window = tokens[i:i + len(parts)]
        if all(part in (word, lemma) for part, (word, lemma, _, _) in zip(parts, window)):
            return window[0][2], window[-1][3]
    return None


_CACHE: dict[int, tuple[Matcher, Matcher]] = {}


def build_matcher(codes: Iterable[Code]) -> Matcher:
    return Matcher(codes)


def _matchers(codebook: Codebook) -> tuple[Matcher, Matcher]:
    """(keyword matcher, speaker matcher) of a codebook, built once per codebook object."""
    pair = _CACHE.get(id(codebook))
    if pair is None:
        _CACHE.clear()
        by_source = {source: [c for f in codebook.facets if f.suggest == source for c in f.codes]
                     for source in ("keywords", "speaker")}
        pair = _CACHE[id(codebook)] = (Matcher(by_source["keywords"]), Matcher(by_source["speaker"]))
    return pair


def suggest_for_codebook(text: str, codebook: Codebook, speaker: str | None = None) -> list[Suggestion]:
    """Suggestions for a quote: keyword matches on the facets that take them, and the
    detected ``speaker`` role on the facets suggested from it."""
    keywords, speakers = _matchers(codebook)
    return keywords.suggest(text) + (speakers.speaker(speaker) if speaker else [])
