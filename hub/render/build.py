"""One build's worth of state: config, content, index and renderer, made once and reused."""
from __future__ import annotations

import html
import os
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote

from hub.model.instants import now_from_env
from hub.index.indexes import Index, build_index
from hub.load.content import Content, load_content
from hub.load.history import History, read_history
from hub.model.records import COLLECTIONS
from hub.render.pages import Renderer
from hub.load.siteconfig import SiteConfig, read_site_config


@dataclass
class HubBuild:
    config: SiteConfig
    content: Content
    index: Index
    renderer: Renderer

    def record_keys(self):
        """(collection, id) of every page generated from data/."""
        for collection in COLLECTIONS:
            for record_id in self.content[collection]:
                yield collection, record_id
        for topic_id in self.content.topics:
            yield "topics", topic_id

    @cached_property
    def history(self) -> History:
        """The records' git history (for calendars' SEQUENCE and feeds' `updated`), read once, when first asked."""
        return read_history(self.config.root, self.content, self.index.now)

    def edit_url(self, source: str) -> str | None:
        """Material writes this into an href unescaped: only an http(s) address, with nothing that ends an attribute."""
        # The renderer's site facts leave out placeholders: no "Edit this page" into a repository that does not exist.
        repo = self.renderer.site.repository
        if not repo or not repo.lower().startswith(("https://", "http://")):
            return None
        return html.escape(quote(f"{repo.rstrip('/')}/edit/main/{source}", safe="-._~:/?#@!$&+,;=%"))


_cache: dict[tuple, HubBuild] = {}


def load_build(root: str, site_url: str | None = None) -> HubBuild:
    """Load and index `root/data` once; later calls with unchanged files reuse the result."""
    config = read_site_config(root)
    if site_url:
        config = SiteConfig(config.root, config.languages, site_url.rstrip("/") + "/")
    # docs/ and overrides/ too: load_content checks them (symbolic links, macros in pages).
    key = (config, os.environ.get("HUB_NOW"), *(_state(os.path.join(root, name)) for name in ("data", "docs", "overrides")))
    if key not in _cache:
        content = load_content(root, list(config.languages))
        index = build_index(content, now_from_env(os.environ.get("HUB_NOW")))
        _cache.clear()
        _cache[key] = HubBuild(config, content, index, Renderer(index, config))
    return _cache[key]


def _state(folder: str) -> tuple:
    """Names, sizes and times of every file under data/, to notice any change."""
    state = []
    for path, _dirs, names in os.walk(folder):
        for name in names:
            stat = os.lstat(os.path.join(path, name))  # a broken link is load_content's error, not a crash here
            state.append((path, name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(state))
