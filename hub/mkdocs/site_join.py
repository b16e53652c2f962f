"""The parallel build's language folders joined into one site, as one process would have written it."""
from __future__ import annotations

import gzip
import os

from mkdocs import utils as mkdocs_utils

SITEMAP = "sitemap.xml"
# Joined from the passes' parts rather than taken from the last one (see join_sitemaps).
JOINED = {SITEMAP, SITEMAP + ".gz"}


def clean(site_dir: str) -> None:
    # As MkDocs does: empty the folder, keep it (a server may be serving it), skip dot files.
    if os.path.isdir(site_dir):
        mkdocs_utils.clean_directory(site_dir)
    os.makedirs(site_dir, exist_ok=True)


def move_tree(source: str, dest: str, skip=frozenset()) -> None:
    """Move every file of `source` into `dest`, replacing what is there (renames, no copies).

    A folder that `dest` does not have yet (a language's, a collection's) moves whole, in one
    rename: creating its thousands of folders and files again one by one is a good part of a
    build's system time.
    """
    for path, dirs, names in os.walk(source):
        rel = os.path.relpath(path, source)
        target_dir = dest if rel == "." else os.path.join(dest, rel)
        os.makedirs(target_dir, exist_ok=True)
        for name in names:
            rel_name = name if rel == "." else os.path.join(rel, name)
            if rel_name not in skip:
                os.replace(os.path.join(path, name), os.path.join(target_dir, name))
        kept = []
        for name in dirs:
            target = os.path.join(target_dir, name)
            rel_dir = name if rel == "." else os.path.join(rel, name)
            if os.path.lexists(target) or any(skipped.startswith(rel_dir + os.sep) for skipped in skip):
                kept.append(name)  # merged file by file below
            else:
                os.rename(os.path.join(path, name), target)
        dirs[:] = kept


def join_sitemaps(parts: list[str]) -> str:
    """One sitemap from the passes' sitemaps, each listing its language's pages, in build order.

    Each part is the same <urlset> header, its <url> elements, and the same closing tag (the i18n
    plugin's template); the whole is the first part's header, every part's elements in order, and
    the closing: what one process writes after its last pass.
    """
    if len(parts) == 1:
        return parts[0]
    bodies = []
    for text in parts:
        start, end = text.find("<url>"), text.rfind("</url>")
        if start < 0 or end < 0:
            raise RuntimeError("a pass's sitemap.xml has no <url> element: has the i18n plugin's template changed?")
        bodies.append((text[:start], text[start:end + len("</url>")], text[end + len("</url>"):]))
    # What stands between two <url> elements (a line break and the indent), taken from a part with two.
    between = next((body[body.index("</url>") + 6:body.index("<url>", 6)] for _, body, _ in bodies
                    if body.count("<url>") > 1), "\n    ")
    return bodies[0][0] + between.join(body for _, body, _ in bodies) + bodies[-1][2]


def write_sitemap(site_dir: str, text: str, gz_part: str | None) -> None:
    """sitemap.xml and sitemap.xml.gz as MkDocs writes them (its gzip carries the last pass's timestamp)."""
    path = os.path.join(site_dir, SITEMAP)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
    mtime = None
    if gz_part and os.path.exists(gz_part):
        with open(gz_part, "rb") as handle:
            mtime = int.from_bytes(handle.read(8)[4:8], "little")  # RFC 1952: MTIME, bytes 4 to 7
    with open(path + ".gz", "wb") as handle, \
            gzip.GzipFile(fileobj=handle, filename=path + ".gz", mode="wb", mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))


def join(site_dir: str, stagings: list[str], shared: str) -> None:
    """The passes' folders (in build order), their sitemaps joined, then the files that span languages."""
    clean(site_dir)
    for staging in stagings:
        move_tree(staging, site_dir, skip=JOINED)
    sitemaps = [path for path in (os.path.join(staging, SITEMAP) for staging in stagings) if os.path.exists(path)]
    if sitemaps:
        texts = []
        for path in sitemaps:
            with open(path, encoding="utf-8") as handle:
                texts.append(handle.read())
        write_sitemap(site_dir, join_sitemaps(texts), sitemaps[-1] + ".gz")
    # The shared outputs come after every page, as in one process (the hub plugin's on_post_build).
    move_tree(shared, site_dir)
