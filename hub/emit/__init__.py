"""Stage 5, emit: calendars, feeds, the JSON export, redirects and the digest, written from the records."""
