import re
from pathlib import Path

import pytest
from lxml import etree

from tests.cli.conftest import run  # noqa: F401  (the CLI fixture)

SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "refi-qda"


def _load_schema(name: str) -> etree.XMLSchema:
    """The official schema; the shipped Codebook.xsd has typographic damage from a PDF copy
    (U+2010 instead of '-', missing spaces between attributes), repaired here in memory."""
    raw = (SCHEMAS / name).read_text(encoding="utf-8").replace("\u2010", "-")
    raw = re.sub(r'(="[^"]*")(?=[A-Za-z])', r"\1 ", raw)
    return etree.XMLSchema(etree.fromstring(raw.encode("utf-8")))


@pytest.fixture(scope="session")
def project_schema():
    if not (SCHEMAS / "Project.xsd").exists():
        pytest.skip("REFI-QDA schemas not available")
    return _load_schema("Project.xsd")


@pytest.fixture(scope="session")
def codebook_schema():
    if not (SCHEMAS / "Codebook.xsd").exists():
        pytest.skip("REFI-QDA schemas not available")
    return _load_schema("Codebook.xsd")


@pytest.fixture
def coded(project, run):
    """The small project with two quotes coded by anna (one with a memo) and one by bram."""
    q1, q2 = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    for args in [(q1, "anna", "transformatiedoel=normaliseren", "valentie=positief", "drie_vs+=vertrouwen",
                  "--memo", "sterk citaat"),
                 (q2, "anna", "transformatiedoel=eerder_juiste_hulp", "valentie=negatief"),
                 (q1, "bram", "transformatiedoel=normaliseren", "valentie=positief")]:
        quote, coder, *rest = args
        assert run("code", quote, "--coder", coder, *rest).exit_code == 0
    return project
