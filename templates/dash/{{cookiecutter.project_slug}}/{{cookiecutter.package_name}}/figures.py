"""Plotly figures, built with graph_objects (https://plotly.com/python/graph-objects/)."""

import calendar

import plotly.graph_objects as go

from .data import Reading


def weather_figure(station: str, year: int, readings: list[Reading]) -> go.Figure:
    """Monthly rainfall as bars and temperature as a line on a second y axis."""
    months = [calendar.month_abbr[reading.month] for reading in readings]
    figure = go.Figure()
    figure.add_trace(
        go.Bar(x=months, y=[r.rainfall_mm for r in readings], name="Rainfall (mm)")
    )
    figure.add_trace(
        go.Scatter(
            x=months,
            y=[r.temperature_c for r in readings],
            name="Temperature (°C)",
            mode="lines+markers",
            yaxis="y2",
        )
    )
    figure.update_layout(
        title=f"{station}, {year}",
        yaxis={"title": "Rainfall (mm)"},
        yaxis2={"title": "Temperature (°C)", "overlaying": "y", "side": "right"},
        legend={"orientation": "h"},
    )
    return figure


def empty_figure(message: str) -> go.Figure:
    """No traces, only the message, so the graph never keeps showing stale data."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, font={"size": 16})
    figure.update_layout(xaxis={"visible": False}, yaxis={"visible": False})
    return figure
