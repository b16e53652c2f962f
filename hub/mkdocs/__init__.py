"""The MkDocs shell: the only code that imports MkDocs or knows its plugins."""
