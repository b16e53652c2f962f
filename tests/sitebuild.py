"""Build real sites from fixture data: the repository's mkdocs.yml, docs/ and theme, other data/."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
FIXTURE_NOW = "2021-06-01T00:00"
LANGUAGES = ["en", "sv", "nb", "da", "fi", "nl", "de"]
SITE_FILES = ["mkdocs.yml", "macros.py", "docs", "overrides"]


def prepare_project(dest: Path, data: Path, checkout: Path = REPO) -> Path:
    """A project folder with the site files of `checkout` (this repository's) and the given data/."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = Path(checkout) / name
        if source.is_dir():
            shutil.copytree(source, dest / name, dirs_exist_ok=True)
        elif source.exists():
            shutil.copy2(source, dest / name)
    shutil.copytree(data, dest / "data", dirs_exist_ok=True)
    return dest


def build(project: Path, now: str = FIXTURE_NOW, site_url: str = "http://127.0.0.1:8000/") -> Path:
    """Run the real `mkdocs build --strict`; return the site folder."""
    env = dict(os.environ, HUB_NOW=now, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    site = project / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return site


def shared_build(base: Path, name: str, **kwargs) -> Path:
    """Build fixture `name` once per test session, shared by pytest-xdist workers."""
    folder = base / f"site-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    with open(base / f"site-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / "BUILT"
        if not done.exists():
            project = prepare_project(folder / "project", FIXTURES / name / "data")
            build(project, **kwargs)
            done.write_text("ok")
    return folder / "project" / "site"


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, to compare two builds: Pagefind's index as what it holds.

    Pagefind writes its chunks in hash-map order, so two runs over the same pages give other
    bytes and names; what it indexed (languages and pages each) is compared instead, and the
    pages themselves byte for byte.
    """
    out = {}
    for path in sorted(site.rglob("*")):
        name = str(path.relative_to(site))
        entry_file = name.startswith("pagefind/") and name.endswith("/pagefind-entry.json")
        if not path.is_file() or name.startswith("pagefind/") and not entry_file:
            continue
        data = path.read_bytes()
        if entry_file:
            entry = json.loads(data)
            data = json.dumps({lang: index["page_count"] for lang, index in sorted(entry["languages"].items())}).encode()
        out[name] = data
    return out


def page(site: Path, path: str) -> BeautifulSoup:
    """Parse the page at site path `path` ('sv/events/x/')."""
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"
