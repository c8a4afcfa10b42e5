"""{{ cookiecutter.project_slug }}: a Falcon {{ cookiecutter.interface | upper }} application; `app.create_app` builds it."""
