"""The parallel build's passes: each language's MkDocs pass in a process of its own, N at a time.

One process per language rather than per group of languages: a pass's memory (MkDocs' pages,
mkdocs-static-i18n's lists of them, its copy of the data it touched) goes with its process, so the
build never holds more than N languages' pages, and a slot that finishes early takes the next
language, so the cores stay busy to the end. Languages start in the i18n plugin's order, the
default one first. Each pass sets its articles aside for Pagefind and leaves the indexing to
parallel.py, which runs Pagefind once every page is written (side by side only while their
memory fits).

What this relies on in mkdocs-static-i18n 1.3.1 (tests/test_parallel_build.py fails clearly if an
upgrade changes it):
- `current_language` set before `build()` selects the language that pass builds (its on_config
  only picks the default when it is None);
- `building = True` keeps its on_post_build from building every other language (and tells the
  hub plugin not to write the shared outputs);
- `i18n_files_per_language` holds the languages built so far in the process (here: one) and its
  sitemap.xml template lists them in that order, one `<url>` element per page.
"""
from __future__ import annotations

import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import time

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

log = logging.getLogger("mkdocs.hub.parallel")


class Passes:
    """Every language's pass, forked from this process (which has loaded data/), `slots` at a time."""

    def __init__(self, config_file: str, work: str, languages: list[str], slots: int):
        self.config_file, self.work, self.slots = config_file, work, slots
        self.waiting = list(languages)
        self.running: dict[int, tuple[multiprocessing.Process, str]] = {}  # slot -> (process, language)
        self.seconds: dict[str, float] = {}  # language -> CPU seconds of its pass
        self.articles: dict[str, dict] = {}  # language -> its articles for Pagefind: {"folder", "size"}
        self.ran: dict[int, list[str]] = {slot: [] for slot in range(slots)}
        self._context = multiprocessing.get_context("fork")

    def staging(self, lang: str) -> str:
        """The folder `lang`'s pass writes its pages into."""
        return os.path.join(self.work, f"lang-{lang}")

    def start(self) -> None:
        for slot in range(self.slots):
            self._next(slot)

    def finish(self) -> bool:
        """Run every language; False (and the others stopped) as soon as one fails."""
        while self.running:
            by_sentinel = {process.sentinel: slot for slot, (process, _) in self.running.items()}
            for sentinel in multiprocessing.connection.wait(list(by_sentinel)):
                slot = by_sentinel[sentinel]
                process, lang = self.running.pop(slot)
                process.join()
                if process.exitcode != 0:
                    self.stop()
                    return False
                with open(self.staging(lang) + ".done", encoding="utf-8") as handle:
                    done = json.load(handle)
                self.seconds[lang] = done["seconds"]
                if done["articles"]:
                    self.articles[lang] = done["articles"]
                self._next(slot)
        return True

    def slot_seconds(self) -> list[float]:
        """CPU seconds of each slot: its languages' passes one after the other."""
        return [sum(self.seconds.get(lang, 0.0) for lang in langs) for langs in self.ran.values()]

    def stop(self) -> None:
        self.waiting.clear()
        for process, _lang in self.running.values():
            if process.is_alive():
                process.terminate()
            process.join()
        self.running.clear()

    def _next(self, slot: int) -> None:
        if not self.waiting:
            return
        lang = self.waiting.pop(0)
        os.makedirs(self.staging(lang))
        process = self._context.Process(target=_pass, args=(self.config_file, self.staging(lang), lang))
        process.start()
        self.running[slot] = (process, lang)
        self.ran[slot].append(lang)


def _pass(config_file: str, staging: str, lang: str) -> None:
    """Build `lang` into `staging` (an empty folder), one MkDocs pass, as mkdocs-static-i18n's loop does.

    Writes `<staging>.done`: the pass's CPU seconds and its articles set aside for Pagefind (or null).
    """
    config = load_config(config_file, site_dir=staging, strict=True)
    i18n, hub = config.plugins["i18n"], config.plugins["hub"]
    config.plugins.on_startup(command="build", dirty=False)
    # Relies on i18n: with `building` set its on_post_build does not build the other languages.
    i18n.building = True
    i18n.current_language = lang
    hub.defer_search = True
    try:
        mkdocs_build(config)
    except (Abort, MkDocsException) as err:
        log.error(str(err))
        os._exit(1)
    except Exception:
        logging.getLogger("mkdocs").exception("the build of %s failed", lang)
        os._exit(1)
    finally:
        config.plugins.on_shutdown()
    articles = [{"folder": a.folder, "size": a.size} for a in hub.deferred if a.count]
    with open(staging + ".done", "w", encoding="utf-8") as handle:
        json.dump({"seconds": time.process_time(), "articles": articles[0] if articles else None}, handle)
    logging.shutdown()
    os._exit(0)
