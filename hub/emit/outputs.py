"""Files written beside the pages: each language's search index when that language's pages are
written; once every language is built, calendars, feeds, export, redirects, then, over the
finished pages, the sitemap's x-default.

Each writer is `write(build, site_dir)`; each check `check(build, site_dir) -> [message]` runs
after them, and any message fails the build (nothing lost, head tags complete).
"""
from __future__ import annotations

from hub.emit import completeness, export, feed, ics, redirects, search, sitemap
from hub.render import head

WRITERS = (ics.write, feed.write, export.write, redirects.write)
# These read one language's finished pages: they run when that language's pass ends, in the
# process that built it (each worker of the parallel build indexes its own languages).
LANGUAGE_FINISHERS = (search.write_language,)
# These read the finished tree (the sitemap mkdocs-static-i18n wrote): after every language's pages.
FINISHERS = (sitemap.write,)
CHECKS = (head.check, completeness.check, search.check)


def write_all(build, site_dir: str) -> None:
    for write in WRITERS:
        write(build, site_dir)


def finish_language(build, site_dir: str, lang: str) -> None:
    """Once the pages of `lang` are written: what reads them."""
    for write in LANGUAGE_FINISHERS:
        write(build, site_dir, lang)


def finish(build, site_dir: str) -> None:
    """Once the whole tree is written: what reads the pages themselves."""
    for write in FINISHERS:
        write(build, site_dir)


def check_all(build, site_dir: str) -> list[str]:
    problems: list[str] = []
    for check in CHECKS:
        problems.extend(check(build, site_dir))
    return problems
