"""The yearly summary: a table per station, recomputed when the button is clicked."""

from dash import Input, Output, State, callback, dcc, html

from . import data

COLUMNS = ("Station", "Mean °C", "Min °C", "Max °C", "Rainfall mm")


def summary_table(year: int) -> html.Table:
    rows = [
        html.Tr(
            [
                html.Td(summary.station),
                html.Td(summary.mean_temperature_c),
                html.Td(summary.min_temperature_c),
                html.Td(summary.max_temperature_c),
                html.Td(summary.total_rainfall_mm),
            ]
        )
        for summary in data.summarise(year)
    ]
    return html.Table(
        [
            html.Caption(f"Weather in {year}"),
            html.Thead(html.Tr([html.Th(column) for column in COLUMNS])),
            html.Tbody(rows),
        ]
    )


def layout() -> html.Section:
    latest = data.years()[-1]
    return html.Section(
        [
            html.H2("Yearly summary"),
            html.Label("Year", htmlFor="summary-year"),
            dcc.Dropdown(
                id="summary-year", options=data.years(), value=latest, clearable=False
            ),
            html.Button("Summarise", id="summarise"),
            html.Div(summary_table(latest), id="summary-table"),
        ]
    )


# State hands the callback the dropdown's value without firing on its changes: only the
# button does. prevent_initial_call skips the run on page load, since layout() already
# drew the table (https://dash.plotly.com/basic-callbacks#dash-app-with-state).
@callback(
    Output("summary-table", "children"),
    Input("summarise", "n_clicks"),
    State("summary-year", "value"),
    prevent_initial_call=True,
)
def update_summary(_n_clicks: int, year: int) -> html.Table:
    return summary_table(year)
