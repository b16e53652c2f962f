"""Theme templates compiled once per process, not once per language pass or `mkdocs serve` rebuild.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n runs a build per
language, so Material's templates (about 70) were parsed and compiled seven times per site and
again on every save under `mkdocs serve`. Jinja's bytecode cache keeps the compiled code keyed by
template name and file, and drops it when the source's checksum differs; this one lives in memory
and adds the environment's compile settings to the key, so that two differently set up
environments never share code.
"""
from __future__ import annotations

from jinja2 import BytecodeCache
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

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get((bucket.key, _settings(bucket.environment)))
        if data is not None:
            bucket.bytecode_from_string(data)  # rejects it when the source's checksum changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[(bucket.key, _settings(bucket.environment))] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


CACHE = MemoryBytecodeCache()
