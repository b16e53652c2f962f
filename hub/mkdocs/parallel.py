"""`mkdocs build --strict` on every core: the languages in parallel processes, shared files once.

`python -m hub.mkdocs.parallel [-f mkdocs.yml] [-d site] [--jobs N]` (what `make build` runs;
JOBS=N or --jobs N, default os.cpu_count()). With one job it is exactly `mkdocs build --strict`.

With more, the parent loads and indexes data/ once and forks one process per language, N at a time
(class Passes: a slot that finishes takes the next language, in the i18n plugin's order). Each loads
the MkDocs config afresh and runs MkDocs' own `build()` for its language into a folder of its own, the
way mkdocs-static-i18n's on_post_build does for every language after the default one, indexes it with
Pagefind (the hub plugin's on_post_build) and exits, its memory with it. Meanwhile the parent writes
the files that span languages (hub/emit/outputs.py WRITERS: calendars, feeds, export, redirects, ...)
into a folder of its own. Then the folders are moved into the site folder in build order (a later
pass's file replaces an earlier one's, as when one process writes them all), the sitemap, which each
pass writes with the pages it built, is joined from the passes' parts, outputs.finish reads the
finished tree (the sitemap's x-default) and outputs.check_all runs over the whole tree. A warning in
any language fails the build with that warning shown (each pass builds in strict mode and logs as
`mkdocs build` does).

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

import argparse
import gc
import gzip
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import shutil
import sys
import tempfile
import time

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from hub.emit import outputs
from hub.mkdocs import template_cache
from hub.model.errors import DataError
from hub.render.build import load_build

log = logging.getLogger("mkdocs.hub.parallel")

# Where to write each process's CPU seconds (bench/run.py reads it to tell what the build would
# take on an idle machine, when others share the cores); unset, nothing is written.
TIMES_ENV = "HUB_BUILD_TIMES"
SITEMAP = "sitemap.xml"
# Joined from the workers' parts rather than taken from the last one (see join_sitemaps).
JOINED = {SITEMAP, SITEMAP + ".gz"}


def jobs_wanted(value: str | None = None) -> int:
    """--jobs, else JOBS, else every core."""
    value = value or os.environ.get("JOBS") or ""
    if value.strip():
        try:
            jobs = int(value)
        except ValueError:
            raise SystemExit(f"JOBS: expected a whole number of processes like 2, got {value!r}") from None
        if jobs < 1:
            raise SystemExit(f"JOBS: expected at least 1, got {jobs}")
        return jobs
    return os.cpu_count() or 1


def _setup_logging(quiet: bool) -> None:
    # The same handler and format as the `mkdocs` command line (its State class).
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.ERROR if quiet else logging.INFO)
    logger.propagate = False
    if not any(getattr(h, "hub_parallel", False) for h in logger.handlers):
        stream = logging.StreamHandler()
        stream.setFormatter(ColorFormatter())
        stream.hub_parallel = True
        logger.addHandler(stream)


def _single(config_file: str, site_dir: str | None) -> int:
    """One process: exactly `mkdocs build --strict`."""
    config = load_config(config_file, site_dir=site_dir, strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except (Abort, MkDocsException) as err:
        log.error(str(err))
        return 1
    finally:
        config.plugins.on_shutdown()
    return 0


def _pass(config_file: str, staging: str, lang: str) -> None:
    """Build `lang` into `staging` (an empty folder), one MkDocs pass, as mkdocs-static-i18n's loop does."""
    config = load_config(config_file, site_dir=staging, strict=True)
    i18n = config.plugins["i18n"]
    config.plugins.on_startup(command="build", dirty=False)
    # Relies on i18n: with `building` set its on_post_build does not build the other languages.
    i18n.building = True
    try:
        i18n.current_language = lang
        mkdocs_build(config)
    except (Abort, MkDocsException) as err:
        log.error(str(err))
        os._exit(1)
    except Exception:
        logging.getLogger("mkdocs").exception("the build of %s failed", lang)
        os._exit(1)
    finally:
        config.plugins.on_shutdown()
    with open(staging + ".cpu", "w") as handle:
        # This pass's CPU seconds since the fork, with its Pagefind run's (a child it waited for).
        children = os.times()
        handle.write(repr(time.process_time() + children.children_user + children.children_system))
    logging.shutdown()
    os._exit(0)


def _clean(site_dir: str) -> None:
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
    """One sitemap from the workers' sitemaps, each listing its languages' pages in build order.

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
            raise RuntimeError("a worker's sitemap.xml has no <url> element: has the i18n plugin's template changed?")
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


def _parallel(config_file: str, site_dir: str | None, jobs: int) -> int:
    config = load_config(config_file, site_dir=site_dir, strict=True)
    site_dir = config.site_dir
    i18n = config.plugins.get("i18n")
    languages = list(i18n.build_languages) if i18n is not None else []
    if i18n is None or len(languages) < 2:
        return _single(config_file, site_dir)
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    try:
        # Loaded before the forks: the passes find it in load_build's cache (same files, same key).
        build = load_build(root, config.site_url)
    except DataError as err:
        log.error(f"invalid records in data/:\n{err.report()}")
        return 1
    started = time.monotonic()
    times = {"load": time.process_time()}
    # What the passes only read (the loaded data/) is left out of the garbage collector's scans, so
    # a pass does not write to every object's header and make its forked copy of them private.
    gc.freeze()
    slots = min(jobs, len(languages))
    parent = os.path.dirname(os.path.abspath(site_dir))
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".hub-build-", dir=parent)  # beside site/: moving is renaming
    # Theme templates compiled by one pass are read by the later ones instead of compiled again.
    template_cache.CACHE.folder = os.path.join(work, "templates")
    os.makedirs(template_cache.CACHE.folder)
    pool = Passes(config_file, work, languages, slots)
    try:
        log.info(f"Building {', '.join(languages)}, {slots} at a time")
        pool.start()
        # While the passes build, this process writes what spans languages.
        shared = os.path.join(work, "shared")
        os.makedirs(shared)
        mark = time.process_time()
        outputs.write_all(build, shared)
        times["write_all"] = time.process_time() - mark
        if not pool.finish():
            log.error("Aborted: the build of a language failed (its messages are above)")
            return 1
        times["workers"] = pool.slot_seconds()
        times["languages"] = pool.seconds
        mark = time.process_time()
        _clean(site_dir)
        for lang in languages:
            move_tree(pool.staging(lang), site_dir, skip=JOINED)
        sitemaps = [os.path.join(pool.staging(lang), SITEMAP) for lang in languages]
        sitemaps = [path for path in sitemaps if os.path.exists(path)]
        if sitemaps:
            texts = []
            for path in sitemaps:
                with open(path, encoding="utf-8") as handle:
                    texts.append(handle.read())
            write_sitemap(site_dir, join_sitemaps(texts), sitemaps[-1] + ".gz")
        # The shared outputs come after every page, as in one process (hub plugin's on_post_build),
        # then what reads the finished tree: the sitemap's x-default.
        move_tree(shared, site_dir)
        outputs.finish(build, site_dir)
    finally:
        pool.stop()  # should this process fail (in write_all, say), no pass may go on writing
        template_cache.CACHE.folder = None
        gc.unfreeze()
        shutil.rmtree(work, ignore_errors=True)
    problems = outputs.check_all(build, site_dir)
    times["join_and_check"] = time.process_time() - mark
    if os.environ.get(TIMES_ENV):
        with open(os.environ[TIMES_ENV], "w", encoding="utf-8") as handle:
            json.dump(times, handle)
    if problems:
        log.error("the build lost records:\n" + "\n".join(problems))
        return 1
    log.info(f"Documentation built in {time.monotonic() - started:.2f} seconds ({slots} processes)")
    return 0


class Passes:
    """Each language's pass in a process of its own, forked from this one, `slots` at a time.

    One process per language rather than per group of languages: a pass's memory (MkDocs' pages,
    mkdocs-static-i18n's lists of them) goes with its process, so the build never holds more than
    `slots` languages' pages, and a slot that finishes early takes the next language, so the cores
    stay busy to the end. Languages start in the i18n plugin's order, the default one first.
    """

    def __init__(self, config_file: str, work: str, languages: list[str], slots: int):
        self.config_file, self.work, self.slots = config_file, work, slots
        self.waiting = list(languages)
        self.running: dict[int, tuple[multiprocessing.Process, str]] = {}  # slot -> (process, language)
        self.seconds: dict[str, float] = {}  # language -> CPU seconds of its pass, Pagefind's included
        self.ran: dict[int, list[str]] = {slot: [] for slot in range(slots)}
        self._context = multiprocessing.get_context("fork")

    def staging(self, lang: str) -> str:
        return os.path.join(self.work, f"lang-{lang}")

    def start(self) -> None:
        for slot in range(self.slots):
            self._next(slot)

    def _next(self, slot: int) -> None:
        if not self.waiting:
            return
        lang = self.waiting.pop(0)
        os.makedirs(self.staging(lang))
        process = self._context.Process(target=_pass, args=(self.config_file, self.staging(lang), lang), daemon=False)
        process.start()
        self.running[slot] = (process, lang)
        self.ran[slot].append(lang)

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
                with open(self.staging(lang) + ".cpu") as handle:
                    self.seconds[lang] = float(handle.read())
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hub.mkdocs.parallel", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", default=None)
    parser.add_argument("-j", "--jobs", default=None, help="processes (default: JOBS, else every core)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors, as mkdocs build -q")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _setup_logging(args.quiet)
    jobs = jobs_wanted(args.jobs)
    if jobs == 1:
        return _single(args.config_file, args.site_dir)
    return _parallel(args.config_file, args.site_dir, jobs)


if __name__ == "__main__":
    sys.exit(main())
