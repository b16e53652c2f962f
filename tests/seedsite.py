"""The repository's own data/ (the seed content) built once per test session, shared by xdist workers."""
from __future__ import annotations

import fcntl
from pathlib import Path

from sitebuild import REPO, build, prepare_project

SEED_URL = "http://127.0.0.1:8000/"


def seed_site(shared_tmp: Path) -> Path:
    """The seed content built as `make build` builds it ("now" is the clock), at SEED_URL."""
    folder = shared_tmp / "site-seed"
    folder.mkdir(parents=True, exist_ok=True)
    with open(shared_tmp / "site-seed.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "BUILT").exists():
            project = prepare_project(folder / "project", REPO / "data")
            build(project, now="", site_url=SEED_URL)
            (folder / "BUILT").write_text("ok")
    return folder / "project" / "site"
