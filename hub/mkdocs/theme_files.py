"""The theme's static files, listed without walking the folders MkDocs never copies.

MkDocs finds a theme's static files by listing every file under the theme's folders (Jinja's
FileSystemLoader.list_templates) and dropping what it does not copy, among it anything whose path
has a part starting with a dot (Files.add_files_from_theme's patterns '.*' and '*/.*'). Material
keeps about 14,000 icons in templates/.icons, so every language's pass walked and matched 14,500
names to copy about 60 files: 55 ms of CPU a pass, the largest single cost a pass has whatever
the hub's size. This loader does not go into folders whose name starts with a dot; templates are
still loaded from them by name (Material's `{% include ".icons/..." %}`), and MkDocs copies the
same files.

Relies on MkDocs 1.6's Theme.get_env making a FileSystemLoader over `theme.dirs`, and on
add_files_from_theme dropping dot paths (tests/test_couplings.py compares the files copied).
"""
from __future__ import annotations

import os

from jinja2 import FileSystemLoader


class ThemeLoader(FileSystemLoader):
    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                for name in names:
                    path = name if relative == "." else os.path.join(relative, name)
                    found.add(path.replace(os.path.sep, "/"))
        return sorted(found)


def install(theme) -> None:
    """Make `theme.get_env()` (MkDocs' Theme) give environments that list files with a ThemeLoader."""
    if getattr(theme.get_env, "hub_theme_files", False):
        return  # the same config built again (each language of a one-process build)
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.loader = ThemeLoader(theme.dirs)
        return env

    get_env.hub_theme_files = True
    theme.get_env = get_env
