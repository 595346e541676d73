"""Views of a Comparison: Markdown (and later HTML and charts). No arithmetic here."""
