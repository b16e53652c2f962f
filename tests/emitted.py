"""What the emitters wrote, read back with real parsers; shared by the calendar, feed and export tests."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from sitebuild import REPO

ICAL_READ = REPO / "tests" / "ical_read.js"


def site_files(site: Path, suffix: str) -> list[Path]:
    """Every file with this suffix outside the theme's assets."""
    return sorted(p for p in site.rglob(f"*{suffix}") if "assets" not in p.relative_to(site).parts)


def icalendar_events(path: Path) -> list[dict]:
    """UID, UTC start/end, status and summary of every VEVENT, as the icalendar library reads them."""
    cal = Calendar.from_ical(path.read_bytes())
    out = []
    for event in cal.walk("VEVENT"):
        out.append({"uid": str(event["UID"]),
                    "start": _z(event.decoded("DTSTART")), "end": _z(event.decoded("DTEND")),
                    "status": str(event["STATUS"]), "summary": str(event["SUMMARY"])})
    return out


def ical_js_events(paths: list[Path]) -> dict[Path, list[dict]]:
    """The same, as Mozilla's ical.js (Thunderbird's parser) reads them."""
    node = shutil.which("node")
    if not node or not (REPO / "node_modules" / "ical.js").exists():
        if os.environ.get("CI"):  # CI must read with both parsers: a missing tool fails there
            pytest.fail("needs node and node_modules/ical.js (make setup)")
        pytest.skip("needs node and node_modules/ical.js (make setup)")
    result = subprocess.run([node, str(ICAL_READ), *map(str, paths)], cwd=REPO,
                            capture_output=True, text=True, check=True)
    return {Path(name): events for name, events in json.loads(result.stdout).items()}


def _z(moment) -> str:
    assert moment.tzinfo is not None, "a floating time: the instant would depend on the reader's zone"
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_seed_outputs(dest: Path, site_url: str = "https://example.github.io/cfit-hub/") -> Path:
    """The repository's own data/ through every writer, in-process (no site build)."""
    from hub.emit import outputs
    from hub.render.build import load_build
    os.makedirs(dest, exist_ok=True)
    build = load_build(str(REPO), site_url)
    outputs.write_all(build, str(dest))
    return dest


def fixture_build(dest: Path, name: str = "basic", site_url: str = "http://127.0.0.1:8000/"):
    """A loaded HubBuild of tests/fixtures/<name> with the repository's mkdocs.yml, without MkDocs."""
    from hub.render.build import load_build
    from sitebuild import FIXTURES
    dest.mkdir(parents=True, exist_ok=True)
    if not (dest / "mkdocs.yml").exists():
        shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
        shutil.copytree(FIXTURES / name / "data", dest / "data")
    return load_build(str(dest), site_url)
