"""bench/old_build.py and run.py's old variants: plugin names resolved from another checkout; no timings.

Run with `.venv/bin/python -m pytest -q bench/test_old_build.py` (outside tests/, which pytest
collects by default, so that it stays apart from tests/test_bench.py's files).
"""
import os
import subprocess
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import old_build  # noqa: E402
import run as bench_run  # noqa: E402


def _checkout(root: Path, entry: str = "hub.old_plugin:Plugin") -> Path:
    """A fake old checkout: a pyproject.toml declaring the hub plugin and a hub package holding it."""
    (root / "hub").mkdir(parents=True)
    (root / "pyproject.toml").write_text(textwrap.dedent(f"""\
        [project]
        name = "cfit-hub"
        [project.entry-points."mkdocs.plugins"]
        hub = "{entry}"
        """))
    (root / "hub" / "__init__.py").write_text("")
    (root / "hub" / "old_plugin.py").write_text(textwrap.dedent("""\
        from pathlib import Path
        from mkdocs.plugins import BasePlugin

        class Plugin(BasePlugin):
            def on_post_build(self, config):
                Path(config.site_dir, "built-by-old.txt").write_text(__file__)
        """))
    return root


def test_declared_plugins_come_from_the_checkouts_pyproject(tmp_path):
    declared = old_build.declared_plugins(_checkout(tmp_path))
    assert declared == {"hub": EntryPoint(name="hub", value="hub.old_plugin:Plugin", group="mkdocs.plugins")}


def test_declared_names_win_and_the_others_stay_installed():
    installed = {"hub": EntryPoint("hub", "hub.mkdocs.plugin:HubPlugin", "mkdocs.plugins"),
                 "search": EntryPoint("search", "mkdocs.contrib.search:SearchPlugin", "mkdocs.plugins")}
    declared = {"hub": EntryPoint("hub", "hub.mkdocs_plugin:HubPlugin", "mkdocs.plugins")}
    resolved = old_build.resolve(installed, declared)
    assert resolved["hub"].value == "hub.mkdocs_plugin:HubPlugin"
    assert resolved["search"] is installed["search"]


def test_hub_modules_from_elsewhere_are_named(tmp_path):
    inside = type(sys)("hub")
    inside.__file__ = str(tmp_path / "hub" / "__init__.py")
    outside = type(sys)("hub.mkdocs.plugin")
    outside.__file__ = "/elsewhere/hub/mkdocs/plugin.py"
    modules = {"hub": inside, "hub.mkdocs.plugin": outside, "hubble": outside, "yaml": outside}
    assert old_build.foreign_hub_modules(tmp_path, modules) == ["hub.mkdocs.plugin (/elsewhere/hub/mkdocs/plugin.py)"]


def test_the_launcher_builds_with_the_old_checkouts_plugin(tmp_path):
    """A real `mkdocs build` of a one-page project whose `hub` plugin only the fake checkout has."""
    checkout = _checkout(tmp_path / "old")
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Hello\n")
    (project / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - hub\n")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, str(BENCH / "old_build.py"), str(checkout), "--strict", "-q", "-d", "site"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (project / "site" / "built-by-old.txt").read_text() == str(checkout / "hub" / "old_plugin.py")


def test_search_share_is_met_when_the_new_build_takes_no_longer_than_the_old_without_search():
    r = bench_run.Result(400, pages={"old": 2864, "oldns": 2864, "a": 2900, "a1": 2900})
    r.runs = {"old": [bench_run.Run(60.0, 50.0, 0)], "oldns": [bench_run.Run(48.0, 40.0, 0)],
              "a": [bench_run.Run(40.0, 70.0, 0)], "a1": [bench_run.Run(70.0, 41.0, 0)]}
    wall, cpu = bench_run.search_share(r)
    assert "by wall clock (a vs old): met" in wall and "share 12.0 s = 20 %" in wall and "faster by 20.0 s" in wall
    assert "by CPU seconds (a1 vs old): NOT met" in cpu and "faster by 9.0 s" in cpu
    del r.runs["oldns"]
    assert "not decided" in bench_run.search_share(r)[0]


def test_old_variants_run_the_launcher_with_the_checkout(tmp_path):
    cmd = bench_run.command("oldns", tmp_path, 2, Path("/old"))
    assert cmd[1:3] == [str(BENCH / "old_build.py"), "/old"] and "--strict" in cmd


def test_old_checkout_none_a_folder_and_a_missing_default_commit(tmp_path, monkeypatch):
    assert bench_run.old_checkout("none", tmp_path)[0] is None
    checkout = _checkout(tmp_path / "old")
    assert bench_run.old_checkout(str(checkout), tmp_path) == (checkout.resolve(), None, "")
    monkeypatch.setattr(bench_run, "OLD_COMMIT", "0" * 40)
    old, worktree, note = bench_run.old_checkout(None, tmp_path)
    assert old is None and worktree is None and "left out" in note and "0" * 40 in note
    with pytest.raises(SystemExit):
        bench_run.old_checkout("0" * 40, tmp_path)  # asked for by name: an error, not a skip
