"""Files written beside the pages once every language is built: calendars, feeds, export, redirects,
the sitemap's x-default.

Each writer is `write(build, site_dir)`; each check `check(build, site_dir) -> [message]` runs
after them, and any message fails the build (nothing lost, head tags complete).
"""
from __future__ import annotations

from hub.emit import completeness, export, feed, ics, redirects, sitemap
from hub.render import head

WRITERS = (ics.write, feed.write, export.write, redirects.write, sitemap.write)
CHECKS = (head.check, completeness.check)


def write_all(build, site_dir: str) -> None:
    for write in WRITERS:
        write(build, site_dir)


def check_all(build, site_dir: str) -> list[str]:
    problems: list[str] = []
    for check in CHECKS:
        problems.extend(check(build, site_dir))
    return problems
