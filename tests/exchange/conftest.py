from pathlib import Path

import pytest
from lxml import etree

from tests.cli.conftest import report_pdf, run  # noqa: F401  (CLI fixtures)
from tests.export.conftest import coded  # noqa: F401  (the small coded project)

SCHEMAS = Path(__file__).resolve().parent / "schemas"
REAL = Path(__file__).resolve().parents[3] / "shared" / "real" / "refi"


@pytest.fixture(scope="session")
def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "Project.xsd")))


@pytest.fixture(scope="session")
def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "Codebook.xsd")))
