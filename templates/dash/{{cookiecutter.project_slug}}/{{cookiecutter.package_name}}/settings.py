"""Project settings: plain constants, read by the layout and the pages."""

PROJECT_NAME = {{ cookiecutter.project_name | str_literal }}
DESCRIPTION = {{ cookiecutter.description | str_literal }}
