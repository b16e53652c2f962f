"""Fixture projects as git repositories with commits at chosen times (for history-driven outputs)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Neither the machine's nor the user's git configuration: commits look the same everywhere.
_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}


def git(project: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, **_ENV)
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(project), *args], env=env, check=True, capture_output=True)


def init(project: Path) -> None:
    git(project, "init", "-q", "-b", "main")


def commit(project: Path, when: str, message: str, *paths: str) -> None:
    """Commit `paths` (everything when none) at `when` (ISO, e.g. 2021-05-25T10:00:00Z)."""
    git(project, "add", *(paths or ["-A"]))
    git(project, "commit", "-q", "-m", message, when=when)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new))
