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
