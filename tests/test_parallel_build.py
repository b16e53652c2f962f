"""The parallel build (hub/mkdocs/parallel.py) writes the same site as one process, file for file.

Also the failures it must keep (a warning in any language, invalid data, a lost record) and what
it relies on in mkdocs-static-i18n, so that an upgrade that changes it fails here by name.
"""
from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import FIXTURE_NOW, FIXTURES, LANGUAGES, prefix, prepare_project, site_files

from hub.mkdocs import parallel, site_join


def run(project: Path, jobs: int, site: str = "site") -> subprocess.CompletedProcess:
    env = dict(os.environ, HUB_NOW=FIXTURE_NOW, SITE_URL="http://127.0.0.1:8000/", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hub.mkdocs.parallel", "--jobs", str(jobs), "-d", site],
                          cwd=project, env=env, capture_output=True, text=True)


def tree(site: Path) -> dict[str, bytes]:
    return site_files(site)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The basic fixture built with one process, two and three."""
    project = prepare_project(tmp_path_factory.mktemp("parallel") / "project", FIXTURES / "basic" / "data")
    sites = {}
    for jobs in (1, 2, 3):
        result = run(project, jobs, f"site-{jobs}")
        assert result.returncode == 0, result.stderr
        sites[jobs] = project / f"site-{jobs}"
    return sites


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_tree_is_byte_identical_to_one_process(builds, jobs):
    one, many = tree(builds[1]), tree(builds[jobs])
    assert sorted(set(one) ^ set(many)) == [], "files only in one of the two builds"
    differ = [name for name in one if one[name] != many[name]]
    assert differ == [], f"files that differ between JOBS=1 and JOBS={jobs}"
    assert len(one) > 200  # the whole site: pages in seven languages, assets, calendars, feeds, export


def test_sitemap_lists_every_language_once(builds):
    text = (builds[2] / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f"<loc>http://127.0.0.1:8000/{prefix(lang)}events/spring-dialogue/</loc>" in text
    assert text.count("<urlset") == 1 and text.count("</urlset>") == 1
    assert text.count("<loc>http://127.0.0.1:8000/sv/events/spring-dialogue/</loc>") == 1


def test_a_warning_in_one_language_fails_the_build_and_is_shown(tmp_path):
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    # A broken link in the German privacy page only: MkDocs warns in the `de` pass alone.
    (project / "docs" / "privacy.de.md").write_text("# Datenschutz\n\n[kaputt](missing-page.md)\n", encoding="utf-8")
    result = run(project, 2)
    assert result.returncode == 1
    # `check` now finds a broken link before any worker starts; either way the build stops, names it
    # and writes no German pages.
    assert "missing-page.md" in result.stderr
    assert not (project / "site" / "de").exists()


def test_invalid_data_fails_before_any_worker_with_the_contributors_message(tmp_path):
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    event = project / "data" / "events" / "spring-dialogue.yml"
    event.write_text(re.sub(r"(?m)^start: .*$", "start: 14 June", event.read_text(encoding="utf-8")), encoding="utf-8")
    result = run(project, 2)
    assert result.returncode == 1
    assert "invalid records in data/" in result.stderr
    assert "data/events/spring-dialogue.yml:" in result.stderr and "start:" in result.stderr
    assert "processes" not in result.stderr  # no worker was started


def in_project(monkeypatch, project):
    """parallel.main called in-process as `make build` runs it in `project`, on the fixture's day."""
    monkeypatch.chdir(project)
    monkeypatch.setenv("HUB_NOW", FIXTURE_NOW)
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")


def test_a_lost_record_still_fails_the_parallel_build(tmp_path, monkeypatch):
    """outputs.check_all runs over the joined tree: a page missing from it is reported."""
    from hub.emit import outputs

    real = outputs.check_all

    def check_without_one_page(build, site_dir, **kwargs):
        os.remove(os.path.join(site_dir, "sv", "events", "spring-dialogue", "index.html"))
        return real(build, site_dir, **kwargs)

    monkeypatch.setattr(outputs, "check_all", check_without_one_page)
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    in_project(monkeypatch, project)
    assert parallel.main(["--jobs", "2", "-q", "-d", str(project / "site")]) == 1


def test_every_language_is_a_pass_of_its_own_and_the_slots_share_them(tmp_path):
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    times = tmp_path / "times.json"
    env = dict(os.environ, HUB_NOW=FIXTURE_NOW, NO_MKDOCS_2_WARNING="1", HUB_BUILD_TIMES=str(times))
    result = subprocess.run([sys.executable, "-m", "hub.mkdocs.parallel", "--jobs", "2", "-q"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    recorded = json.loads(times.read_text())
    assert sorted(recorded["languages"]) == sorted(LANGUAGES)  # one pass, and its CPU seconds, each
    assert all(seconds > 0 for seconds in recorded["languages"].values())
    assert len(recorded["workers"]) == 2  # two slots, each running languages one after the other
    assert sum(recorded["workers"]) == pytest.approx(sum(recorded["languages"].values()))
    assert recorded["processes"] == 2, "a small hub's languages share one worker process per slot"
    assert not list(project.glob(".hub-build-*")), "the build's work folder was left behind"


def test_a_worker_that_has_grown_ends_and_a_fresh_one_takes_the_next_language(builds, tmp_path, monkeypatch):
    """What a large hub does (passes.RECYCLE_BYTES): every language in a process of its own, whose
    memory goes when it ends; the site is still the one-process site, file for file."""
    from hub.mkdocs import passes

    project = builds[1].parent
    times = tmp_path / "times.json"
    in_project(monkeypatch, project)
    monkeypatch.setenv(parallel.TIMES_ENV, str(times))
    monkeypatch.setattr(passes, "RECYCLE_BYTES", 0)
    assert parallel.main(["--jobs", "2", "-q", "-d", str(project / "site-recycled")]) == 0
    assert json.loads(times.read_text())["processes"] == len(LANGUAGES)
    assert tree(project / "site-recycled") == tree(builds[1])


def test_move_tree_renames_new_folders_whole_and_merges_existing_ones(tmp_path):
    source, dest = tmp_path / "source", tmp_path / "dest"
    for name in ("sv/events/a/index.html", "assets/new.css", "assets/hub.js", "sitemap.xml"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text("new " + name)
    (dest / "assets").mkdir(parents=True)
    (dest / "assets" / "hub.js").write_text("old")
    (dest / "assets" / "kept.css").write_text("kept")
    inode = (source / "sv").stat().st_ino
    site_join.move_tree(str(source), str(dest), skip={"sitemap.xml"})
    assert (dest / "sv").stat().st_ino == inode  # one rename, not a copy
    assert (dest / "sv/events/a/index.html").read_text() == "new sv/events/a/index.html"
    assert (dest / "assets/hub.js").read_text() == "new assets/hub.js"  # the later pass's file wins
    assert (dest / "assets/kept.css").read_text() == "kept"
    assert (dest / "assets/new.css").exists() and not (dest / "sitemap.xml").exists()


def test_jobs_from_the_environment(monkeypatch):
    monkeypatch.setenv("JOBS", "3")
    assert parallel.jobs_wanted() == 3
    monkeypatch.delenv("JOBS")
    assert parallel.jobs_wanted() == (os.cpu_count() or 1)
    monkeypatch.setenv("JOBS", "two")
    with pytest.raises(SystemExit, match="JOBS: expected a whole number"):
        parallel.jobs_wanted()


def test_join_sitemaps_keeps_header_order_and_closing():
    head, tail = '<?xml version="1.0"?>\n<urlset>', "\n</urlset>"
    one = head + "\n    <url>a</url>\n    <url>b</url>" + tail
    two = head + "\n    <url>c</url>" + tail
    assert site_join.join_sitemaps([one, two]) == head + "\n    <url>a</url>\n    <url>b</url>\n    <url>c</url>" + tail


# -- what the parallel build relies on in mkdocs-static-i18n (see hub/mkdocs/passes.py) --

def test_i18n_plugin_still_has_the_seams_the_parallel_build_uses():
    from mkdocs_static_i18n.plugin import I18n

    plugin = I18n()
    for attribute in ("building", "current_language", "i18n_files_per_language"):
        assert hasattr(plugin, attribute), f"mkdocs-static-i18n no longer has `{attribute}`: see hub/mkdocs/passes.py"
    post_build = inspect.getsource(I18n.on_post_build)
    assert "if self.building:\n            return" in post_build, \
        "i18n's on_post_build no longer returns early while `building`: workers would build every language"
    config = inspect.getsource(I18n.on_config)
    assert "if self.current_language is None" in config, \
        "i18n's on_config no longer keeps a `current_language` set before the build"


class _FakeIndexing:
    """Stands in for a Pagefind run: records how many ran at once; ends on its second poll."""
    running: list = []
    most = 0

    def __init__(self, folder, site_dir, lang):
        self.lang, self.polls = lang, 0
        _FakeIndexing.running.append(lang)
        _FakeIndexing.most = max(_FakeIndexing.most, len(_FakeIndexing.running))

    def done(self):
        self.polls += 1
        return self.polls > 1

    def wait(self):
        _FakeIndexing.running.remove(self.lang)


@pytest.mark.parametrize("size, side_by_side", [(1_000_000, 2), (100_000_000, 1)])
def test_search_indexes_run_side_by_side_only_while_their_memory_fits(monkeypatch, size, side_by_side):
    """A small hub's languages are indexed on both cores at once; a large hub's (Pagefind: about
    1.4 GB at 10,000 records a language) one after the other, each language still indexed."""
    from hub.emit import search

    monkeypatch.setattr(search, "Indexing", _FakeIndexing)
    _FakeIndexing.running, _FakeIndexing.most = [], 0
    articles = [(lang, {"folder": f"/tmp/{lang}", "size": size}) for lang in LANGUAGES]
    parallel._index_all(articles, "site", slots=2)
    assert _FakeIndexing.most == side_by_side and _FakeIndexing.running == []


def test_a_pagefind_failure_fails_the_build_naming_the_language(tmp_path):
    (tmp_path / "articles").mkdir()  # an empty folder: Pagefind refuses it
    with pytest.raises(RuntimeError, match="pagefind could not index the sv pages"):
        parallel._index_all([("sv", {"folder": str(tmp_path / "articles"), "size": 10})], str(tmp_path / "site"), 2)


def test_a_pages_step_stopped_from_outside_fails_the_build_and_says_so(tmp_path, monkeypatch):
    """Killed by the system (out of memory, say), the pages step cannot explain itself: the build does."""
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    monkeypatch.chdir(project)
    monkeypatch.setattr(parallel, "_pages", lambda *args: os.kill(os.getpid(), 9))
    said = []
    monkeypatch.setattr(parallel.log, "error", said.append)
    assert parallel.main(["--jobs", "2", "-q", "-d", str(project / "site")]) == 1
    assert said == ["the build of the pages stopped (exit code -9): the site folder is not complete"]
    assert not list(project.glob(".hub-build-*"))


def test_a_pass_finds_the_templates_it_renders_compiled_ahead(tmp_path, monkeypatch):
    """parallel._compile_templates makes the theme's environment as a pass does (same settings, same
    extensions), else a pass would compile every template again: what a pass compiles itself is
    only what the compiling ahead could not reach (a template named by an expression)."""
    from jinja2.bccache import BytecodeCache
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from hub.mkdocs import preview, template_cache

    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    monkeypatch.setenv("HUB_NOW", FIXTURE_NOW)
    monkeypatch.setenv(preview.ENV, "en")  # one language is enough to render every kind of page
    monkeypatch.setattr(template_cache, "CACHE", template_cache.MemoryBytecodeCache())
    names, compiled = {}, []
    real_get_bucket, real_dump = BytecodeCache.get_bucket, template_cache.MemoryBytecodeCache.dump_bytecode

    def get_bucket(self, environment, name, filename, source):
        bucket = real_get_bucket(self, environment, name, filename, source)
        names[id(bucket)] = (name, filename)
        return bucket

    def dump_bytecode(self, bucket):  # called only when the template was compiled, not read from the cache
        compiled.append(names[id(bucket)])
        real_dump(self, bucket)

    monkeypatch.setattr(BytecodeCache, "get_bucket", get_bucket)
    monkeypatch.setattr(template_cache.MemoryBytecodeCache, "dump_bytecode", dump_bytecode)
    config_file = str(project / "mkdocs.yml")
    parallel._compile_templates(load_config(config_file, site_dir=str(tmp_path / "site"), strict=True))
    ahead, compiled[:] = set(compiled), []
    assert {"main.html", "base.html", "404.html"} <= {name for name, _ in ahead}
    assert {"events.md", "list_events.md", "home.md"} <= {name for name, _ in ahead}

    config = load_config(config_file, site_dir=str(tmp_path / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    again = set(compiled) & ahead
    assert not again, f"compiled ahead, yet compiled again by the pass: {sorted(name for name, _ in again)}"
    assert (tmp_path / "site" / "events" / "spring-dialogue" / "index.html").exists()
    assert len(set(compiled)) < len(ahead) / 4, f"the pass still compiled {sorted(n for n, _ in compiled)}"


def test_a_failure_compiling_ahead_stops_the_pages_step_and_leaves_no_work_folder(tmp_path, monkeypatch):
    project = prepare_project(tmp_path / "project", FIXTURES / "basic" / "data")
    monkeypatch.chdir(project)
    monkeypatch.setenv("HUB_NOW", FIXTURE_NOW)

    def broken(config):
        raise RuntimeError("a plugin's on_env failed")

    monkeypatch.setattr(parallel, "_compile_templates", broken)
    with pytest.raises(RuntimeError, match="on_env failed"):
        parallel._parallel("mkdocs.yml", str(project / "site"), 2)
    import multiprocessing
    assert not multiprocessing.active_children(), "the pages step was left running"
    assert not list(project.glob(".hub-build-*")), "the work folder was left behind"
