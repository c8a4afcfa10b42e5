"""{{ cookiecutter.project_name }}: a TurboGears application."""
