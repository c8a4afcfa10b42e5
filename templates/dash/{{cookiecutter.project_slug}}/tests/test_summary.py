"""The summary's layout and its State callback, called as plain functions."""

import itertools

import pytest
from dash import html

from {{ cookiecutter.package_name }} import data, summary

# Every value the stations multi-select can hold: each subset, the empty one included.
STATION_CHOICES = [
    list(chosen)
    for size in range(len(data.stations()) + 1)
    for chosen in itertools.combinations(data.stations(), size)
]


def cell_texts(table: html.Table) -> list[list[object]]:
    body = table.children[2]
    return [[cell.children for cell in row.children] for row in body.children]


def test_layout_shows_every_station_in_the_latest_year_without_a_click():
    layout = summary.layout()
    assert {"summary-year", "summary-stations", "summarise", "summary-table"} <= set(
        layout
    )
    assert layout["summary-stations"].value == data.stations()
    table = layout["summary-table"].children
    assert table.children[0].children == f"Weather in {data.years()[-1]}"
    assert len(cell_texts(table)) == len(data.stations())


def test_update_summary_uses_the_year_and_stations_from_state():
    table = summary.update_summary(1, 2022, ["River Bend", "Hill Top"])
    first = data.summarise(2022, ["Hill Top"])[0]
    assert table.children[0].children == "Weather in 2022"
    assert cell_texts(table)[0] == [
        first.station,
        first.mean_temperature_c,
        first.min_temperature_c,
        first.max_temperature_c,
        first.total_rainfall_mm,
    ]
    assert [row[0] for row in cell_texts(table)] == ["Hill Top", "River Bend"]


@pytest.mark.parametrize("stations", STATION_CHOICES, ids=str)
@pytest.mark.parametrize("year", data.years())
def test_every_year_and_station_choice_renders(year, stations):
    result = summary.update_summary(1, year, stations)
    if stations:
        assert [row[0] for row in cell_texts(result)] == stations
    else:
        assert isinstance(result, html.P)


@pytest.mark.parametrize("stations", [[], None])
def test_an_emptied_multi_select_shows_a_hint(stations):
    hint = summary.update_summary(1, 2024, stations)
    assert hint.children == "Choose at least one station to see its summary."


def test_an_empty_selection_is_no_server_error_over_http(client):
    """The same callback through Dash's own endpoint, as the browser calls it."""
    response = client.post(
        "/_dash-update-component",
        json={
            "output": "summary-table.children",
            "outputs": {"id": "summary-table", "property": "children"},
            "inputs": [{"id": "summarise", "property": "n_clicks", "value": 1}],
            "state": [
                {"id": "summary-year", "property": "value", "value": 2024},
                {"id": "summary-stations", "property": "value", "value": []},
            ],
            "changedPropIds": ["summarise.n_clicks"],
        },
    )
    assert response.status_code == 200
    hint = response.get_json()["response"]["summary-table"]["children"]
    assert hint["type"] == "P"
