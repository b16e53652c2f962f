"""Calendars (RFC 5545, written with icalendar): every event, each topic's events, each event alone.

Written in every language (`calendar.ics`, `sv/calendar.ics`, `sv/topics/<id>.ics`,
`sv/events/<id>.ics`); titles and links follow the language, the UID of an event does not,
so a reader who switches language keeps one copy of each event. Times carry their IANA zone
with a VTIMEZONE built from the zone database, so clients get the right instant across DST.

Updates reach subscribers as RFC 5545 asks: `SEQUENCE` counts the changes to the event's time,
place or status and `LAST-MODIFIED` is its last change, both from git history
(hub/load/history.py); `DTSTAMP` is when the file was written (the build's "now"). A renamed
event keeps the UID of its first id, and its former ids' `events/<old-id>.ics` keep serving it.
"""
from __future__ import annotations

import os
from datetime import date, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from icalendar import Calendar, Event, Timezone, vCalAddress

from hub.model.instants import aware, utc
from hub.render.dates import babel_locale
from hub.emit.names import event_place, host, site_name
from hub.render.text import pick, ui_strings

_STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def write(build, site_dir: str) -> None:
    events = build.content["events"]
    in_order = sorted(events, key=lambda i: (utc(events[i].start, events[i].timezone), i))
    for lang in build.config.languages:
        prefix = build.config.path_prefix(lang)
        site = site_name(build.content, lang)
        # Each event is serialised once per language and reused by every calendar that holds it.
        vevents = {i: event_component(build, i, lang).to_ical() for i in in_order}

        def save(path: str, ids: list[str], name: str, page: str) -> None:
            url = build.config.page_url(lang, page)
            _save(site_dir, prefix + path, calendar_ics(build, lang, ids, name, url, vevents))

        save("calendar.ics", in_order, f"{site} – {ui_strings(lang)['events']}", "events/")
        for topic_id, topic in build.content.topics.items():
            save(f"topics/{topic_id}.ics", [i for i in in_order if topic_id in events[i].topics],
                 f"{site} – {pick(topic, lang).text}", f"topics/{topic_id}/")
        for event_id in in_order:
            save(f"events/{event_id}.ics", [event_id], pick(events[event_id].title, lang).text, f"events/{event_id}/")
            for old_id in events[event_id].aliases:
                # A former id's address keeps serving the event: a subscriber's client asks for it by name.
                save(f"events/{old_id}.ics", [event_id], pick(events[event_id].title, lang).text, f"events/{event_id}/")


def calendar_ics(build, lang: str, event_ids: list[str], name: str, url: str, vevents: dict[str, bytes]) -> bytes:
    """A VCALENDAR of these events with a VTIMEZONE per zone they use. icalendar writes the
    calendar's properties and each component; they are joined here, so that one written VEVENT
    serves every calendar that holds it (a large hub writes thousands of calendars)."""
    head = calendar_properties(build, lang, name, url).to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    events = [build.content["events"][i] for i in event_ids]
    parts = []
    for zone in sorted({e.timezone for e in events}):
        years = [d.year for e in events if e.timezone == zone for d in (e.start, e.end)]
        parts.append(vtimezone(zone, min(years), max(years)))
    for event_id in event_ids:
        parts.append(vevents[event_id])
    return head[:-len(end)] + b"".join(parts) + end


def calendar_properties(build, lang: str, name: str, url: str) -> Calendar:
    """An empty VCALENDAR with what subscribing clients read: name, link, how often to refresh."""
    cal = Calendar()
    cal.add("prodid", f"-//{host(build.config.site_url)}//Circular and Fair ICT hub//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("url", url)
    # Subscribed clients poll this often; the hub changes at most a few times a day.
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    return cal


def event_component(build, event_id: str, lang: str) -> Event:
    event = build.content["events"][event_id]
    ui = ui_strings(lang)
    page = build.config.page_url(lang, f"events/{event_id}/")
    title = pick(event.title, lang).text
    if event.status != "scheduled":
        # Many clients do not show STATUS; say it where every reader looks.
        title = f"{ui['status_' + event.status]}: {title}"
    summary = pick(event.summary, lang).text
    vevent = Event()
    vevent.add("uid", event_uid(first_id(event, event_id), build.config.site_url))
    # RFC 5545: in a published calendar DTSTAMP is when the file was made; HUB_NOW fixes it.
    vevent.add("dtstamp", build.index.now.astimezone(timezone.utc))
    vevent.add("last-modified", build.history.last_change("events", event, event_id))
    vevent.add("sequence", build.history.of("events", event_id).sequence)
    vevent.add("dtstart", aware(event.start, event.timezone))
    vevent.add("dtend", aware(event.end, event.timezone))
    vevent.add("summary", title)
    vevent.add("description", f"{summary}\n\n{page}")
    vevent.add("url", page)
    vevent.add("location", event_place(event, lang))
    vevent.add("status", _STATUS[event.status])
    if event.topics:
        vevent.add("categories", [pick(build.content.topics[t], lang).text for t in event.topics])
    if event.contact and event.contact.email:
        organizer = vCalAddress(f"mailto:{event.contact.email}")
        if event.contact.name:
            organizer.params["cn"] = event.contact.name
        vevent.add("organizer", organizer)
    return vevent


def event_uid(event_id: str, site_url: str) -> str:
    """The same in every language and every build: `<first event id>@<host of site_url>`."""
    return f"{event_id}@{host(site_url)}"


def first_id(record, record_id: str) -> str:
    """The id a record was published under first: its first alias (the original), else its id."""
    return record.aliases[0] if record.aliases else record_id



@lru_cache(maxsize=None)
def vtimezone(zone: str, first_year: int, last_year: int) -> bytes:
    """The zone's rules for the years the events span (the whole database would be huge), written."""
    return Timezone.from_tzinfo(ZoneInfo(zone), tzid=zone, first_date=date(first_year, 1, 1),
                                last_date=date(last_year + 1, 1, 1)).to_ical()


def _save(site_dir: str, path: str, data: bytes) -> None:
    target = os.path.join(site_dir, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as handle:
        handle.write(data)
