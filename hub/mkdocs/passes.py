"""The parallel build's passes: each language's MkDocs pass, N at a time, in worker processes.

A worker is forked from the process that loaded data/ and builds the languages it is sent, one
after the other, each in a folder of its own; a slot whose worker finishes takes the next language,
so the cores stay busy to the end. Languages start in the i18n plugin's order, the default one
first. Each pass sets its articles aside for Pagefind and leaves the indexing to parallel.py, which
runs Pagefind once every page is written (side by side only while their memory fits).

A worker goes on to another language while it is small, and ends once a pass has left it larger
than RECYCLE_BYTES, so that its memory goes with it: at 10,000 records a pass holds about 0.66 GB
(MkDocs' pages, mkdocs-static-i18n's lists of them, its copy of the data it touched), and the
build must never hold more than N of them. A small hub's languages thus share N processes, which
saves each later language the start of a process (MkDocs' config and plugins, Babel's locale
data, the compiled templates read back: about 0.08 s of CPU a language); a large hub gets a fresh
process for every language.

What this relies on in mkdocs-static-i18n 1.3.1 (tests/test_parallel_build.py fails clearly if an
upgrade changes it):
- `current_language` set before `build()` selects the language that pass builds (its on_config
  only picks the default when it is None);
- `building = True` keeps its on_post_build from building every other language (and tells the
  hub plugin not to write the shared outputs);
- `i18n_files_per_language` holds the languages built so far by the plugin instance (here: one,
  since each pass loads the config anew) and its sitemap.xml template lists them in that order,
  one `<url>` element per page.
"""
from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import time
from typing import NamedTuple

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

log = logging.getLogger("mkdocs.hub.parallel")


# A worker that holds more memory of its own than this after a pass ends instead of taking another
# language (its own: not shared with the process it was forked from, so freed when it ends).
RECYCLE_BYTES = 256 * 1024 * 1024


def staging(work: str, lang: str) -> str:
    """The folder `lang`'s pass writes its pages into."""
    return os.path.join(work, f"lang-{lang}")


class Passes:
    """Every language's pass, in workers forked from this process (which has loaded data/), `slots` at a time."""

    def __init__(self, config_file: str, work: str, languages: list[str], slots: int):
        self.config_file, self.work, self.slots = config_file, work, slots
        self.waiting = list(languages)
        self.workers: dict[int, _Worker] = {}  # slot -> its worker
        self.seconds: dict[str, float] = {}  # language -> CPU seconds of its pass
        self.articles: dict[str, dict] = {}  # language -> its articles for Pagefind: {"folder", "size"}
        self.ran: dict[int, list[str]] = {slot: [] for slot in range(slots)}
        self.processes = 0  # worker processes started
        self._context = multiprocessing.get_context("fork")

    def staging(self, lang: str) -> str:
        return staging(self.work, lang)

    def start(self) -> None:
        for slot in range(self.slots):
            self._next(slot)

    def finish(self) -> bool:
        """Run every language; False (and the others stopped) as soon as one fails."""
        while self.workers:
            by_handle = {}
            for slot, worker in self.workers.items():
                by_handle[worker.connection] = by_handle[worker.process.sentinel] = slot
            for slot in {by_handle[handle] for handle in multiprocessing.connection.wait(list(by_handle))}:
                if not self._step(slot):
                    self.stop()
                    return False
        return True

    def _step(self, slot: int) -> bool:
        """What `slot`'s worker said or did: a pass done (then the next language), or its end."""
        worker = self.workers[slot]
        done = _report(worker.connection)
        if done is not None:
            self.seconds[done["lang"]] = done["seconds"]
            if done["articles"]:
                self.articles[done["lang"]] = done["articles"]
            if self.waiting and not done["retire"]:
                self._send(slot, worker)
                return True
            if not done["retire"]:
                worker.connection.send(None)  # nothing left: it ends
            worker.process.join()
            del self.workers[slot]
            self._next(slot)
            return worker.process.exitcode == 0
        worker.process.join()  # it ended without a report: its pass failed (it has said why) or it was killed
        del self.workers[slot]
        return False

    def slot_seconds(self) -> list[float]:
        """CPU seconds of each slot: its languages' passes one after the other."""
        return [sum(self.seconds.get(lang, 0.0) for lang in langs) for langs in self.ran.values()]

    def stop(self) -> None:
        self.waiting.clear()
        for worker in self.workers.values():
            if worker.process.is_alive():
                worker.process.terminate()
            worker.process.join()
        self.workers.clear()

    def _next(self, slot: int) -> None:
        """A new worker for `slot`, with the next language, if any is left."""
        if not self.waiting:
            return
        theirs, ours = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(ours, self.config_file, self.work))
        process.start()
        ours.close()
        self.processes += 1
        self.workers[slot] = worker = _Worker(process, theirs)
        self._send(slot, worker)

    def _send(self, slot: int, worker: "_Worker") -> None:
        lang = self.waiting.pop(0)
        os.makedirs(self.staging(lang))
        worker.connection.send(lang)
        self.ran[slot].append(lang)


def _report(connection) -> dict | None:
    """A worker's report of a pass done, if one is waiting (it comes before the worker may end)."""
    try:
        return connection.recv() if connection.poll() else None
    except EOFError:  # the worker ended without one
        return None


class _Worker(NamedTuple):
    process: multiprocessing.process.BaseProcess
    connection: multiprocessing.connection.Connection  # languages to it, reports from it


def _serve(connection, config_file: str, work: str) -> None:
    """A worker: build each language sent, report it, until sent None or grown past RECYCLE_BYTES."""
    while True:
        lang = connection.recv()
        if lang is None:
            break
        began = time.process_time()
        articles = _pass(config_file, staging(work, lang), lang)
        retire = _own_bytes() > RECYCLE_BYTES
        connection.send({"lang": lang, "seconds": time.process_time() - began, "articles": articles,
                         "retire": retire})
        if retire:
            break
    logging.shutdown()
    os._exit(0)


def _own_bytes() -> int:
    """Memory this process alone holds (Linux, as fork is): what goes when it ends."""
    own = 0
    with open("/proc/self/smaps_rollup") as handle:
        for line in handle:
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                own += int(line.split()[1]) * 1024
    return own


def _pass(config_file: str, site_dir: str, lang: str) -> dict | None:
    """Build `lang` into `site_dir` (an empty folder), one MkDocs pass, as mkdocs-static-i18n's loop does.

    Returns its articles set aside for Pagefind ({"folder", "size"}), or None. On failure the
    process says why and ends with exit code 1.
    """
    config = load_config(config_file, site_dir=site_dir, strict=True)
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
    return articles[0] if articles else None
