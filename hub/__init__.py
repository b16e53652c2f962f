"""The hub's core: load and validate data/, index it, render pages; no MkDocs imports here.

`load_content` (load.py) -> `build_index` (index.py) -> `Renderer` (pages.py); the MkDocs
wiring is mkdocs_plugin.py and ../macros.py.
"""
from .errors import DataError, Problem
from .index import Index, build_index
from .load import Content, load_content

__all__ = ["DataError", "Problem", "Content", "load_content", "Index", "build_index"]
