"""Files written beside the pages once every language is built: calendars, feeds, export, redirects;
then, over the finished pages, the sitemap's x-default. (Each language's search index is written
when that language's pages are: search.Articles, fed by the hub plugin.)

Each writer is `write(build, site_dir)`; each check `check(build, site_dir) -> [message]` runs
after them, and any message fails the build (nothing lost, head tags complete).
"""
from __future__ import annotations

from hub.emit import completeness, export, feed, ics, redirects, search, sitemap
from hub.render import head

WRITERS = (ics.write, feed.write, export.write, redirects.write)
# These read the finished tree (the sitemap mkdocs-static-i18n wrote): after every language's pages.
FINISHERS = (sitemap.write,)
CHECKS = (head.check, completeness.check, search.check)


def write_all(build, site_dir: str) -> None:
    for write in WRITERS:
        write(build, site_dir)


def finish(build, site_dir: str) -> None:
    """Once the whole tree is written: what reads the pages themselves."""
    for write in FINISHERS:
        write(build, site_dir)


def check_all(build, site_dir: str, checks=CHECKS) -> list[str]:
    problems: list[str] = []
    for check in checks:
        problems.extend(check(build, site_dir))
    return problems
