"""{{ cookiecutter.project_slug }}: a Hug API; `app.py` is the module gunicorn serves."""
