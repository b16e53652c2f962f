"""Stage 1, the content model: every collection and field declared once, and the value types."""
