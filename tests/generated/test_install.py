"""The packaged product: a wheel carrying the templates, installed in a fresh venv, goes green."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fwscaffold.install import WARMER, install_project
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
    assert "(venv " in result.stdout and ", install " in result.stdout
    assert (tmp_path / "myapp" / ".venv" / "bin" / "pytest").exists()


TINY_PYPROJECT = """\
[build-system]
requires = ["uv_build>=0.9,<0.14"]
build-backend = "uv_build"

[project]
name = "tiny"
version = "0.1.0"
requires-python = ">=3.11"

[project.optional-dependencies]
dev = ["pytest>=8"]

[tool.uv.build-backend]
module-root = ""
"""


def test_install_uses_the_uv_cache_alone_and_goes_online_only_when_it_must(tmp_path, monkeypatch):
    """An empty uv cache forces the online retry; the same cache then serves a second project."""
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "uv-cache"))
    reports = []
    for name in ("first", "second"):
        project = tmp_path / name
        (project / "tiny").mkdir(parents=True)
        (project / "tiny" / "__init__.py").write_text("ANSWER = 42\n")
        (project / "tests").mkdir()
        (project / "tests" / "test_tiny.py").write_text(
            "import tiny\n\n\ndef test_answer():\n    assert tiny.ANSWER == 42\n"
        )
        (project / "pyproject.toml").write_text(TINY_PYPROJECT)
        steps: list[str] = []
        reports.append(install_project(project, steps.append))
        assert reports[-1].tests_passed, reports[-1].test_summary
        assert reports[-1].test_summary.startswith("1 passed")
        assert list(reports[-1].steps) == ["venv", "install", "tests"]
    first, second = reports
    assert first.used_network and not second.used_network
    assert first.installer == second.installer == "uv"
    _check_warmer(tmp_path / "second")


def _pycache_files(venv: Path) -> list[Path]:
    return list(venv.rglob("__pycache__/*"))


def _check_warmer(project: Path) -> None:
    """Run to the end it compiles transitive needs; on SIGTERM it stops early and cleanly."""
    python = str(project / ".venv" / "bin" / "python")
    site = next((project / ".venv" / "lib").glob("python3.*/site-packages"))
    argv = [python, "-I", str(WARMER), "tiny", "dev"]

    def clear() -> None:
        for cache in list(site.rglob("__pycache__")):
            shutil.rmtree(cache)

    clear()
    assert subprocess.run(argv, cwd=project, check=False).returncode == 0
    for module in ("_pytest/__init__.py", "pluggy/__init__.py", "iniconfig/__init__.py"):
        assert Path(importlib.util.cache_from_source(str(site / module))).is_file(), module
    everything = len(list(site.rglob("*.py")))

    clear()
    warmer = subprocess.Popen(argv, cwd=project)
    time.sleep(0.2)
    warmer.terminate()
    assert warmer.wait(timeout=5) == 0
    left = _pycache_files(site)
    assert all(p.suffix == ".pyc" for p in left), "a half-written .pyc was left behind"
    assert len(left) < everything
