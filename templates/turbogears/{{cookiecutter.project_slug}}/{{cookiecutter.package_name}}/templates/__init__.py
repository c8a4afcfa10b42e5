"""Kajiki templates, found by dotted name: `{{ cookiecutter.package_name }}.templates.index`."""
