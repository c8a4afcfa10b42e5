"""Template helpers: Kajiki templates see this module as `h`.

https://turbogears.readthedocs.io/en/latest/turbogears/templating.html
"""

from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

from datetime import datetime
{%- endif %}

from tg import url
{%- if cookiecutter.include_example == "yes" %}

__all__ = ["url", "when"]


def when(moment: datetime) -> str:
    """A timestamp as people read it, to the minute."""
    return moment.strftime("%Y-%m-%d %H:%M")
{%- else %}

__all__ = ["url"]
{%- endif %}
