"""The summary's layout and its State callback, called as plain functions."""

from dash import html

from {{ cookiecutter.package_name }} import data, summary


def cell_texts(table: html.Table) -> list[list[object]]:
    body = table.children[2]
    return [[cell.children for cell in row.children] for row in body.children]


def test_layout_shows_the_latest_year_without_a_click():
    layout = summary.layout()
    assert {"summary-year", "summarise", "summary-table"} <= set(layout)
    table = layout["summary-table"].children
    assert table.children[0].children == f"Weather in {data.years()[-1]}"


def test_update_summary_uses_the_year_from_state():
    table = summary.update_summary(1, 2022)
    first = data.summarise(2022)[0]
    assert table.children[0].children == "Weather in 2022"
    assert cell_texts(table)[0] == [
        first.station,
        first.mean_temperature_c,
        first.min_temperature_c,
        first.max_temperature_c,
        first.total_rainfall_mm,
    ]
    assert len(cell_texts(table)) == len(data.stations())
