"""What the MkDocs shell borrows from other projects' internals, checked against the installed versions.

hub/mkdocs/ and overrides/ rely on names and event orders that MkDocs, Material and
mkdocs-static-i18n do not promise to keep. Each test names one reliance; when an upgrade breaks
it, the failure says what to look at instead of a page that silently lost its language switcher.
"""
from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path

import material
import mkdocs_static_i18n
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from hub.mkdocs.plugin import HubPlugin

REPO = Path(__file__).resolve().parent.parent
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
# Partials of our own (not overrides of Material's): included by our templates only.
OWN_PARTIALS = {"partials/hub-assets.html"}


def _pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?==([^\s#]+)", line)
        if match:
            pins[match.group(1).lower()] = match.group(3)
    return pins


def test_the_engine_is_the_pinned_one():
    """The reliances below were read off these versions; upgrade them together, then re-read."""
    pins = _pins()
    for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-macros-plugin"):
        assert version(package) == pins[package], (
            f"{package} {version(package)} is installed but requirements.txt pins {pins[package]}: "
            f"re-check the reliances in tests/test_couplings.py")


def test_i18n_keeps_the_language_being_built_in_current_language():
    # HubPlugin.on_config reads `i18n.current_language` to know which language pass this is.
    assert "self.current_language = None" in inspect.getsource(ExtendedPlugin.__init__), \
        "mkdocs-static-i18n no longer keeps `current_language`: HubPlugin.on_config cannot tell the language"


def test_i18n_files_per_language_feeds_the_switcher_and_sitemap():
    # HubPlugin.on_files appends generated pages to `i18n_files_per_language[lang]`; the sitemap
    # template walks it (as `i18n_alternates`) and each file's `alternates`.
    assert "self.i18n_files_per_language[self.current_language]" in inspect.getsource(I18n.on_files)
    assert 'context["i18n_alternates"] = self.i18n_files_per_language' in inspect.getsource(I18n.on_template_context)
    sitemap = (Path(mkdocs_static_i18n.__file__).parent / "custom_i18n_sitemap" / "sitemap.xml").read_text(encoding="utf-8")
    assert "file.alternates.items()" in sitemap, "the i18n sitemap no longer reads File.alternates"


def test_hub_files_come_after_i18n_files():
    # i18n rebuilds the file list from docs_dir in its on_files (priority -100) and would drop
    # pages it did not expect: the hub adds its generated pages after it.
    assert I18n.on_files.mkdocs_priority == -100
    assert HubPlugin.on_files.mkdocs_priority < I18n.on_files.mkdocs_priority


def test_i18n_builds_the_other_languages_inside_its_post_build():
    # HubPlugin.on_post_build (priority -150, after i18n's -100) writes calendars, feeds and the
    # export once: when i18n is not `building` another language, every language is done.
    source = inspect.getsource(I18n.on_post_build)
    assert I18n.on_post_build.mkdocs_priority == -100
    assert HubPlugin.on_post_build.mkdocs_priority < I18n.on_post_build.mkdocs_priority
    assert "self.building = True" in source and "self.building = False" in source, \
        "mkdocs-static-i18n no longer flags its nested language builds with `building`"


def test_every_override_replaces_a_template_material_has():
    # A file in overrides/ only takes effect under Material's own name for it; a renamed
    # partial would silently stop being replaced.
    overrides = REPO / "overrides"
    missing = []
    for path in overrides.rglob("*.html"):
        name = str(path.relative_to(overrides))
        if name in ("main.html", *OWN_PARTIALS):
            continue
        if not (MATERIAL_TEMPLATES / name).exists():
            missing.append(name)
    assert not missing, f"Material {version('mkdocs-material')} has no template named {missing}: " \
                        "the overrides no longer apply"


def test_main_html_fills_blocks_material_defines():
    base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    ours = (REPO / "overrides" / "main.html").read_text(encoding="utf-8")
    for block in re.findall(r"{%-?\s*block\s+(\w+)", ours):
        assert re.search(r"{%-?\s*block\s+" + block + r"\b", base), f"Material's base.html has no block '{block}'"


def test_page_render_sets_only_what_the_render_cache_copies(tmp_path):
    # hub/mkdocs/prerender.py RenderCache sets these on pages with the same skeleton instead of rendering.
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from hub.mkdocs.prerender import RENDERED

    (tmp_path / "docs" / "events").mkdir(parents=True)
    (tmp_path / "docs" / "events" / "x.md").write_text("## About { #about }\n\n<!--hub-block-0-->\n")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"),
                      "markdown_extensions": ["attr_list", "md_in_html", "tables", "toc"]})
    assert config.validate() == ([], [])
    file = File("events/x.md", str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=True)
    class Recording(Page):  # notes each attribute render sets, whether or not its value changes
        def __setattr__(self, name, value):
            if getattr(self, "recording", None) is not None:
                self.recording.add(name)
            super().__setattr__(name, value)

    page = Recording(None, file, config)
    page.read_source(config)
    page.recording = set()
    page.render(config, Files([file]))
    assert page.recording == set(RENDERED), "Page.render now sets other attributes: update RENDERED and the cache"
    assert [item.id for item in page.toc] == ["about"]


def test_theme_loader_lists_every_theme_file_mkdocs_copies():
    # hub/mkdocs/theme_files.py skips folders whose name starts with a dot when MkDocs lists the
    # theme's static files: MkDocs must still copy exactly the files it copied before.
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from hub.mkdocs import theme_files

    config = load_config(str(REPO / "mkdocs.yml"))
    copied = {}
    for name, env in (("MkDocs' loader", config.theme.get_env()), ("ThemeLoader", None)):
        if env is None:
            theme_files.install(config.theme)
            env = config.theme.get_env()
            assert isinstance(env.loader, theme_files.ThemeLoader), "Theme.get_env no longer gives our loader"
        files = Files([])
        files.add_files_from_theme(env, config)
        copied[name] = sorted((f.src_uri, f.abs_src_path) for f in files)
    assert copied["ThemeLoader"] == copied["MkDocs' loader"]
    assert len(copied["ThemeLoader"]) > 20  # Material's assets: the comparison compared something
    skipped = set(theme_files.ThemeLoader(config.theme.dirs).list_templates())
    assert not any(name.startswith(".icons/") for name in skipped)
    # Templates in dot folders still load by name, as Material's icon includes do.
    assert config.theme.get_env().get_template(".icons/material/magnify.svg")
