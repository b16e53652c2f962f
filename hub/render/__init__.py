"""Stage 4, render: record pages, listings, the home page and head tags, in each language."""
