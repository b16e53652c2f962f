"""Stage 3, index: what is upcoming, what names what, what is newest; built once per build."""
from hub.index.indexes import Index, build_index

__all__ = ["Index", "build_index"]
