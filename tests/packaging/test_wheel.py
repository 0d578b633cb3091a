"""coder installed from a wheel works outside the checkout: codebook and all."""

from __future__ import annotations

import site
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_pdf

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with only the coder wheel installed; its dependencies come from the
    test environment through a path file, so no network and no second download."""
    root = tmp_path_factory.mktemp("wheel")
    build = root / "build"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(build), str(REPO)],
                   check=True, capture_output=True)
    wheel = next(build.glob("coder-*.whl"))
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = next((venv / "lib").glob("python3*/site-packages"))
    (target / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    return venv


def run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(venv / "bin" / "python"), "-m", "coder", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_wheel_carries_the_codebook_and_imports_a_pdf(installed, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    make_pdf(work / "verslag.pdf", ["Het wijkteam werkt samen met de huisarts in de wijk. "
                                    "\u201cIk werd snel geholpen,\u201d zegt een inwoner."])
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import coder; print(coder.__file__)"], cwd=work,
                           capture_output=True, text=True)
    assert str(REPO) not in where.stdout, "the test must use the installed wheel, not the checkout"
    init = run(installed, work, "init")
    assert init.returncode == 0, init.stderr
    assert "codebook" in init.stdout + init.stderr
    imported = run(installed, work, "import", "verslag.pdf")
    assert imported.returncode == 0, imported.stderr
    docs = run(installed, work, "docs", "--json")
    assert "verslag" in docs.stdout


def test_demo_from_a_wheel_says_where_the_corpus_is(installed, tmp_path):
    result = run(installed, tmp_path, "demo", "--no-tui")
    assert result.returncode == 2
    assert "source checkout" in result.stderr
