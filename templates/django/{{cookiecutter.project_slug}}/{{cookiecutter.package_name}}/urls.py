"""Root URLconf: which view answers which path.

https://docs.djangoproject.com/en/5.2/topics/http/urls/
"""

from django.contrib import admin
from django.urls import {% if cookiecutter.include_example == "yes" %}include, {% endif %}path
from django.views.generic import TemplateView

from . import views

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("health", views.health, name="health"),
    path("admin/", admin.site.urls),
{%- if cookiecutter.include_example == "yes" %}
    # The notes app's HTML pages and JSON API, under the names "notes:...".
    path("", include("{{ cookiecutter.package_name }}.notes.urls")),
{%- endif %}
]
