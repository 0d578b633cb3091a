"""The codebook as plain objects: facets (questions asked of every quote) and their codes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Translation:
    """A second-language version of a facet's or code's texts (``label_en``, ``description_en``,
    ``when_to_use_en``, ``when_not_en`` in codebook.yaml); empty fields fall back to the
    codebook's own language."""

    label: str = ""
    description: str = ""
    when_to_use: str = ""
    when_not: str = ""

    def or_none(self) -> Translation | None:
        """None when every field is empty (a codebook without English texts)."""
        return self if any((self.label, self.description, self.when_to_use, self.when_not)) else None


@dataclass(frozen=True)
class Code:
    key: str
    label: str
    facet: str
    description: str = ""
    when_to_use: str = ""
    when_not: str = ""
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    colour: str | None = None
    group: str | None = None
    renamed_from: tuple[str, ...] = ()
    english: Translation | None = None


@dataclass(frozen=True)
class Facet:
    """``mode`` is ``single`` (one code per quote) or ``multi`` (any number).

    ``suggest`` says where code suggestions for the facet may come from: ``keywords``
    (the codes' keywords found in the quote), ``speaker`` (the speaker role the extraction
    detected, matched against the keywords) or ``none``. Tone and speaker are not
    keyword matters: ``niet`` does not make a quote negative.
    """

    key: str
    label: str
    mode: str
    description: str = ""
    codes: tuple[Code, ...] = ()
    suggest: str = "keywords"
    english: Translation | None = None


@dataclass(frozen=True)
class Codebook:
    name: str
    version: str
    facets: tuple[Facet, ...] = field(default_factory=tuple)
    language: str = "nl"

    def facet(self, key: str) -> Facet:
        for facet in self.facets:
            if facet.key == key:
                return facet
        raise KeyError(key)

    def all_codes(self) -> list[Code]:
        return [code for facet in self.facets for code in facet.codes]

    def code(self, key: str) -> Code:
        for code in self.all_codes():
            if code.key == key:
                return code
        raise KeyError(key)
