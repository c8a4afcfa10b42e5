"""The dashboard's layout and callback, called as plain functions."""

import itertools

import pytest

from {{ cookiecutter.package_name }} import dashboard, data


def test_layout_has_the_controls_and_the_graph():
    layout = dashboard.layout()
    assert {"station", "year", "weather-graph"} <= set(layout)
    assert layout["station"].value == data.stations()[0]
    assert layout["year"].value == data.years()[-1]


def test_layout_ignores_query_parameters():
    # Dash Pages passes ?station=x as a keyword; an unknown one must not break the page.
    assert "station" in dashboard.layout(station="x", utm_source="mail")


def test_update_graph_plots_the_chosen_station_and_year():
    figure = dashboard.update_graph("River Bend", 2022)
    readings = data.monthly("River Bend", 2022)
    rainfall, temperature = figure.data
    assert figure.layout.title.text == "River Bend, 2022"
    assert list(rainfall.y) == [reading.rainfall_mm for reading in readings]
    assert list(temperature.y) == [reading.temperature_c for reading in readings]
    assert temperature.x[0] == "Jan"


@pytest.mark.parametrize(
    ("station", "year"), list(itertools.product(data.stations(), data.years()))
)
def test_every_station_and_year_draws_twelve_months(station, year):
    figure = dashboard.update_graph(station, year)
    assert figure.layout.title.text == f"{station}, {year}"
    assert [len(trace.x) for trace in figure.data] == [12, 12]


@pytest.mark.parametrize("year", data.years())
def test_a_cleared_station_dropdown_shows_a_hint(year):
    figure = dashboard.update_graph(None, year)
    assert figure.data == ()
    assert figure.layout.annotations[0].text == "Choose a station to plot its year."
