"""The one place that builds the Dutch spaCy pipeline (no model download needed).

``spacy.blank("nl")`` with the rule-based sentencizer and a lookup lemmatizer from
``spacy-lookups-data``. Dutch abbreviations that the blank tokenizer does not know
(``bijv.``, ``o.a.``, ``m.b.t.``…) are added as special cases so that their full stop
does not end a sentence. Built lazily, once per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokenizer import Tokenizer

ABBREVIATIONS = ("bijv.", "bv.", "o.a.", "m.b.t.", "etc.", "d.w.z.", "i.p.v.", "mevr.", "dhr.", "nl.",
                 "ca.", "t.b.v.", "e.d.", "zgn.", "resp.", "incl.", "excl.", "blz.", "p.", "m.n.",
                 "t.a.v.", "i.v.m.", "o.b.v.", "a.s.", "jl.", "nr.", "vs.", "e.a.", "z.g.a.n.")


@lru_cache(maxsize=1)
def pipeline() -> Any:
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.blank("nl")
    tokenizer = cast("Tokenizer", nlp.tokenizer)  # typed as a plain callable by spaCy
    for abbreviation in ABBREVIATIONS:
        for form in (abbreviation, abbreviation.capitalize()):
            tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("sentencizer")
    try:
        cast("Lemmatizer", nlp.add_pipe("lemmatizer", config={"mode": "lookup"})).initialize()
    except Exception:  # spacy-lookups-data missing: sentences still work, lemmas fall back to text
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")
    return nlp


def pipeline_loaded() -> bool:
    """Whether :func:`pipeline` has been built, so calling it costs nothing."""
    return pipeline.cache_info().currsize > 0


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``."""
    doc = pipeline()(text)
    return [(sent.start_char, sent.end_char) for sent in doc.sents]


def lemmas(text: str) -> list[tuple[str, str, int, int]]:
    """(lower-cased word, lemma, start, end) for every word token of ``text``."""
    doc = pipeline()(text)
    return [(t.lower_, (t.lemma_ or t.text).lower(), t.idx, t.idx + len(t.text))
            for t in doc if not t.is_punct and not t.is_space]
