"""Project settings: plain constants, read by the layout and the pages."""

PROJECT_NAME = {{ cookiecutter.project_name | py_str }}
DESCRIPTION = {{ cookiecutter.description | py_str }}
