"""``coder layout``: a user looks at why a spread page came out as it did."""

from __future__ import annotations

from tests.extraction import magazine


def test_layout_draws_a_spread_with_numbered_blocks_and_furniture(run, tmp_path):
    magazine.build("spread_brochure", tmp_path)
    out = tmp_path / "page.png"
    result = run("layout", tmp_path / "spread_brochure.pdf", "--page", "2", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    first = result.output.splitlines()[0]
    assert "printed 4–5" in first and "furniture lines removed" in first
    kinds = {line.split()[1] for line in result.output.splitlines()[1:]}
    assert {"paragraph", "pullquote", "attribution"} <= kinds


def test_layout_of_an_imported_document_and_a_missing_page(run, tmp_path):
    magazine.short_repeating(tmp_path)
    pdf = tmp_path / "short_repeating.pdf"
    assert run("import", pdf).exit_code == 0
    assert run("layout", "short_repeating.pdf", "--page", "1", "-o", tmp_path / "a.png").exit_code == 0
    result = run("layout", pdf, "--page", "9", "-o", tmp_path / "b.png")
    assert result.exit_code == 2
    assert "no page 9" in result.output
