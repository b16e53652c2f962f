"""Read the few facts the core needs from mkdocs.yml (languages, site URL) without MkDocs."""
from __future__ import annotations

import os
from dataclasses import dataclass

import yaml

from hub.load.yamlfile import SafeLoader


class _TolerantLoader(SafeLoader):
    """mkdocs.yml may use tags such as !ENV; the core only needs plain values."""


def _env(loader: SafeLoader, node: yaml.Node):
    """MkDocs' `!ENV [NAME, default]`: the variable's value, else the default."""
    items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in items[:-1] if len(items) > 1 else items:
        if os.environ.get(name):
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


_TolerantLoader.add_constructor("!ENV", _env)
_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: str
    languages: tuple[str, ...]  # the default language first
    site_url: str

    def page_url(self, lang: str, path: str = "") -> str:
        """Absolute URL of `path` (e.g. 'events/x/') in `lang`."""
        prefix = "" if lang == self.languages[0] else f"{lang}/"
        return self.site_url + prefix + path

    def path_prefix(self, lang: str) -> str:
        return "" if lang == self.languages[0] else f"{lang}/"


def read_site_config(root: str) -> SiteConfig:
    with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_TolerantLoader)
    languages = []
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"]["languages"]:
                if lang.get("default"):
                    languages.insert(0, lang["locale"])
                elif lang.get("build", True):
                    languages.append(lang["locale"])
    url = config.get("site_url") or "http://127.0.0.1:8000/"
    return SiteConfig(root, tuple(languages or ["en"]), url.rstrip("/") + "/")
