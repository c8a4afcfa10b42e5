"""The sample dataset: monthly weather readings shipped inside the package.

`weather.csv` holds synthetic readings for three imaginary stations. The standard
library's csv module is enough for 108 rows, so the project needs neither pandas
nor numpy.
"""

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from statistics import fmean


@dataclass(frozen=True)
class Reading:
    station: str
    year: int
    month: int
    temperature_c: float
    rainfall_mm: float


@dataclass(frozen=True)
class YearSummary:
    station: str
    mean_temperature_c: float
    min_temperature_c: float
    max_temperature_c: float
    total_rainfall_mm: float


@cache
def readings() -> tuple[Reading, ...]:
    """Every reading; cached, so each process reads the file once."""
    text = files(__package__).joinpath("weather.csv").read_text(encoding="utf-8")
    return tuple(
        Reading(
            station=row["station"],
            year=int(row["year"]),
            month=int(row["month"]),
            temperature_c=float(row["temperature_c"]),
            rainfall_mm=float(row["rainfall_mm"]),
        )
        for row in csv.DictReader(text.splitlines())
    )


def stations() -> list[str]:
    return sorted({reading.station for reading in readings()})


def years() -> list[int]:
    return sorted({reading.year for reading in readings()})


def monthly(station: str, year: int) -> list[Reading]:
    """The readings of one station in one year, January first."""
    chosen = [r for r in readings() if r.station == station and r.year == year]
    return sorted(chosen, key=lambda reading: reading.month)


def summarise(year: int, stations: list[str]) -> list[YearSummary]:
    """One summary per chosen station with readings in `year`, in station order.

    A station without readings that year is left out rather than averaged: the mean
    of nothing is undefined (statistics.fmean raises on an empty list).
    """
    summaries = []
    for station in sorted(stations):
        chosen = monthly(station, year)
        if not chosen:
            continue
        temperatures = [reading.temperature_c for reading in chosen]
        summaries.append(
            YearSummary(
                station=station,
                mean_temperature_c=round(fmean(temperatures), 1),
                min_temperature_c=min(temperatures),
                max_temperature_c=max(temperatures),
                total_rainfall_mm=sum(reading.rainfall_mm for reading in chosen),
            )
        )
    return summaries
