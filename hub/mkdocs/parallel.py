"""`mkdocs build --strict` on every core: the languages in parallel processes, shared files once.

`python -m hub.mkdocs.parallel [-f mkdocs.yml] [-d site] [--jobs N]` (what `make build` runs;
JOBS=N or --jobs N, default os.cpu_count()). With one job it is exactly `mkdocs build --strict`.

With more, the build runs in two steps, so that what takes the most memory never runs side by side:
1. Pages. A process of its own loads and indexes data/ once and forks each language's MkDocs pass,
   N at a time (passes.py); meanwhile it writes the files that span languages (hub/emit/outputs.py
   WRITERS: calendars, feeds, export, redirects) into a folder of its own. Then it moves the
   folders into the site folder in build order (site_join.py: a later pass's file replaces an
   earlier one's, as when one process writes them all; the sitemaps joined), outputs.finish reads
   the finished tree (the sitemap's x-default) and outputs.check_all runs over it, and it exits:
   its copy of data/ goes with it. While it loads data/, this process compiles the templates the
   passes render into the work folder (_compile_templates), so that no pass compiles them.
2. Search. This process, which never loaded data/, runs Pagefind over each language's articles
   (Pagefind holds a whole language's index in memory: 1.3 to 1.5 GB at 10,000 pages, so a large
   hub's languages are indexed one after the other, each Pagefind on every core by itself, and a
   small hub's side by side; see _index_all), then checks every bundle (search.check_bundles).
A warning in any language fails the build with that warning shown (each pass builds in strict mode
and logs as `mkdocs build` does). The site is the same as one process's, file for file
(tests/test_parallel_build.py).
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import time

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.structure.files import Files

from hub.emit import outputs, search
from hub.mkdocs import site_join, template_cache
from hub.mkdocs.passes import Passes
from hub.model.errors import DataError
from hub.render.build import load_build
from hub.render.pages import template_env

log = logging.getLogger("mkdocs.hub.parallel")

# Where to write each process's CPU seconds (bench/run.py reads it to tell what the build would
# take on an idle machine, when others share the cores); unset, nothing is written.
TIMES_ENV = "HUB_BUILD_TIMES"
# What step 1 hands step 2, in the work folder.
PAGES_DONE = "pages.json"
# Memory that Pagefind runs side by side may take (search.MEMORY_PER_BYTE estimates each): as much as
# one language of 10,000 records takes alone, so that a small hub's languages are indexed on every
# core at once and a large one's one after the other.
SEARCH_MEMORY = 1_500_000_000


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


def _parallel(config_file: str, site_dir: str | None, jobs: int) -> int:
    config = load_config(config_file, site_dir=site_dir, strict=True)
    site_dir = config.site_dir
    i18n = config.plugins.get("i18n")
    languages = list(i18n.build_languages) if i18n is not None else []
    if i18n is None or len(languages) < 2:
        return _single(config_file, site_dir)
    started = time.monotonic()
    parent = os.path.dirname(os.path.abspath(site_dir))
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".hub-build-", dir=parent)  # beside site/: moving is renaming
    # Templates compiled in one process are read by the others instead of compiled again.
    template_cache.CACHE.folder = os.path.join(work, "templates")
    os.makedirs(template_cache.CACHE.folder)
    try:
        pages = multiprocessing.get_context("fork").Process(
            target=_pages, args=(config_file, config.site_url, site_dir, work, languages, jobs, time.process_time()))
        pages.start()
        # While the pages step loads data/, this process compiles the templates every pass renders.
        mark = time.process_time()
        try:
            _compile_templates(config)
        except BaseException:
            pages.terminate()  # it must not go on writing into the work folder that goes below
            pages.join()
            raise
        templates = time.process_time() - mark
        pages.join()
        if pages.exitcode != 0:
            if pages.exitcode != 1:  # 1: it has said why; else it was stopped (out of memory, say)
                log.error(f"the build of the pages stopped (exit code {pages.exitcode}): the site folder is not complete")
            return 1
        with open(os.path.join(work, PAGES_DONE), encoding="utf-8") as handle:
            done = json.load(handle)
        times, mark, wall = done["times"], _children_seconds(), time.monotonic()
        times["templates"] = templates
        try:
            _index_all([(lang, done["articles"][lang]) for lang in languages if lang in done["articles"]],
                       site_dir, len(times["workers"]))
        except RuntimeError as err:
            log.error(str(err))
            return 1
        times["search"] = _children_seconds() - mark
        times["search_wall"] = time.monotonic() - wall
        problems = search.check_bundles(site_dir, **done["bundles"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if os.environ.get(TIMES_ENV):
        with open(os.environ[TIMES_ENV], "w", encoding="utf-8") as handle:
            json.dump(times, handle)
    if problems:
        log.error("the build lost records:\n" + "\n".join(problems))
        return 1
    slots = len(times["workers"])
    log.info(f"Documentation built in {time.monotonic() - started:.2f} seconds ({slots} processes)")
    return 0


def _compile_templates(config) -> None:
    """Compile the theme's templates and the hub's page templates into the shared cache folder.

    Each pass would otherwise compile those it renders (about 0.25 s of CPU) unless an earlier pass
    had, and the first pass of every slot starts before any has. The theme's environment is made as
    a pass makes it: MkDocs' Theme.get_env, then the plugins' on_env, which add what changes the
    compiled code (mkdocs-static-i18n's loop controls); hub's on_env points it at the cache.
    """
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=Files([]))
    template_cache.compile_ahead(env, ["main.html", *sorted(config.theme.static_templates)])
    pages_env = template_env()
    pages_env.bytecode_cache = template_cache.CACHE
    template_cache.compile_ahead(pages_env, pages_env.list_templates())


def _index_all(articles: list[tuple[str, dict]], site_dir: str, slots: int) -> None:
    """Pagefind over each language's articles: side by side (up to `slots`) while their memory, as
    estimated from the articles' size, stays within SEARCH_MEMORY; a language alone whatever its size."""
    waiting = [(lang, facts["folder"], facts["size"] * search.MEMORY_PER_BYTE) for lang, facts in articles]
    running: list[tuple[search.Indexing, int]] = []
    try:
        while waiting or running:
            while waiting and len(running) < slots and \
                    (not running or sum(need for _, need in running) + waiting[0][2] <= SEARCH_MEMORY):
                lang, folder, need = waiting.pop(0)
                running.append((search.Indexing(folder, site_dir, lang), need))
            finished = [run for run in running if run[0].done()]
            if not finished:
                time.sleep(0.02)
            for run in finished:
                running.remove(run)
                run[0].wait()  # raises, naming the language, if Pagefind failed
    finally:
        for indexing, _need in running:  # after a failure: let the others end before the work folder goes
            with contextlib.suppress(RuntimeError):  # the first failure is the one reported
                indexing.wait()


def _children_seconds() -> float:
    children = os.times()
    return children.children_user + children.children_system


def _pages(config_file: str, site_url: str, site_dir: str, work: str, languages: list[str], jobs: int,
           setup_seconds: float) -> None:
    """Step 1, in a process of its own: every language's pages and the shared files, joined and checked."""
    root = os.path.dirname(os.path.abspath(config_file))
    try:
        build = load_build(root, site_url)
    except DataError as err:
        log.error(f"invalid records in data/:\n{err.report()}")
        os._exit(1)
    times = {"load": setup_seconds + time.process_time()}
    # What the passes only read (the loaded data/) is left out of the garbage collector's scans, so
    # a pass does not write to every object's header and make its forked copy of them private.
    gc.freeze()
    slots = min(jobs, len(languages))
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
            os._exit(1)
        mark = time.process_time()
        site_join.join(site_dir, [pool.staging(lang) for lang in languages], shared)
        outputs.finish(build, site_dir)  # what reads the finished tree: the sitemap's x-default
        # Every check but the search bundles', which step 2 writes.
        problems = outputs.check_all(build, site_dir, checks=tuple(c for c in outputs.CHECKS if c is not search.check))
        times["join_and_check"] = time.process_time() - mark
    except BaseException:
        pool.stop()  # no pass may go on writing
        logging.getLogger("mkdocs").exception("the build failed")
        os._exit(1)
    if problems:
        log.error("the build lost records:\n" + "\n".join(problems))
        os._exit(1)
    times["workers"] = pool.slot_seconds()
    times["processes"] = pool.processes
    times["languages"] = pool.seconds
    with open(os.path.join(work, PAGES_DONE), "w", encoding="utf-8") as handle:
        json.dump({"times": times, "articles": pool.articles, "bundles": search.bundle_facts(build)}, handle)
    logging.shutdown()
    os._exit(0)


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
