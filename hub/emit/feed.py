"""Atom feeds (written with feedgen): the newest records of all collections, and of each topic.

`feed.xml` and `<lang>/feed.xml`, `topics/<id>.xml` and `<lang>/topics/<id>.xml`: entries are
ordered by the record's `added` date, titled and linked in the feed's language. Each entry's
`updated` is the record's last real change, from git history (hub/load/history.py; else its
`updated` or `added` day), so readers learn of a changed record and two entries share the
instant only when they changed in the same commit. Dates never come from the clock, so an
unchanged hub gives an unchanged feed; entry ids come from a record's first id, so a rename
does not show the item again.
"""
from __future__ import annotations

import os
from datetime import datetime, time, timezone

from feedgen.feed import FeedGenerator

from hub.model.records import COLLECTIONS
from hub.render.dates import event_when
from hub.emit.ics import first_id
from hub.emit.names import event_place, host, site_name
from hub.render.text import pick, ui_strings

# Collections whose records carry `added` and make news; organisations are reference data.
LIMIT = 50


def write(build, site_dir: str) -> None:
    content = build.content
    items = newest(content)
    for lang in build.config.languages:
        prefix = build.config.path_prefix(lang)
        _save(site_dir, f"{prefix}feed.xml", feed(build, lang, items, "feed.xml", "",
                                                  site_name(content, lang)))
        for topic_id, topic in content.topics.items():
            tagged = [(c, i) for c, i in items if topic_id in content[c][i].topics]
            title = f"{site_name(content, lang)} – {pick(topic, lang).text}"
            _save(site_dir, f"{prefix}topics/{topic_id}.xml",
                  feed(build, lang, tagged, f"topics/{topic_id}.xml", f"topics/{topic_id}/", title))


def newest(content) -> list[tuple[str, str]]:
    """(collection, id) of every news record, newest `added` first."""
    keys = [(c, i) for c, model in COLLECTIONS.items() if model.in_feeds for i in content[c]]
    return sorted(keys, key=lambda k: (content[k[0]][k[1]].added, k[0], k[1]), reverse=True)


def feed(build, lang: str, items: list[tuple[str, str]], path: str, page: str, title: str) -> FeedGenerator:
    """One Atom feed at site path `path` (without language prefix) about the page at `page`."""
    config, content = build.config, build.content
    items = items[:LIMIT]
    tagline = pick(content.site.tagline, lang)
    fg = FeedGenerator()
    fg.id(config.page_url(lang, path))
    fg.title(title)
    fg.subtitle(tagline.text if tagline else title)
    fg.author({"name": site_name(content, lang), **({"email": content.site.contact} if content.site.contact else {})})
    fg.link(href=config.page_url(lang, path), rel="self", type="application/atom+xml")
    fg.link(href=config.page_url(lang, page), rel="alternate", type="text/html")
    fg.language(lang)
    # An empty feed is as old as the build; otherwise as new as its latest change.
    fg.updated(max(_changed(build, c, i) for c, i in items) if items else build.index.now)
    for collection, record_id in items:
        _entry(fg.add_entry(order="append"), build, lang, collection, record_id)
    return fg


def _entry(entry, build, lang: str, collection: str, record_id: str) -> None:
    config, content = build.config, build.content
    record = content[collection][record_id]
    ui = ui_strings(lang)
    added = _midnight(record.added)
    path = f"{collection}/{record_id}/"
    title = pick(record.title, lang).text
    summary = pick(record.summary, lang).text
    if collection == "events":
        if record.status != "scheduled":
            title = f"{ui['status_' + record.status]}: {title}"
        when = event_when(record.start, record.end, record.timezone, lang)
        summary = f"{when} · {event_place(record, lang)}\n\n{summary}"
    first = f"{collection}/{first_id(record, record_id)}/"
    entry.id(f"tag:{host(config.site_url)},{record.added.isoformat()}:{config.path_prefix(lang)}{first}")
    entry.title(title)
    entry.link(href=config.page_url(lang, path), rel="alternate", type="text/html")
    entry.summary(summary, type="text")
    entry.published(added)
    entry.updated(_changed(build, collection, record_id))
    entry.category(term=collection, label=ui[collection])
    for topic_id in record.topics:
        entry.category(term=topic_id, label=pick(content.topics[topic_id], lang).text,
                       scheme=config.page_url(lang, "topics/"))


def _changed(build, collection: str, record_id: str) -> datetime:
    return build.history.last_change(collection, build.content[collection][record_id], record_id)


def _midnight(day) -> datetime:
    return datetime.combine(day, time(), timezone.utc)


def _save(site_dir: str, path: str, fg: FeedGenerator) -> None:
    target = os.path.join(site_dir, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    fg.atom_file(target, pretty=True)
