"""Who speaks, as a role word: ``een ervaren wijkcoach`` → ``wijkcoach``.

An attribution phrase names a speaker only when it holds a word for a person in a role:
one of :data:`ROLE_WORDS`, or a compound ending in one of :data:`ROLE_ENDINGS`
(``buurtsportcoach``, ``Wmo-consulent``, ``jeugd- en gezinswerker``), given in the
singular (``ouders`` → ``ouder``). Anything else
(``op basis``, ``de toelichting``, ``het rapport``) is no speaker, so a wrong guess never
reaches the coder as a role; the attribution text is kept either way.
"""

from __future__ import annotations

import re

ROLE_WORDS = frozenset("""
inwoner inwoonster bewoner bewoonster buurtbewoner wijkbewoner burger ouder moeder vader
jongere jongen meisje kind tiener puber scholier student cliënt client deelnemer
respondent mantelzorger vrijwilliger ervaringsdeskundige professional wijkcoach
wijkteammedewerker medewerker huisarts wethouder burgemeester ambtenaar raadslid
beleidsmedewerker teamleider manager directeur bestuurder coördinator leerkracht docent juf meester
mentor wijkagent verpleegkundige wijkverpleegkundige generalist consulent hulpverlener gezinswerker
jeugdwerker jongerenwerker opbouwwerker schuldhulpverlener praktijkondersteuner zorgcoördinator
onderzoeker partner weduwe weduwnaar oudere senior patiënt gebruiker opa oma grootouder
pleegouder pleegmoeder pleegvader zoon dochter casemanager regisseur trajectbegeleider begeleider
werker man vrouw buurvrouw buurman dominee imam politieagent agent
ceo cfo directeur-bestuurder voorzitter chairman director manager resident client parent employee
""".split())  # noqa: SIM905 (a word list reads better as text)
ROLE_ENDINGS = ("werker", "medewerker", "coach", "consulent", "verlener", "verpleegkundige", "arts",
                "coördinator", "leider", "manager", "directeur", "begeleider", "deskundige", "adviseur",
                "regisseur", "agent", "ouder", "moeder", "vader", "bewoner", "bewoonster", "cliënt",
                "professional", "ondersteuner", "mantelzorger", "vrijwilliger", "wethouder", "docent",
                "kundige", "therapeut", "psycholoog", "pedagoog")
WORD = re.compile(r"[\w’'-]+(?:\s+(?:en|of)\s+[\w-]+)?", re.UNICODE)
ADJECTIVE_ROLES = {"maatschappelijk werker", "intern begeleider", "maatschappelijk werkster"}


def _known(w: str) -> bool:
    if w in ROLE_WORDS:
        return True
    return len(w) > 5 and any(w.endswith(e) and len(w) > len(e) + 1 for e in ROLE_ENDINGS)


def singular_role(word: str) -> str | None:
    """The role a word names, in the singular (``ouders`` → ``ouder``), or None."""
    w = word.lower().strip("’'-")
    for form in (w, w[:-1] if w.endswith("s") else "", w[:-1] if w.endswith("en") else "",
                 w[:-2] if w.endswith("en") else ""):
        if form and _known(form):
            return form
    return None


def is_role_word(word: str) -> bool:
    return singular_role(word) is not None


def role_in(phrase: str, *, max_words: int = 8) -> str | None:
    """The first role word of ``phrase`` (within its first ``max_words`` words), lower case.

    A coordinated compound keeps its first part (``jeugd- en gezinswerker``), and two-word
    roles whose first word is an adjective stay whole (``maatschappelijk werker``).
    """
    words = phrase.replace("(", " ").replace(")", " ").split()[:max_words]
    for i, raw in enumerate(words):
        word = raw.strip(",.;:!?\"“”„‘’«»")
        if not word or not is_role_word(word):
            continue
        lower = singular_role(word) or word.lower()
        if i >= 2 and words[i - 1].lower() in ("en", "of") and words[i - 2].endswith("-"):
            return f"{words[i - 2].lower()} {words[i - 1].lower()} {lower}"
        if i >= 1 and f"{words[i - 1].lower()} {lower}" in ADJECTIVE_ROLES:
            return f"{words[i - 1].lower()} {lower}"
        return lower
    return None
