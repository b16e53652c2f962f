"""Stage 2, load: strict YAML, validated records, references and the problems found."""
from hub.load.content import Content, load_content

__all__ = ["Content", "load_content"]
