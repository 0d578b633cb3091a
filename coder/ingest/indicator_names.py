"""The study's client-experience indicators, in a module light enough for ``--help``."""

from __future__ import annotations

# The study's indicators: key -> (label, unit). Other snake_case names are allowed.
KNOWN: dict[str, tuple[str, str]] = {
    "rapportcijfer": ("Tevredenheid (rapportcijfer)", "mark"),
    "bekendheid": ("Bekend met het wijkteam", "%"),
    "kwaliteit": ("Kwaliteit van de hulp", "%"),
    "eigen_regie": ("Eigen regie", "%"),
    "tijdigheid": ("Tijdig geholpen", "%"),
    "passend": ("Passende hulp", "%"),
    "helpt": ("Hulp helpt", "%"),
    "zelfredzaamheid": ("Zelfredzaamheid gegroeid", "%"),
    "doelen_bereikt": ("Doelen bereikt", "%"),
    "samenwerking": ("Samenwerking", "%"),
}
