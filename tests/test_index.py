from datetime import datetime, timezone

from sitebuild import FIXTURES, LANGUAGES

from hub import build_index, load_content


def index_at(when: str):
    content = load_content(str(FIXTURES / "basic"), LANGUAGES)
    return build_index(content, datetime.fromisoformat(when).replace(tzinfo=timezone.utc))


def test_an_event_is_upcoming_until_its_end():
    # spring-dialogue ends 2021-03-28 12:30 Stockholm summer time = 10:30 UTC
    assert "spring-dialogue" in index_at("2021-03-28T10:29").upcoming
    assert "spring-dialogue" in index_at("2021-03-28T10:30").past


def test_registration_closes_after_the_deadline_day_in_the_events_zone():
    ix = index_at("2021-03-20T22:59")  # 23:59 on the deadline day in Stockholm
    event = ix.content["events"]["spring-dialogue"]
    assert not ix.registration_closed(event)
    assert index_at("2021-03-20T23:00").registration_closed(event)


def test_backlinks_follow_every_kind_of_reference():
    ix = index_at("2021-06-01T00:00")
    named = ix.names("organisations", "city-of-malmo")
    assert named["events"] == ["spring-dialogue", "winter-workshop"]
    assert named["cases"] == ["malmo-phones"]
    assert named["statements"] == ["phone-statement"]
    assert ix.names("organisations", "test-network")["resources"] == ["summary-report"]
    assert set(ix.names("topics", "laptops")["resources"]) == {"summary-report", "webinar-recording"}
    assert ix.names("events", "winter-workshop") == {"cases": ["malmo-phones"], "statements": ["phone-statement"]}


def test_newest_by_added_and_listing_orders():
    ix = index_at("2021-06-01T00:00")
    assert ix.newest("resources") == ["webinar-recording", "summary-report"]
    assert ix.listing("resources") == ["webinar-recording", "summary-report"]  # 2021-11 before 2019
    assert ix.open_statements() == ["phone-statement"]
    assert [year for year, _ in ix.past_by_year()] == [2021, 2020]
