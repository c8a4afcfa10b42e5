"""`fwscaffold compare`: the same concept in every framework, from the templates themselves.

The table comes from the templates' metadata alone. Code comes from each template rendered
with its default answers into a temporary folder, so what a reader sees is exactly what
`fwscaffold new` would write. Pygments loads only for colour and HTML.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from fwscaffold.concepts import CONCEPTS, Location, extract
from fwscaffold.errors import FwscaffoldError, UsageError
from fwscaffold.frameworks import Framework


class Snippet(NamedTuple):
    framework: str
    title: str
    location: Location
    code: str


def concept_map(framework: Framework) -> dict[str, Location]:
    """Concept id -> where the template implements it, with `{package_name}` left in."""
    raw: Mapping[str, list[str]] = framework.metadata.get("concepts", {})
    return {concept: Location(*raw[concept]) for concept in CONCEPTS if concept in raw}


def comparable(frameworks: Mapping[str, Framework]) -> dict[str, Framework]:
    """The frameworks that fill the concept map (the HTTP starters)."""
    return {name: fw for name, fw in frameworks.items() if concept_map(fw)}


def pick(
    frameworks: Mapping[str, Framework], concept: str | None, names: Iterable[str]
) -> list[Framework]:
    """Check the concept and framework names a user typed; the chosen frameworks, in order."""
    known = comparable(frameworks)
    if not known:
        raise FwscaffoldError("no template declares a concept map (`_fwscaffold.concepts`).")
    if concept is not None and concept not in CONCEPTS:
        raise UsageError(f"unknown concept {concept!r}; choose from: {', '.join(CONCEPTS)}.")
    chosen = []
    for name in names:
        if name.lower() not in known:
            raise UsageError(
                f"no concept map for framework {name!r}; choose from: {', '.join(known)}."
            )
        chosen.append(known[name.lower()])
    return chosen or list(known.values())


def table(chosen: list[Framework]) -> dict[str, dict[str, Location | None]]:
    """Concept -> framework -> location (None where the framework does not show it)."""
    maps = {fw.name: concept_map(fw) for fw in chosen}
    return {c: {name: found.get(c) for name, found in maps.items()} for c in CONCEPTS}


def default_package(framework: Framework) -> str:
    slug = next(v.default for v in framework.variables if v.name == "project_slug")
    return slug.replace("-", "_")


def snippets(chosen: list[Framework], concepts: Iterable[str]) -> dict[str, list[Snippet]]:
    """Concept -> the code that shows it in each chosen framework, rendered with defaults."""
    from fwscaffold.generate import generate_project

    wanted = list(concepts)
    found: dict[str, list[Snippet]] = {concept: [] for concept in wanted}
    with tempfile.TemporaryDirectory(prefix="fwscaffold-compare-") as workdir:
        for framework in chosen:
            package = default_package(framework)
            project = generate_project(
                framework, package.replace("_", "-"), output_dir=Path(workdir)
            )
            for concept, where in concept_map(framework).items():
                if concept not in found:
                    continue
                location = where.render(package)
                try:
                    code = extract(project / location.file, location.symbol)
                except (OSError, LookupError) as error:
                    raise FwscaffoldError(
                        f"the {framework.name} template's concept map is out of date: {error}"
                    ) from None
                found[concept].append(Snippet(framework.name, framework.title, location, code))
    return found


def as_json(chosen: list[Framework], concept: str | None) -> dict[str, Any]:
    """The data behind `compare --json` (schema in the README)."""
    if concept is None:
        return {
            "concepts": [{"id": c, "title": t} for c, t in CONCEPTS.items()],
            "frameworks": [fw.name for fw in chosen],
            "map": {
                c: {name: loc._asdict() if loc else None for name, loc in row.items()}
                for c, row in table(chosen).items()
            },
        }
    return {
        "concept": concept,
        "title": CONCEPTS[concept],
        "snippets": [
            {"framework": s.framework, **s.location._asdict(), "code": s.code}
            for s in snippets(chosen, [concept])[concept]
        ],
    }


def highlight_terminal(code: str, filename: str) -> str:
    from pygments import highlight
    from pygments.formatters import TerminalFormatter
    from pygments.lexers import get_lexer_for_filename
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_for_filename(filename)
    except ClassNotFound:
        return code
    return str(highlight(code, lexer, TerminalFormatter()))


def html_page(chosen: list[Framework]) -> str:
    """One self-contained page: the table, then each concept's code side by side."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import TextLexer, get_lexer_for_filename
    from pygments.util import ClassNotFound

    formatter = HtmlFormatter(cssclass="code")
    found = snippets(chosen, CONCEPTS)
    head = "".join(f"<th>{html.escape(fw.title)}</th>" for fw in chosen)
    rows = []
    for concept, row in table(chosen).items():
        cells = "".join(
            f'<td><a href="#{concept}-{name}">{html.escape(str(loc))}</a></td>'
            if loc
            else "<td>-</td>"
            for name, loc in row.items()
        )
        rows.append(
            f'<tr><th><a href="#{concept}">{html.escape(CONCEPTS[concept])}</a></th>{cells}</tr>'
        )
    sections = []
    for concept, items in found.items():
        columns = []
        for item in items:
            try:
                lexer = get_lexer_for_filename(item.location.file)
            except ClassNotFound:
                lexer = TextLexer()
            columns.append(
                f'<div class="cell" id="{concept}-{item.framework}">'
                f"<h3>{html.escape(item.title)} <code>{html.escape(str(item.location))}</code>"
                f"</h3>{highlight(item.code, lexer, formatter)}</div>"
            )
        sections.append(
            f'<section id="{concept}"><h2>{html.escape(CONCEPTS[concept])}</h2>'
            f'<div class="row">{"".join(columns)}</div></section>'
        )
    style = formatter.get_style_defs(".code")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>fwscaffold: the same concepts in every framework</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; font-size: .85rem; }}
.row {{ display: flex; gap: 1rem; overflow-x: auto; }}
.cell {{ flex: 1 0 28rem; min-width: 0; }}
.cell h3 {{ font-size: .95rem; }}
.code pre {{ padding: .5rem; overflow-x: auto; font-size: .8rem; }}
{style}
</style>
</head>
<body>
<h1>The same concepts in every framework</h1>
<table><tr><th>concept</th>{head}</tr>
{"".join(rows)}
</table>
{"".join(sections)}
</body>
</html>
"""
