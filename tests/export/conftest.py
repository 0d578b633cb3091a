import pytest

from tests.cli.conftest import run  # noqa: F401  (the CLI fixture)


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
