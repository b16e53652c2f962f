"""Theme templates compiled once per process, not once per language pass or `mkdocs serve` rebuild.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n runs a build per
language, so Material's templates (about 70) were parsed and compiled seven times per site and
again on every save under `mkdocs serve`. Jinja's bytecode cache keeps the compiled code keyed by
template name and file, and drops it when the source's checksum differs; this one lives in memory
and adds the environment's compile settings to the key, so that two differently set up
environments never share code. While `folder` is set (the parallel build's passes, each a process
of its own), compiled templates are also written there and read from there by the other passes.
"""
from __future__ import annotations

import hashlib
import os
import tempfile

from jinja2 import BytecodeCache, TemplateError, meta
from jinja2.bccache import Bucket


def _settings(environment) -> tuple:
    """What changes the code Jinja generates for the same source."""
    return (environment.block_start_string, environment.block_end_string, environment.variable_start_string,
            environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
            environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
            environment.optimized, repr(environment.autoescape), environment.finalize is not None,
            environment.is_async, tuple(sorted(environment.extensions)))


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self._store: dict[tuple, bytes] = {}
        self.folder: str | None = None

    def load_bytecode(self, bucket: Bucket) -> None:
        key = (bucket.key, _settings(bucket.environment))
        data = self._store.get(key)
        if data is None and self.folder:
            try:
                with open(self._path(key), "rb") as handle:
                    data = self._store[key] = handle.read()
            except OSError:
                pass
        if data is not None:
            bucket.bytecode_from_string(data)  # rejects it when the source's checksum changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        key = (bucket.key, _settings(bucket.environment))
        data = self._store[key] = bucket.bytecode_to_string()
        if self.folder:
            # Written whole under another name, then renamed: a pass reading it never sees half.
            handle, temporary = tempfile.mkstemp(dir=self.folder)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self._path(key))

    def _path(self, key: tuple) -> str:
        return os.path.join(self.folder, hashlib.sha256(repr(key).encode()).hexdigest())

    def clear(self) -> None:
        self._store.clear()


CACHE = MemoryBytecodeCache()


def compile_ahead(env, names) -> set[str]:
    """Compile `names` and every template they name (extends, include, import) through `env`'s cache.

    Another process that later loads them with the same settings finds them compiled. A template
    named by an expression is not followed, and one that does not compile here (a filter that only
    its own build adds, say) is left to the build that uses it, which compiles it or says why not.
    Returns the names compiled.
    """
    seen, done, todo = set(), set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            env.get_template(name)
            source, filename, _ = env.loader.get_source(env, name)
            todo.extend(other for other in meta.find_referenced_templates(env.parse(source, name, filename)) if other)
        except TemplateError:
            continue
        done.add(name)
    return done
