"""Check the answers before cookiecutter writes a single file.

This file is the one source of truth for the naming and text rules: plain cookiecutter runs it
as a hook, and fwscaffold imports it to check answers before it bakes anything. It stays valid
Python before rendering, so its functions can be tested directly. Standard library only.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from collections.abc import Mapping

# Rendered by cookiecutter; `tojson` escapes quotes, so no answer can break out of the string.
CONTEXT_JSON = r"""{{ cookiecutter | tojson }}"""

MAX_NAME_LENGTH = 50
MAX_TEXT_LENGTH = 300
TEXT_FIELDS = ("project_name", "description", "author_name", "author_email")
SLUG_PATTERN = re.compile(r"[a-z][a-z0-9_-]*\Z")

# Import names of the frameworks and of what the templates depend on: a package named like one
# of them would shadow it.
RESERVED_NAMES = frozenset(
    {
        "asgiref",
        "bandit",
        "h11",
        "iniconfig",
        "markdown_it",
        "mdurl",
        "packaging",
        "pluggy",
        "pygments",
        "rich",
        "stevedore",
        "yaml",
        "aiosqlite",
        "annotated_doc",
        "anyio",
        "blinker",
        "certifi",
        "charset_normalizer",
        "cheroot",
        "cherrypy",
        "click",
        "coverage",
        "cookiecutter",
        "dash",
        "dj_database_url",
        "django",
        "dotenv",
        "falcon",
        "fastapi",
        "fastapi_cli",
        "flask",
        "flask_sqlalchemy",
        "flask_wtf",
        "fwscaffold",
        "greenlet",
        "gunicorn",
        "hatchling",
        "httpcore",
        "httpcore2",
        "httptools",
        "httpx",
        "httpx2",
        "hug",
        "idna",
        "itsdangerous",
        "jinja2",
        "markupsafe",
        "marshmallow",
        "numpy",
        "opentelemetry",
        "pandas",
        "pip",
        "plotly",
        "portend",
        "psycopg",
        "psycopg2",
        "pydantic",
        "pydantic_core",
        "pytest",
        "requests",
        "rich_toolkit",
        "ruff",
        "selenium",
        "setuptools",
        "shellingham",
        "sniffio",
        "sqlalchemy",
        "sqlparse",
        "starlette",
        "test",
        "tests",
        "typer",
        "typing_extensions",
        "typing_inspection",
        "urllib3",
        "uv",
        "uv_build",
        "uvicorn",
        "uvloop",
        "watchfiles",
        "websockets",
        "webtest",
        "werkzeug",
        "whitenoise",
        "wtforms",
        "tg",
        "turbogears",
        "turbogears2",
        "tgext",
        "kajiki",
        "linetable",
        "crank",
        "gearbox",
        "hupper",
        "tempita",
        "paste",
        "pastedeploy",
        "transaction",
        "zope_sqlalchemy",
        "repoze",
        "beaker",
        "backlash",
        "scrapy",
        "twisted",
        "parsel",
        "itemadapter",
        "itemloaders",
        "w3lib",
        "lxml",
        "cssselect",
        "protego",
        "queuelib",
        "zope",
        "pydispatch",
        "tldextract",
        "service_identity",
        "cryptography",
        "openssl",
        "defusedxml",
        "jmespath",
        "automat",
        "constantly",
        "hyperlink",
        "incremental",
        "attr",
        "attrs",
        "cffi",
        "pycparser",
        "brotli",
        "backports",
        "aiohttp",
        "aiosignal",
        "aiohappyeyeballs",
        "frozenlist",
        "multidict",
        "propcache",
        "yarl",
        "filelock",
        "requests_file",
        "platformdirs",
        "pyasn1",
        "pyasn1_modules",
        "py4web",
        "pydal",
        "yatl",
        "ombott",
        "renoir",
        "pluralize",
        "threadsafevariable",
        "portalocker",
        "apps",
        "jwt",
        "bs4",
        "soupsieve",
        "rocket3",
        "tornado",
        "waitress",
        "watchgod",
        "webob",
        "colorama",
        "wheel",
        "pathspec",
    }
)


class AnswerError(ValueError):
    """An answer breaks a rule; the message says which and how to fix it."""


def suggest_slug(raw: str) -> str | None:
    """Return a valid slug close to `raw`, or None when there is no obvious one."""
    candidate = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")
    candidate = re.sub(r"^[^a-z]+", "", candidate)[:MAX_NAME_LENGTH].rstrip("-")
    if not candidate:
        return None
    if _package_problem(candidate.replace("-", "_")):
        candidate = f"{candidate}-app"
    if candidate == raw or _slug_problem(candidate):
        return None
    return candidate


def _package_problem(name: str) -> str | None:
    if not name.isidentifier() or not name.isascii():
        return "is not a valid Python identifier"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return "is a Python keyword"
    if name in sys.stdlib_module_names:
        return "shadows a standard-library module"
    if name.lower() in RESERVED_NAMES:
        return "shadows a package the generated project depends on"
    return None


def _slug_problem(slug: str) -> str | None:
    if not slug:
        return "is empty"
    if len(slug) > MAX_NAME_LENGTH:
        return f"is longer than {MAX_NAME_LENGTH} characters"
    if not SLUG_PATTERN.match(slug):
        return (
            "must start with a lowercase letter and hold only lowercase letters, "
            "digits, '-' and '_'"
        )
    problem = _package_problem(slug.replace("-", "_"))
    return f"gives the import name {slug.replace('-', '_')!r}, which {problem}" if problem else None


def check_slug(slug: str) -> None:
    """Raise AnswerError unless `slug` is a usable folder, distribution and import name."""
    problem = _slug_problem(slug)
    if problem:
        hint = suggest_slug(slug)
        tail = f"; try {hint!r}" if hint else ""
        raise AnswerError(f"project name {slug!r} {problem}{tail}.")


def check_package_name(name: str) -> None:
    """Raise AnswerError unless `name` is a safe import name for the generated package."""
    problem = _package_problem(name) if name else "is empty"
    if problem:
        raise AnswerError(f"package_name {name!r} {problem}.")


def check_text(key: str, value: str) -> None:
    """Free text may hold any printable text (quotes, backslashes, non-ASCII), nothing else."""
    if not value.strip():
        raise AnswerError(f"{key} must not be empty.")
    if len(value) > MAX_TEXT_LENGTH:
        raise AnswerError(f"{key} is longer than {MAX_TEXT_LENGTH} characters.")
    if not value.isprintable():
        raise AnswerError(f"{key} must be printable text on one line (no control characters).")


def validate(answers: Mapping[str, object]) -> None:
    """Check every rule that applies to `answers`; raise AnswerError on the first broken one."""
    check_slug(str(answers.get("project_slug", "")))
    check_package_name(str(answers.get("package_name", "")))
    for key in TEXT_FIELDS:
        if key in answers:
            check_text(key, str(answers[key]))


def main() -> int:
    try:
        validate(json.loads(CONTEXT_JSON))
    except AnswerError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
