"""Instants of the content model: wall-clock times in IANA zones, and the build's "now"."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo


def aware(wall: datetime, zone: str) -> datetime:
    """A wall-clock time in an IANA zone, as an aware datetime (DST from the zone database)."""
    return wall.replace(tzinfo=ZoneInfo(zone))


def utc(wall: datetime, zone: str) -> datetime:
    return aware(wall, zone).astimezone(timezone.utc)


def now_from_env(value: str | None) -> datetime:
    """'Now' for this build: HUB_NOW (ISO; UTC when it has no offset) or the clock."""
    if not value:
        return datetime.now(timezone.utc)
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def first_day(partial: str) -> date:
    """The first day a `published` or `committed` value (YYYY, YYYY-MM or YYYY-MM-DD) can mean."""
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    return date(*parts[:3])
