"""The toolbox content pack: its model, loading and validation, and the search index."""
