"""The dashboard's layout and callback, called as plain functions."""

from {{ cookiecutter.package_name }} import dashboard, data


def test_layout_has_the_controls_and_the_graph():
    layout = dashboard.layout()
    assert {"station", "year", "weather-graph"} <= set(layout)
    assert layout["station"].value == data.stations()[0]
    assert layout["year"].value == data.years()[-1]


def test_update_graph_plots_the_chosen_station_and_year():
    figure = dashboard.update_graph("River Bend", 2022)
    readings = data.monthly("River Bend", 2022)
    rainfall, temperature = figure.data
    assert figure.layout.title.text == "River Bend, 2022"
    assert list(rainfall.y) == [reading.rainfall_mm for reading in readings]
    assert list(temperature.y) == [reading.temperature_c for reading in readings]
    assert temperature.x[0] == "Jan"
