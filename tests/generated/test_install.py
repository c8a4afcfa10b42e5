"""The packaged product: a wheel carrying the templates, installed in a fresh venv, goes green."""

from __future__ import annotations

import shutil
import sys

import pytest

from tests._harness.fixtures import REPO
from tests._harness.project import BIN, run

pytestmark = pytest.mark.slow


def test_wheel_generates_a_project_whose_tests_pass_with_install(tmp_path):
    uv = shutil.which("uv") or str(BIN / "uv")
    built = run(
        [uv, "build", "--wheel", "--quiet", "--out-dir", str(tmp_path / "dist"), str(REPO)], REPO
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("fwscaffold-*.whl"))
    venv = tmp_path / "venv"
    assert (
        run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], tmp_path).returncode
        == 0
    )
    installed = run(
        [uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), str(wheel)],
        tmp_path,
    )
    assert installed.returncode == 0, installed.stderr

    fwscaffold = str(venv / "bin" / "fwscaffold")
    info = run([fwscaffold, "info", "flask"], tmp_path)
    assert (
        f"cookiecutter {venv}/lib/python3.11/site-packages/fwscaffold/templates/flask"
        in info.stdout
    )

    result = run([fwscaffold, "new", "flask", "myapp", "--no-input", "--install"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Installed into" in result.stdout and " passed" in result.stdout
    assert (tmp_path / "myapp" / ".venv" / "bin" / "pytest").exists()
