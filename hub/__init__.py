"""The hub: one package per stage of the pipeline, each importing only from the stages before it.

model (the declaration) -> load (data/ to validated records) -> index -> render (pages) ->
emit (calendars, feeds, export); cli (commands) and mkdocs (the shell, the only code that
imports MkDocs) sit on top. ../macros.py only registers the renderer's functions.
"""
from hub.model.errors import DataError, Problem
from hub.index.indexes import Index, build_index
from hub.load.content import Content, load_content

__all__ = ["DataError", "Problem", "Content", "load_content", "Index", "build_index"]
