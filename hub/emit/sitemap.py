"""The sitemap's hreflang alternates with `x-default`, as every page's <head> has them.

mkdocs-static-i18n writes sitemap.xml (and MkDocs its .gz) with one alternate per language; search
engines also want `x-default`, the page for readers of any other language: the default language's.
This adds it to each entry, after the plugin has written the file, and writes the .gz again.
"""
from __future__ import annotations

import gzip
import os
import xml.etree.ElementTree as ET

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def write(build, site_dir: str) -> None:
    path = os.path.join(site_dir, "sitemap.xml")
    if not os.path.exists(path):
        return
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    tree = ET.parse(path)
    default = build.config.languages[0]
    for url in tree.getroot().iter(f"{{{SITEMAP}}}url"):
        links = url.findall(f"{{{XHTML}}}link")
        if any(link.get("hreflang") == "x-default" for link in links):
            continue
        first = next((link for link in links if link.get("hreflang") == default), None)
        if first is not None:
            ET.SubElement(url, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": "x-default", "href": first.get("href")})
    ET.indent(tree, "    ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)
    with open(path, "rb") as handle, gzip.GzipFile(path + ".gz", "wb", mtime=0) as packed:
        packed.write(handle.read())
