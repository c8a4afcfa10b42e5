"""py4web's apps folder: each sub-folder with an `__init__.py` is one app.

py4web imports this folder as the package `apps` and serves the app called `_default` at
the site root (https://py4web.com/_documentation/static/en/chapter-05.html).
"""
