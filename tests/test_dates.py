from datetime import date, datetime, timezone

import pytest

from hub.render import dates


@pytest.mark.parametrize("lang,expected", [
    ("en", "25 November 2020, 09:00–16:30 CET"),
    ("sv", "25 november 2020, 09:00–16:30 CET"),
    ("de", "25. November 2020, 09:00–16:30 MEZ"),
    ("fi", "25. marraskuuta 2020, 09:00–16:30 UTC+1"),  # Babel has no short zone name in Finnish: the offset
    ("nb", "25. november 2020, 09:00–16:30 CET"),
    ("da", "25. november 2020, 09:00–16:30 CET"),
    ("nl", "25 november 2020, 09:00–16:30 CET"),
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


# One notation per language: the abbreviation where Babel has one for that language, else "UTC+2";
# never "+0200", "GMT+02:00" or a long name beside abbreviations.
@pytest.mark.parametrize("lang,winter,summer,london_summer,new_york", [
    ("en", "EET", "EEST", "BST", "UTC-4"),
    ("sv", "EET", "EEST", "UTC+1", "UTC-4"),
    ("nb", "EET", "EEST", "UTC+1", "EDT"),
    ("da", "EET", "EEST", "UTC+1", "UTC-4"),
    ("fi", "UTC+2", "UTC+3", "UTC+1", "UTC-4"),
    ("nl", "EET", "EEST", "UTC+1", "EDT"),
    ("de", "OEZ", "OESZ", "UTC+1", "UTC-4"),
])
def test_zone_notation_per_language(lang, winter, summer, london_summer, new_york):
    assert dates.zone_name(dates.aware(datetime(2021, 1, 14, 16), "Europe/Helsinki"), lang) == winter
    assert dates.zone_name(dates.aware(datetime(2021, 6, 14, 16), "Europe/Helsinki"), lang) == summer
    assert dates.zone_name(dates.aware(datetime(2021, 6, 14, 16), "Europe/London"), lang) == london_summer
    assert dates.zone_name(dates.aware(datetime(2021, 6, 14, 16), "America/New_York"), lang) == new_york


def test_zone_names_of_the_same_instant_in_two_zones_are_not_confused():
    # 09:00 in Brussels and 10:00 in Helsinki are one instant: each keeps its own zone.
    assert dates.zone_name(dates.aware(datetime(2021, 1, 14, 9), "Europe/Brussels"), "en") == "CET"
    assert dates.zone_name(dates.aware(datetime(2021, 1, 14, 10), "Europe/Helsinki"), "en") == "EET"


def test_offsets_are_written_utc_plus_hours():
    from datetime import timedelta
    assert dates.utc_offset(timedelta(hours=2)) == "UTC+2"
    assert dates.utc_offset(timedelta(hours=5, minutes=30)) == "UTC+5:30"
    assert dates.utc_offset(timedelta(hours=-3)) == "UTC-3"
    assert dates.utc_offset(timedelta(0)) == "UTC"


@pytest.mark.parametrize("lang,expected", [
    ("en", "28 March 2021, 01:00 CET – 04:00 CEST"),
    ("fi", "28. maaliskuuta 2021, 01:00 UTC+1 – 04:00 UTC+2"),
    ("de", "28. März 2021, 01:00 MEZ – 04:00 MESZ"),
])
def test_an_event_across_a_clock_change_shows_each_ends_zone(lang, expected):
    assert dates.event_when(datetime(2021, 3, 28, 1), datetime(2021, 3, 28, 4), "Europe/Stockholm", lang) == expected


def test_a_multi_day_event_across_a_clock_change():
    assert dates.event_when(datetime(2021, 10, 30, 9), datetime(2021, 11, 1, 17), "Europe/Brussels", "sv") \
        == "30 oktober 2021, 09:00 CEST – 1 november 2021, 17:00 CET"
