"""The `_default` app: py4web serves it at the site root, so its actions need no prefix.

Importing the modules that hold actions is what exposes them.
"""

{% if cookiecutter.include_example == "yes" %}from . import api, controllers, errors{% else %}from . import controllers, errors{% endif %}

errors.install_error_handlers()

__all__ = [{% if cookiecutter.include_example == "yes" %}"api", {% endif %}"controllers"]
