"""{{ cookiecutter.project_slug }}: a FastAPI application; `main.app` is what the servers run."""
