"""The dataset shipped inside the package."""

from {{ cookiecutter.package_name }} import data


def test_readings_are_loaded_once():
    assert data.readings() is data.readings()
    assert len(data.readings()) == 108


def test_stations_and_years():
    assert data.stations() == ["Harbour Point", "Hill Top", "River Bend"]
    assert data.years() == [2022, 2023, 2024]


def test_monthly_readings_run_january_to_december():
    readings = data.monthly("Hill Top", 2023)
    assert [reading.month for reading in readings] == list(range(1, 13))
    assert {reading.station for reading in readings} == {"Hill Top"}


def test_summary_per_station():
    summaries = data.summarise(2022, data.stations())
    assert [summary.station for summary in summaries] == data.stations()
    first = summaries[0]
    readings = data.monthly(first.station, 2022)
    assert first.min_temperature_c <= first.mean_temperature_c
    assert first.mean_temperature_c <= first.max_temperature_c
    assert first.total_rainfall_mm == sum(reading.rainfall_mm for reading in readings)


def test_summary_leaves_out_what_has_no_readings():
    # The mean of no readings is undefined: nothing is summarised, nothing raises.
    assert data.summarise(2022, []) == []
    assert data.summarise(1999, data.stations()) == []
    assert [s.station for s in data.summarise(2022, ["Nowhere", "Hill Top"])] == [
        "Hill Top"
    ]
