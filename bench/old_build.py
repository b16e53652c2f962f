"""Build a hub project with another checkout's code: `python bench/old_build.py OLD_CHECKOUT [mkdocs build args]`.

`bench/run.py --old` runs this as variants `old` and `oldns`, in the project's folder, e.g.

    cd PROJECT && /work/main/.venv/bin/python /work/main/bench/old_build.py /tmp/old-2733f4e --strict -q -d site

It is `python -m mkdocs build ARGS` in this one process, with two changes so that the hub built is
the old checkout's and not this one's:

- the old checkout comes first on sys.path, so `import hub` (the plugin, the project's macros.py)
  finds its `hub` package: this venv's editable install of the new checkout adds a finder at the
  end of sys.meta_path, after the path's;
- MkDocs finds plugins by the entry points of installed distributions, and this venv's `hub` entry
  point is the new checkout's (`hub.mkdocs.plugin:HubPlugin`, where the old code has
  `hub.mkdocs_plugin:HubPlugin`). The plugin names the old checkout's pyproject.toml declares under
  [project.entry-points."mkdocs.plugins"] resolve to its entry points instead; other names (search,
  i18n, macros) to the installed ones.

The second relies on MkDocs' internals (checked against mkdocs 1.6.1): the `plugins` config option
(mkdocs.config.config_options.Plugins.__init__) calls `mkdocs.plugins.get_plugins()` through the
module attribute, for a {name: EntryPoint} map, so replacing that attribute before the config is
loaded changes what names resolve to. Should a later MkDocs look plugins up otherwise, the build
would use the new plugin with the old package: `main` checks afterwards that every `hub` module
loaded came from the old checkout and fails the build if not.

Which project files the old code reads (mkdocs.yml, docs/, overrides/, macros.py) is up to the
project folder: `project()` below makes one from the old checkout's files and a generated data/.
"""
from __future__ import annotations

import sys
import tomllib
from importlib.metadata import EntryPoint
from pathlib import Path

GROUP = "mkdocs.plugins"


def declared_plugins(checkout: Path) -> dict[str, EntryPoint]:
    """The MkDocs plugins a checkout's pyproject.toml declares, as {name: EntryPoint}."""
    with open(Path(checkout) / "pyproject.toml", "rb") as handle:
        project = tomllib.load(handle).get("project", {})
    declared = project.get("entry-points", {}).get(GROUP, {})
    return {name: EntryPoint(name=name, value=value, group=GROUP) for name, value in declared.items()}


def resolve(installed: dict[str, EntryPoint], declared: dict[str, EntryPoint]) -> dict[str, EntryPoint]:
    """What plugin names resolve to: the checkout's declared ones over the installed ones."""
    return {**installed, **declared}


def foreign_hub_modules(checkout: Path, modules=None) -> list[str]:
    """The `hub` modules loaded (sys.modules) from anywhere but the checkout: none, if the old code ran."""
    root = Path(checkout).resolve()
    out = []
    for name, module in (sys.modules if modules is None else modules).items():
        if name == "hub" or name.startswith("hub."):
            file = getattr(module, "__file__", None)
            if file and root not in Path(file).resolve().parents:
                out.append(f"{name} ({file})")
    return sorted(out)


def use_checkout(checkout: Path) -> None:
    """Make this process import `hub` and resolve MkDocs plugin names from `checkout`."""
    checkout = Path(checkout).resolve()
    sys.path.insert(0, str(checkout))
    for name in [n for n in sys.modules if n == "hub" or n.startswith("hub.")]:
        del sys.modules[name]
    import mkdocs.plugins

    installed, declared = mkdocs.plugins.get_plugins, declared_plugins(checkout)
    # MkDocs' internals: see the module's docstring.
    mkdocs.plugins.get_plugins = lambda: resolve(installed(), declared)


def project(checkout: Path, dest: Path, data: Path, search: bool = True) -> Path:
    """A project folder with the old checkout's site files and the given data/ (without
    Material's search plugin and its theme features if not `search`, as bench/sites.py's
    without_search does for the new code)."""
    import sites  # bench/sites.py, which puts tests/ on the path for sitebuild

    if not search:
        return sites.without_search(dest, data, checkout=Path(checkout))
    sites.prepare_project(dest, data, checkout=Path(checkout))
    return dest


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    checkout = Path(argv[0]).resolve()
    if not (checkout / "pyproject.toml").exists() or not (checkout / "hub").is_dir():
        print(f"old_build: {checkout} is not a checkout of the hub (no pyproject.toml and hub/)", file=sys.stderr)
        return 2
    use_checkout(checkout)
    from mkdocs.__main__ import cli

    try:
        cli.main(["build", *argv[1:]], prog_name="mkdocs")  # as `python -m mkdocs build ...`
    except SystemExit as stop:  # click ends with one, whether the build failed or not
        if stop.code:
            return stop.code if isinstance(stop.code, int) else 1
    foreign = foreign_hub_modules(checkout)
    if foreign:
        print("old_build: the build imported hub modules from outside " f"{checkout}: " + ", ".join(foreign),
              file=sys.stderr)
        return 1
    if "hub" not in sys.modules:
        print(f"old_build: the build never imported the hub package of {checkout}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
