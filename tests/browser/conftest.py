"""Browser tests: the built fixture site served on 127.0.0.1 and read in headless Chromium.

The site is tests/fixtures/basic with a few records of tests/fixtures/reader laid over it. One
browser per test session (per xdist worker); every page load records its requests. Chromium
resolves no name but 127.0.0.1, so a request to another host fails at once, offline, and the
tests report it.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, Reader, Server
from sitebuild import FIXTURES, build, prepare_project


@pytest.fixture(scope="session")
def reader_site(shared_tmp) -> Path:
    """tests/fixtures/basic with tests/fixtures/reader laid over it, built once (HUB_NOW=2021-06-01T00:00)."""
    folder = shared_tmp / "site-reader"
    folder.mkdir(parents=True, exist_ok=True)
    with open(shared_tmp / "site-reader.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "BUILT").exists():
            project = prepare_project(folder / "project", FIXTURES / "basic" / "data")
            shutil.copytree(FIXTURES / "reader" / "data", project / "data", dirs_exist_ok=True)
            build(project)
            (folder / "BUILT").write_text("ok")
    return folder / "project" / "site"


@pytest.fixture(scope="session")
def site_url(reader_site) -> str:
    server = Server(reader_site)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
    playwright = sync_api.sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(scope="session")
def reader(browser, site_url):
    """A desktop reader in Europe/Brussels with the light palette, shared by the session."""
    r = Reader(browser, site_url, axe=True, viewport={"width": 1280, "height": 900}, timezone_id="Europe/Brussels",
               locale="en-GB", color_scheme="light")
    yield r
    r.close()


@pytest.fixture(scope="session")
def auditor(browser, site_url):
    """The reader of the axe-core sweep: as `reader`, in a context of its own."""
    r = Reader(browser, site_url, axe=True, viewport={"width": 1280, "height": 900},
               timezone_id="Europe/Brussels", locale="en-GB", color_scheme="light")
    yield r
    r.close()


@pytest.fixture
def new_reader(browser, site_url):
    """Make a reader with other options (zone, palette, window); closed after the test."""
    made = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        r = Reader(browser, site_url, **options)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()
