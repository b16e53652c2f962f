"""The MkDocs shell around the core: load once, add one page per record in each language.

mkdocs-static-i18n builds the site once per language; this plugin's `on_files` runs after
the i18n plugin's (priority -200 < -100) and adds that language's generated record pages,
with the i18n attributes the language switcher and the sitemap read.

Every reliance on mkdocs-static-i18n's or Material's internals below says so in a comment
and is checked against the installed versions by tests/test_couplings.py.
"""
from __future__ import annotations

import html
import os
import re
import sys
from types import SimpleNamespace

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from hub.emit import outputs, search
from hub.load.placeholders import placeholders
from hub.mkdocs import prerender, preview, template_cache, theme_files
from hub.render.build import HubBuild, load_build
from hub.model.errors import DataError
from hub.render.head import page_head, page_meta
from hub.render.site_facts import site_facts
from hub.render.text import pick, ui_strings

log = get_plugin_logger(__name__)
_HREFLANG = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


class HubPlugin(BasePlugin):
    """Loads `data/`, generates record pages, and hands the renderer to macros.py."""

    def __init__(self):
        self.build: HubBuild | None = None
        self.language = self.outer_language = "en"
        self.articles: dict[str, search.Articles] = {}  # per language pass under way
        # Set by the parallel build's passes (passes.py): the articles are indexed after every
        # language's pages (parallel.py's search step), not at the end of the pass.
        self.defer_search = False
        self.deferred: list[search.Articles] = []

    def on_config(self, config: MkDocsConfig):
        i18n = config.plugins.get("i18n")
        # Relies on i18n's `current_language` (not public API): the language of this pass.
        self.language = getattr(i18n, "current_language", None) or "en"
        if not getattr(i18n, "building", False):  # relies on i18n's `building`, as on_post_build does
            # The outer pass (i18n builds the other languages inside its post_build, each with its
            # own on_config): on_post_build must know whose pages it finishes once they are done.
            self.outer_language = self.language
        root = os.path.dirname(os.path.abspath(config.config_file_path))
        previous = self.build
        try:
            # Cached by the files' state: the seven language passes share one load.
            self.build = load_build(root, config.site_url)
        except DataError as err:
            raise PluginError(f"invalid records in data/:\n{err.report()}") from None
        if self.build is not previous:
            # Worth a look, not a reason to stop: INFO, since `mkdocs build --strict` fails on a WARNING.
            for problem in self.build.content.warnings:
                log.info(f"warning: {problem}")
        if self.language == self.build.config.languages[0]:
            # Printed, not logged: MkDocs' strict mode fails on logged warnings, and a placeholder is not an error.
            for placeholder in placeholders(root):
                print(f"WARNING -  {placeholder.warning()}", file=sys.stderr)
        if os.environ.get(preview.ENV):
            # `LANGS=en,sv make serve`: only the previewed languages, for a fast edit loop (preview.py).
            try:
                self.build = preview.narrow(self.build)
            except ValueError as err:
                raise PluginError(str(err)) from None
            if i18n is not None:
                preview.narrow_i18n(i18n, self.build.config.languages)
        theme_files.install(config.theme)
        # Its templates too are compiled once per process, not once per reload of data/ under serve.
        self.build.renderer.env.bytecode_cache = template_cache.CACHE
        # The hub's name comes from data/site.yml, in the language being built. Material prints it
        # unescaped, and also through `| e`: as Markup it is escaped once, and not again.
        config.site_name = Markup(html.escape(pick(self.build.content.site.name, self.language).text))
        return config

    @event_priority(-200)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = self.language
        languages = self.build.config.languages
        generated = []
        for collection, record_id in self.build.record_keys():
            # Only the front matter: on_page_markdown renders the body, so no template is compiled per page.
            content = self.build.renderer.front_matter(collection, record_id, lang)
            file = File.generated(config, f"{collection}/{record_id}.md", content=content)
            file.hub_record = (collection, record_id)
            path = f"{collection}/{record_id}/"
            file.dest_uri = f"{self.build.config.path_prefix(lang)}{path}index.html"
            # Relies on what mkdocs-static-i18n reads for the language switcher and the sitemap.
            file.locale = file.locale_alternate_of = lang
            file.localization = None
            file.norm_src_uri = file.src_uri
            file.alternates = {other: SimpleNamespace(url=self.build.config.path_prefix(other) + path, page=None)
                               for other in languages}
            file.hub_source = self.build.content.sources.get((collection, record_id), "data/topics.yml")
            files.append(file)
            generated.append(file)
        i18n = config.plugins.get("i18n")
        if i18n is not None:  # relies on i18n's `i18n_files_per_language`, the sitemap's source
            i18n.i18n_files_per_language.setdefault(lang, []).extend(generated)
        return files

    def on_env(self, env, config, files):
        # Theme templates compiled once per process, not once per language pass (template_cache.py).
        env.bytecode_cache = template_cache.CACHE
        return env

    def on_nav(self, nav, config, files):
        # The home page's tab and drawer entry say "Home" in the reader's language, not the site's
        # whole name (which the header shows beside it): the tabs must fit at 1280 px in every language.
        home = next((item for item in nav.items if getattr(item, "is_page", False) and item.file.src_uri == "index.md"), None)
        if home is not None:
            home.title = ui_strings(self.language)["nav_home"]
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        # "Edit this page" opens the YAML record (or the Markdown page), never a generated file.
        source = getattr(page.file, "hub_source", None) or f"docs/{page.file.src_uri}"
        page.edit_url = self.build.edit_url(source)
        record = getattr(page.file, "hub_record", None)
        if record:
            body = self.build.renderer.record_page(*record, self.language)
            split = prerender.split(body)
            if split is None:
                return body
            skeleton, page.hub_blocks = split
            # Relies on MkDocs calling page.render(config, files) next (prerender.RENDERED).
            page.render = lambda config, files: self.render_cache.render(page, config, files)
            return skeleton
        return markdown

    def on_page_content(self, html, page, config, files):
        # The record page's HTML blocks skipped Markdown (hub/mkdocs/prerender.py): put them back, and
        # let them go. MkDocs renders every page before it writes any (build.py's two loops), so what a
        # page keeps until then is kept for all of them at once: 0.1 to 0.2 GB per language at 10,000 records.
        blocks = page.__dict__.pop("hub_blocks", None)
        if blocks:
            page.hub_prerendered = True
            return prerender.join(html, blocks)
        return html

    def on_pre_build(self, config):
        # What Pagefind will index of this pass's pages (hub/emit/search.py), set aside as they are written.
        self.articles[self.language] = search.Articles(config.site_dir, self.language)
        self.render_cache = prerender.RenderCache()  # a pass's own: its config, its language

    def on_build_error(self, error):
        for articles in self.articles.values():
            articles.discard()
        self.articles.clear()

    def on_post_page(self, output, page, config):
        self.articles[self.language].add(page.file.dest_path, output)
        # The page is written: let its text go. mkdocs-static-i18n keeps every pass's pages to the end
        # (for the sitemap, which reads only their addresses and dates), so without this a build holds
        # the text of every page in every language; MkDocs' anchor check after the pages reads neither.
        # (Empty, not None: Page.title reads None as "not read yet" and would return no title.)
        page.content = page.markdown = ""
        # A record page's cached render goes too (on_page_markdown set it).
        page.__dict__.pop("render", None)
        return output

    def on_page_context(self, context, page, config, nav):
        # Record titles reach Material escaped (see Renderer.front_matter); head.py escapes for itself.
        title, description = page.title, page.meta.get("description")
        if page.file.src_uri == "index.md":
            title = None  # a home page's <title> is the site's name alone
        if page.meta.get("hub_record"):
            title, description = html.unescape(title), html.unescape(description or "")
        context["hub_head"] = page_head(self.build, self.language, page.url, page.meta.get("hub_record"),
                                        title, description)
        # <title>, description and hreflang links in place of Material's (overrides/main.html).
        context["hub_meta"] = page_meta(self.build, self.language, page.url, html.unescape(title or ""), description)
        # The theme's footer, 404 page and hub.js read these (overrides/); "now" only in a HUB_NOW build.
        context["hub_site"] = self._site_facts()
        context["hub_now"] = self.build.index.now.isoformat() if os.environ.get("HUB_NOW") else None
        # Theme blocks record pages share (overrides/main.html): only theirs, which are out of the nav.
        context["hub_shared"] = self.render_cache.shared(page) if getattr(page, "hub_prerendered", False) else None
        # main.html marks the article for Pagefind with these (hub/emit/search.py).
        filters = search.page_filters(self.build, page.meta.get("hub_record"))
        context["hub_search_attributes"] = search.filter_attributes(filters)
        return context

    def _site_facts(self) -> dict:
        """site_facts for the language being built, worked out once per pass, not once per page."""
        build, lang, facts = getattr(self, "_facts", (None, None, None))
        if build is not self.build or lang != self.language:
            facts = site_facts(self.build, self.language)
            self._facts = (self.build, self.language, facts)
        return facts

    def on_template_context(self, context, template_name, config):
        # 404.html has no page: its footer and hub.js need the facts of the language being built.
        if template_name == "404.html":
            context["hub_site"] = site_facts(self.build, self.language)
            context["hub_not_found"] = True
        return context

    def on_post_template(self, output, template_name, config):
        # Each language pass renders 404.html, whole (header, tabs, search, text) in its language.
        # GitHub Pages serves only the root one, the default language's; the others go to
        # <lang>/404.html, where hub.js on the root one sends a reader whose address names that
        # language. MkDocs writes nothing for empty output.
        if template_name == "404.html":
            # A missing address has no page in other languages: no hreflang links. (Material writes
            # i18n's `extra.alternate`, which still holds the last page's links: they would differ
            # between a build in one process and one in several.)
            output = _HREFLANG.sub("", output)
        if template_name == "404.html" and self.language != self.build.config.languages[0]:
            folder = os.path.join(config.site_dir, self.language)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "404.html"), "w", encoding="utf-8") as handle:
                handle.write(output)
            return ""
        return output

    @event_priority(-150)
    def on_post_build(self, config: MkDocsConfig):
        # mkdocs-static-i18n runs the other languages' builds inside the default one's
        # post_build (priority -100, flag `building`); this runs at the end of every pass, the
        # default language's last, once all are done.
        i18n = config.plugins.get("i18n")
        building = i18n is not None and getattr(i18n, "building", False)
        # This pass's pages are written (the outer pass's too: i18n's own post_build has run): index them.
        articles = self.articles.pop(self.language if building else self.outer_language)
        if self.defer_search:
            self.deferred.append(articles)
        else:
            articles.index(config.site_dir)
        if building:
            return  # a translation's pass: the default language's post_build writes once all are done
        outputs.write_all(self.build, config.site_dir)
        outputs.finish(self.build, config.site_dir)
        problems = outputs.check_all(self.build, config.site_dir)
        if problems:
            raise PluginError("the build lost records:\n" + "\n".join(problems))

    def on_serve(self, server, config, builder):
        server.watch(os.path.join(self.build.config.root, "data"))
        return server
