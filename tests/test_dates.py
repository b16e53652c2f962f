from datetime import date, datetime, timezone

import pytest

from hub.render import dates


@pytest.mark.parametrize("lang,expected", [
    ("en", "25 November 2020, 09:00–16:30 CET"),
    ("sv", "25 november 2020, 09:00–16:30 CET"),
    ("de", "25. November 2020, 09:00–16:30 MEZ"),
    ("fi", "25. marraskuuta 2020, 09:00–16:30 +0100"),  # Babel has no short zone name in Finnish: an offset
])
def test_event_time_in_each_language(lang, expected):
    assert dates.event_when(datetime(2020, 11, 25, 9), datetime(2020, 11, 25, 16, 30), "Europe/Brussels", lang) == expected


def test_summer_time_is_the_zone_databases_business():
    # 14 June 2021 "4-5 pm CET" in the seed is 16:00 Brussels wall clock, which is 14:00 UTC.
    assert dates.utc(datetime(2021, 6, 14, 16), "Europe/Brussels") == datetime(2021, 6, 14, 14, tzinfo=timezone.utc)
    assert dates.event_when(datetime(2021, 6, 14, 16), datetime(2021, 6, 14, 17), "Europe/Brussels", "en") \
        == "14 June 2021, 16:00–17:00 CEST"


def test_changeover_days():
    assert dates.utc(datetime(2021, 3, 28, 9), "Europe/Stockholm").hour == 7
    assert dates.utc(datetime(2021, 10, 31, 10), "Europe/Oslo").hour == 9


def test_multi_day_event_names_both_days():
    text = dates.event_when(datetime(2021, 5, 3, 9), datetime(2021, 5, 4, 17), "Europe/Brussels", "en")
    assert text == "3 May 2021, 09:00 – 4 May 2021, 17:00 CEST"


def test_published_partial_dates():
    assert dates.year_month("2019", "en") == "2019"
    assert dates.year_month("2021-11", "sv") == "november 2021"
    assert dates.year_month("2021-11-02", "en") == "2 November 2021"


def test_hub_now_without_offset_is_utc():
    assert dates.now_from_env("2021-06-01T00:00") == datetime(2021, 6, 1, tzinfo=timezone.utc)
    assert dates.now_from_env("2021-06-01T02:00+02:00") == datetime(2021, 6, 1, tzinfo=timezone.utc)
    assert dates.now_from_env(None).tzinfo is not None
    assert dates.long_date(date(2020, 11, 18), "nb") == "18. november 2020"
