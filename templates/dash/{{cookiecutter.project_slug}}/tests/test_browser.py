"""The app in headless Chromium, driven by dash_duo (https://dash.plotly.com/testing)."""

from {{ cookiecutter.package_name }} import settings
from {{ cookiecutter.package_name }}.app import app
{%- if cookiecutter.include_example == "yes" %}


def test_choosing_a_station_redraws_the_figure(browser):
    browser.start_server(app, host="127.0.0.1")
    browser.wait_for_text_to_equal("h1", settings.PROJECT_NAME)
{%- if cookiecutter.pages == "yes" %}
    browser.find_element("nav a[href='/dashboard']").click()
{%- endif %}
    browser.wait_for_text_to_equal("#weather-graph .gtitle", "Harbour Point, 2024")
    browser.select_dcc_dropdown("#station", value="Hill Top")
    browser.wait_for_text_to_equal("#weather-graph .gtitle", "Hill Top, 2024")
    browser.driver.get(f"{browser.server_url}/no-such-page")
    browser.wait_for_text_to_equal("#not-found h2", "Page not found")
    assert browser.get_logs() == []
{%- else %}


def test_home_and_not_found_pages_render(browser):
    browser.start_server(app, host="127.0.0.1")
    browser.wait_for_text_to_equal("h1", settings.PROJECT_NAME)
    browser.driver.get(f"{browser.server_url}/no-such-page")
    browser.wait_for_text_to_equal("#not-found h2", "Page not found")
    assert browser.get_logs() == []
{%- endif %}
