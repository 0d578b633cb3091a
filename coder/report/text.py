"""The report's fixed words in Dutch and English (labels come from `coder.export.labels`)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Analyse van quotes over wijkteams",
        "meta_coded": "Codering: {coder} · {quotes} gecodeerde quotes uit {docs} documenten · {date}",
        "meta_uncoded": "{docs} documenten · {date}",
        "corpus": "Samenstelling van het corpus",
        "documents": "Documenten",
        "no_documents": "Er zijn nog geen documenten geïmporteerd (<code>coder import MAP</code>).",
        "no_codings": "Nog geen gecodeerde quotes. Zodra er gecodeerd is (<code>coder tui</code> of "
                      "<code>coder code</code>) staan hier de transformatiedoelen, werkzame elementen, "
                      "belemmeringen en drie V's.",
        "several_coders": "Meerdere codeurs hebben gecodeerd ({coders}) en er is nog geen consensus. "
                          "Kies een codering met <code>--coder NAAM</code> of maak een consensuslaag "
                          "(<code>coder adjudicate</code>).",
        "goals": "Transformatiedoelen",
        "goals_chart": "Quotes per transformatiedoel, positief en negatief",
        "goals_caption": "Aantal quotes per transformatiedoel",
        "positive": "positief", "negative": "negatief", "mixed": "gemengd/neutraal",
        "ranked_chart": "{facet}: aantal quotes en documenten",
        "ranked_caption": "{facet}, gerangschikt naar aantal quotes",
        "code": "Code", "group": "Groep", "quotes": "Quotes",
        "indicators": "Cliëntervaringen",
        "pooled_how": "Gepoold als som(waarde × n) / som(n).",
        "indicator": "Indicator", "team_type": "Type team", "pooled": "Gepoold", "surveys": "Onderzoeken",
        "all": "alle", "indicators_caption": "Gepoolde indicatoren",
        "no_indicators": "Nog geen cijfers uit cliëntervaringsonderzoeken "
                         "(<code>coder indicators add</code> of <code>coder indicators import</code>).",
        "reliability": "Betrouwbaarheid",
        "reliability_round": "Betrouwbaarheid (ronde {round})",
        "no_reliability": "Nog geen dubbele codering: er zijn geen twee codeurs die dezelfde quotes "
                          "codeerden. Maak een ronde (<code>coder round create</code>) en laat een tweede "
                          "codeur blind coderen.",
        "both_coded": "{a} en {b} codeerden beiden {n} quotes.",
        "goal_pairs_caption": "Positieve en negatieve quotes per transformatiedoel, per codeur",
        "difference": "verschil",
        "alpha_chart": "Krippendorffs alfa met 95%-betrouwbaarheidsinterval",
        "variable": "Variabele", "lower": "ondergrens", "upper": "bovengrens",
        "coefficients_caption": "Overeenstemming per facet en code (α met 95%-interval; stippellijnen in de "
                                "grafiek: {low} en {high})",
        "percent": "% overeenstemming", "kappa": "Cohens κ", "ac1": "Gwets AC1", "alpha": "Krippendorffs α",
        "explain": "Het percentage overeenstemming telt hoe vaak beide codeurs hetzelfde kozen, maar "
                   "een deel daarvan is toeval. Cohens κ, Gwets AC1 en Krippendorffs α corrigeren "
                   "daarvoor: 1 is volledige overeenstemming, 0 is niet beter dan toeval. κ en α dalen "
                   "sterk als één categorie bijna altijd voorkomt; AC1 is daar minder gevoelig voor. "
                   "Krippendorff noemt α ≥ {high} betrouwbaar en α ≥ {low} voldoende voor voorlopige "
                   "conclusies.",
        "disagreements": "{n} verschillen tussen de codeurs (zie <code>coder adjudicate queue</code>).",
        "not_applicable": "n.v.t.",
        "reliability_all": "{who} codeerden alle {n} quotes van de ronde.",
        "and": "en",
        "goal_table_caption": "Quotes per transformatiedoel per codeur (+ positief, − negatief, "
                              "± gemengd/neutraal, Σ totaal) en overeenstemming op "
                              "'deze quote heeft dit doel'",
        "methods_caption": "Overeenstemming per facet en code, met 95%-interval en lezing",
        "alpha_caption": "Krippendorffs α per facet en code (stippellijnen: {low} en {high})",
        "fleiss": "Fleiss' κ", "conger": "Congers κ",
        "open_decisions": "Nog niet beslist",
        "open_decisions_text": "<strong>{quotes} quotes</strong> hebben nog {facets} facet(ten) zonder "
                               "consensusbeslissing (<code>coder adjudicate queue</code>); in de tabellen "
                               "hierboven tellen zij voor die facetten niet mee.",
        "m_goal": "doel", "m_variable": "variabele", "m_reading": "lezing", "m_total": "Totaal",
        "m_too_few_n": "te weinig quotes (n = {n})",
        "m_too_few_ci": "{which}: te weinig quotes (95%-interval breder dan {width})",
        "m_paradox": "kappaparadox: lees AC1",
        "m_not_chosen": "door geen codeur gekozen", "m_unused": "door geen codeur gebruikt",
        "m_paradox_note": "{label}: {share} van de beoordelingen is {category}; κ en α onderschatten hier de "
                          "overeenstemming (kappaparadox), lees % overeenstemming en AC1",
        "band:almost perfect": "bijna perfect", "band:substantial": "substantieel", "band:moderate": "matig",
        "band:fair": "redelijk", "band:slight": "gering", "band:poor": "slecht",
        "band:reliable": "betrouwbaar", "band:tentative": "voorlopig", "band:unreliable": "onbetrouwbaar",
        "band:no chance correction": "geen kanscorrectie",
    },
    "en": {
        "title": "Analysis of quotes about neighbourhood teams",
        "meta_coded": "Coding: {coder} · {quotes} coded quotes from {docs} documents · {date}",
        "meta_uncoded": "{docs} documents · {date}",
        "corpus": "Corpus composition",
        "documents": "Documents",
        "no_documents": "No documents have been imported yet (<code>coder import FOLDER</code>).",
        "no_codings": "No coded quotes yet. Once quotes are coded (<code>coder tui</code> or "
                      "<code>coder code</code>) the transformation goals, active elements, obstacles "
                      "and three V's appear here.",
        "several_coders": "Several coders have coded ({coders}) and there is no consensus yet. Choose "
                          "a coding with <code>--coder NAME</code> or build a consensus layer "
                          "(<code>coder adjudicate</code>).",
        "goals": "Transformation goals",
        "goals_chart": "Quotes per transformation goal, positive and negative",
        "goals_caption": "Number of quotes per transformation goal",
        "positive": "positive", "negative": "negative", "mixed": "mixed/neutral",
        "ranked_chart": "{facet}: number of quotes and documents",
        "ranked_caption": "{facet}, ranked by number of quotes",
        "code": "Code", "group": "Group", "quotes": "Quotes",
        "indicators": "Client experiences",
        "pooled_how": "Pooled as sum(value × n) / sum(n).",
        "indicator": "Indicator", "team_type": "Team type", "pooled": "Pooled", "surveys": "Surveys",
        "all": "all", "indicators_caption": "Pooled indicators",
        "no_indicators": "No client-experience figures yet "
                         "(<code>coder indicators add</code> or <code>coder indicators import</code>).",
        "reliability": "Reliability",
        "reliability_round": "Reliability (round {round})",
        "no_reliability": "No double coding yet: no two coders coded the same quotes. Create a round "
                          "(<code>coder round create</code>) and let a second coder code it blind.",
        "both_coded": "{a} and {b} both coded {n} quotes.",
        "goal_pairs_caption": "Positive and negative quotes per transformation goal, per coder",
        "difference": "difference",
        "alpha_chart": "Krippendorff's alpha with 95% confidence interval",
        "variable": "Variable", "lower": "lower", "upper": "upper",
        "coefficients_caption": "Agreement per facet and code (α with 95% interval; dotted lines in the "
                                "chart: {low} and {high})",
        "percent": "% agreement", "kappa": "Cohen's κ", "ac1": "Gwet's AC1", "alpha": "Krippendorff's α",
        "explain": "Percent agreement counts how often both coders chose the same, but part of that "
                   "is chance. Cohen's κ, Gwet's AC1 and Krippendorff's α correct for chance: 1 is "
                   "perfect agreement, 0 is no better than chance. κ and α drop sharply when one "
                   "category is nearly always present; AC1 is less sensitive to that. Krippendorff "
                   "calls α ≥ {high} reliable and α ≥ {low} acceptable for tentative conclusions.",
        "disagreements": "{n} disagreements between the coders (see <code>coder adjudicate queue</code>).",
        "not_applicable": "n/a",
        "reliability_all": "{who} all coded the round's {n} quotes.",
        "and": "and",
        "goal_table_caption": "Quotes per transformation goal per coder (+ positive, − negative, "
                              "± mixed/neutral, Σ total) and agreement on 'this quote has this goal'",
        "methods_caption": "Agreement per facet and code, with 95% interval and reading",
        "alpha_caption": "Krippendorff's α per facet and code (dotted lines: {low} and {high})",
        "fleiss": "Fleiss' κ", "conger": "Conger's κ",
        "open_decisions": "Not yet decided",
        "open_decisions_text": "<strong>{quotes} quotes</strong> still have {facets} facet(s) without a "
                               "consensus decision (<code>coder adjudicate queue</code>); the tables above "
                               "do not count them for those facets.",
        "m_goal": "goal", "m_variable": "variable", "m_reading": "reading", "m_total": "Total",
        "m_too_few_n": "too few quotes (n = {n})",
        "m_too_few_ci": "{which}: too few quotes (95% CI wider than {width})",
        "m_paradox": "kappa paradox: read AC1",
        "m_not_chosen": "no coder chose it", "m_unused": "no coder used this facet",
        "m_paradox_note": "{label}: {share} of the ratings are {category}; κ and α understate agreement "
                          "here (kappa paradox), read % agreement and AC1",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """A fixed phrase; values are inserted as given (escape user text before passing it).

    An interpretation band (``band:<English band>``) without a translation stays English.
    """
    phrase = TEXT[lang].get(key)
    if phrase is None and key.startswith("band:"):
        return key.removeprefix("band:")
    return TEXT[lang][key].format(**values)
