"""The projects the benchmark builds from one generated data/ folder.

- `hub`: the repository's site files with the generated data/ (what `make build` does);
- `hub-en`: the same with English alone in the i18n languages list;
- `plain-nav`: the baseline, plain MkDocs with Material (without the hub's overrides/, which
  are part of the hub's cost), Material's search plugin (as the hub had it before Pagefind, and as a
  hand-made site would) and the i18n plugin as configured, over hand-written
  Markdown pages holding the same text, every page in the navigation;
- `plain-hubnav`: the same pages with the hub's own navigation (record pages out of the nav).

The hand-written pages are what the hub renders, written out per language as a contributor
would (`events/<id>.md`, `events/<id>.sv.md`, ...), so both sides build the same text.
"""
from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import jinja2
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from sitebuild import prepare_project  # noqa: E402

from hub.render.build import load_build  # noqa: E402

# Plugins that only the hub needs: the baseline has no data layer and no macros to expand.
HUB_PLUGINS = {"hub", "macros"}


def hub_project(dest: Path, data: Path) -> Path:
    return prepare_project(dest, data)


def english_only(dest: Path, data: Path) -> Path:
    """The hub with `en` alone in the i18n plugin's languages."""
    project = prepare_project(dest, data)
    config = read_config(project)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["languages"] = [lang for lang in plugin["i18n"]["languages"] if lang.get("default")]
    write_config(project, config)
    return project


def without_search(dest: Path, data: Path, checkout: Path | None = None) -> Path:
    """The hub (of `checkout`, by default this repository) without Material's search plugin
    (mkdocs.yml's `search` entry and `search.*` theme features removed), to show its cost."""
    project = prepare_project(dest, data, **({"checkout": checkout} if checkout else {}))
    config = read_config(project)
    config["plugins"] = [p for p in config["plugins"] if _plugin_name(p) != "search"]
    features = config["theme"].get("features", [])
    config["theme"]["features"] = [f for f in features if not f.startswith("search.")]
    write_config(project, config)
    return project


def plain_projects(hub: Path, nav_dest: Path, hubnav_dest: Path) -> tuple[Path, Path]:
    """Write the hand-written baseline twice: every page in the nav, and the hub's nav."""
    hubnav = _plain_pages(hub, hubnav_dest)
    config = read_config(hub)
    config["plugins"] = [p for p in config["plugins"] if _plugin_name(p) not in HUB_PLUGINS]
    # The hub searches with Pagefind after its build; a plain site has Material's search, configured as
    # the hub had it (Norwegian is lunr's "no"; i18n's quadratic de-duplication of entries off).
    config["plugins"].insert(0, {"search": {"lang": ["en", "sv", "da", "fi", "nl", "de", "no"]}})
    for plugin in config["plugins"]:
        if _plugin_name(plugin) == "i18n":
            plugin["i18n"]["reconfigure_search"] = False
    # Material as it comes: the hub's template additions (head tags, footer) are part of its cost.
    config["theme"].pop("custom_dir", None)
    write_config(hubnav, config)

    shutil.copytree(hubnav, nav_dest)
    config.pop("not_in_nav", None)
    config["nav"] = _full_nav(nav_dest / config.get("docs_dir", "docs"), config["nav"])
    write_config(nav_dest, config)
    return nav_dest, hubnav


def _plain_pages(hub: Path, dest: Path) -> Path:
    """Render every page the hub would build, in every language, into hand-written Markdown files."""
    dest.mkdir(parents=True)
    # Images, stylesheets and scripts as they are; the Markdown pages are written below.
    shutil.copytree(hub / "docs", dest / "docs", ignore=shutil.ignore_patterns("*.md"))
    build = load_build(str(hub))
    macros = _macros(hub, build)
    docs = dest / "docs"
    languages = build.config.languages
    for lang in languages:
        macros.hub.language = lang
        suffix = "" if lang == languages[0] else f".{lang}"
        for collection, record_id in build.record_keys():
            text = build.renderer.front_matter(collection, record_id, lang) + \
                macros.functions["record_page"](collection, record_id)
            _write(docs / collection / f"{record_id}{suffix}.md", text)
        for source in sorted((hub / "docs").rglob("*.md")):
            rel = source.relative_to(hub / "docs")
            if any(rel.name.endswith(f".{other}.md") for other in languages):
                continue  # a translated page of the repository: handled with its English page
            translated = source.with_name(f"{source.stem}{suffix}.md")
            text = (translated if translated.exists() else source).read_text(encoding="utf-8")
            _write(docs / rel.with_name(f"{rel.stem}{suffix}.md"), macros.render(text))
    return dest


def _full_nav(docs: Path, hub_nav: list) -> list:
    """The hub's nav with every record page listed under its collection's section."""
    nav = []
    for entry in hub_nav:
        page = entry if isinstance(entry, str) else next(iter(entry.values()))
        folder = docs / Path(page).parent
        if isinstance(page, str) and page.endswith("/index.md") and folder.is_dir():
            pages = sorted(p.relative_to(docs).as_posix() for p in folder.glob("*.md")
                           if p.name != "index.md" and p.stem.count(".") == 0)
            nav.append({Path(page).parent.name.capitalize(): [page] + pages})
        else:
            nav.append(entry)
    return nav


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class _Macros:
    """Just enough of mkdocs-macros' `env` to run the project's macros.py outside MkDocs."""

    def __init__(self, build):
        self.hub = SimpleNamespace(build=build, language="en")
        self.conf = SimpleNamespace(plugins={"hub": self.hub})
        self.functions: dict = {}
        self.filters: dict = {}
        self.variables: dict = {}
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)

    def macro(self, function, name=""):
        self.functions[name or function.__name__] = function
        return function

    def filter(self, function, name=""):
        self.filters[name or function.__name__] = function
        return function

    def render(self, text: str) -> str:
        """Expand macro calls in a page's body, leaving its front matter as written."""
        front = ""
        if text.startswith("---\n") and "\n---\n" in text[4:]:
            end = text.index("\n---\n", 4) + 5
            front, text = text[:end], text[end:]
        if "{{" not in text and "{%" not in text:
            return front + text
        self.jinja.filters.update(self.filters)
        return front + self.jinja.from_string(text).render(**self.variables, **self.functions)


def _macros(project: Path, build) -> _Macros:
    env = _Macros(build)
    spec = importlib.util.spec_from_file_location("bench_site_macros", project / "macros.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.define_env(env)
    return env


# -- mkdocs.yml, read and written back with its tags (!ENV, !!python/name) intact --

class _Tagged:
    def __init__(self, tag, node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged(
    "tag:yaml.org,2002:python/" + suffix, node))
_Dumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged):
    value.node.tag = value.tag
    return value.node


def read_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def write_config(project: Path, config: dict) -> None:
    (project / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))
