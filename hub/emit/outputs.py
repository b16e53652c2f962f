"""Files written beside the pages once every language is built: calendars, feeds, export, redirects, search.

Each writer is `write(build, site_dir)`; each check `check(build, site_dir) -> [message]` runs
after them, and any message fails the build (nothing lost, head tags complete).
"""
from __future__ import annotations

from hub.emit import completeness, export, feed, ics, redirects, search
from hub.render import head

# search last: it indexes the pages as they are, after every other writer.
WRITERS = (ics.write, feed.write, export.write, redirects.write, search.write)
CHECKS = (head.check, completeness.check)


def write_all(build, site_dir: str) -> None:
    for write in WRITERS:
        write(build, site_dir)


def check_all(build, site_dir: str) -> list[str]:
    problems: list[str] = []
    for check in CHECKS:
        problems.extend(check(build, site_dir))
    return problems
