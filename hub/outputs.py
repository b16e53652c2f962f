"""Files written beside the pages once every language is built: calendars, feeds, export, redirects.

Each writer is `write(build, site_dir)`; add new ones to WRITERS. Checks that the build lost
nothing run after them (CHECKS), and fail the build with a clear message.
"""
from __future__ import annotations

WRITERS: list = []
CHECKS: list = []


def write_all(build, site_dir: str) -> None:
    for write in WRITERS:
        write(build, site_dir)


def check_all(build, site_dir: str) -> list[str]:
    problems: list[str] = []
    for check in CHECKS:
        problems.extend(check(build, site_dir))
    return problems


# Calendars, feeds, the JSON export and redirects for former ids (issue 3); imported here so
# that loading the plugin registers them.
from . import export, feed, head, ics, redirects  # noqa: E402

WRITERS += [ics.write, feed.write, export.write, redirects.write]
CHECKS += [head.check]

# Nothing lost: every record's pages, listing links and export entries (issue 5).
from . import completeness  # noqa: E402

CHECKS.append(completeness.check)
