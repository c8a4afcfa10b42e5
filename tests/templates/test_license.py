"""Tier 2: the `license` answer writes the generated project's LICENSE, its pyproject `license`
(an SPDX expression, PEP 639) and the README's License section, in every template; and the
built wheel's metadata carries it, with each build backend the templates use.
"""

from __future__ import annotations

import tomllib
import zipfile

import pytest

from tests._harness.fixtures import FRAMEWORKS, TEMPLATES, VARIANTS
from tests._harness.project import BIN, Variant, bake, run

pytestmark = pytest.mark.slow

# The first line each licence text starts with, and the SPDX expression pyproject declares.
EXPECTED = {
    "MIT": ("MIT License", "MIT"),
    "Apache-2.0": ("Apache License", "Apache-2.0"),
    "BSD-3-Clause": ("BSD 3-Clause License", "BSD-3-Clause"),
    "Proprietary": ("Copyright (c) ", "LicenseRef-Proprietary"),
}


def license_of(variant: Variant) -> str:
    return variant.answers.get("license", FRAMEWORKS[variant.framework].variable("license").default)


def test_every_template_offers_the_same_licences():
    for name, framework in FRAMEWORKS.items():
        assert list(framework.variable("license").choices) == list(EXPECTED), name


WITH_LICENSE = [v for v in VARIANTS if v.overrides == () or "license" in v.answers]


@pytest.mark.parametrize("variant", WITH_LICENSE, ids=[v.id for v in WITH_LICENSE])
def test_license_file_pyproject_and_readme_follow_the_answer(bakery, variant):
    project = bakery.project(variant)
    chosen = license_of(variant)
    first_line, spdx = EXPECTED[chosen]
    text = (project / "LICENSE").read_text("utf-8")
    assert text.lstrip().startswith(first_line), text[:200]
    # Every other licence's title is absent: exactly one text was rendered.
    for other, (title, _) in EXPECTED.items():
        if other != chosen and other != "Proprietary":
            assert title not in text, f"{other} text leaked into a {chosen} LICENSE"
    if chosen != "Apache-2.0":  # Apache's text names no holder; its appendix shows how
        year = (project / ".fwscaffold.json").read_text("utf-8")
        assert "copyright_year" in year
        assert "Copyright (c) 20" in text
    project_table = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))["project"]
    assert project_table["license"] == spdx
    assert project_table["license-files"] == ["LICENSE"]
    readme = (project / "README.md").read_text("utf-8")
    assert "## License" in readme and "`LICENSE`" in readme
    assert (chosen in readme) if chosen != "Proprietary" else ("all rights reserved" in readme)


# One template per build backend: uv_build (the shared base) and setuptools (TurboGears).
BACKENDS = [
    Variant(framework, (("license", chosen),))
    for framework in ("flask", "turbogears")
    for chosen in ("Apache-2.0", "Proprietary")
]


@pytest.mark.parametrize("variant", BACKENDS, ids=[v.id for v in BACKENDS])
def test_built_wheel_declares_the_license(variant, tmp_path):
    project = bake(TEMPLATES, variant, tmp_path)
    result = run([str(BIN / "uv"), "build", "--wheel", "--quiet", "--out-dir", "dist"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (project / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode("utf-8").splitlines()
        assert f"License-Expression: {EXPECTED[license_of(variant)][1]}" in lines
        assert "License-File: LICENSE" in lines
        assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names
