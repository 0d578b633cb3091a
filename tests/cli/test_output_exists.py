"""An output that exists already is replaced only on request (`--force`), as `handoff` does.

A report section exported to `bijlage.docx` and then edited by hand, or a typo that names
`codebook.yaml` as the output, must not be lost to a second export.
"""

import pytest

KEEP = "met de hand bewerkt\n"


@pytest.fixture
def coded(project, run, monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = project.execute("SELECT MIN(id) FROM quotes").fetchone()[0]
    assert run("code", q, "--coder", "anna", "valentie=positief").exit_code == 0
    return q


@pytest.mark.parametrize("args", [
    ["export", "quotes", "--coder", "anna", "-f", "csv"],
    ["export", "quotes", "--coder", "anna", "-f", "xlsx"],
    ["export", "sections", "--coder", "anna", "-f", "docx"],
    ["export", "matrix", "--coder", "anna"],
    ["export", "qdc"],
    ["export", "qdpx"],
    ["export", "codings", "--coder", "anna"],
    ["export", "ratings", "--coders", "anna,anna2", "--variable", "valentie"],
    ["report", "--coder", "anna"],
])
def test_an_existing_file_is_kept_unless_forced(run, coded, tmp_path, args):
    if "anna,anna2" in args:
        assert run("code", coded, "--coder", "anna2", "valentie=negatief").exit_code == 0
    out = tmp_path / "bijlage.csv"
    out.write_text(KEEP, encoding="utf-8")
    refused = run(*args, "-o", out)
    assert refused.exit_code == 2, refused.output
    said = f"coder: error: {out}: exists already; it can be replaced on request (see --force)\n"
    assert refused.stderr == said
    assert out.read_text(encoding="utf-8") == KEEP
    replaced = run(*args, "-o", out, "--force")
    assert replaced.exit_code == 0, replaced.stderr
    assert out.read_bytes() != KEEP.encode()
