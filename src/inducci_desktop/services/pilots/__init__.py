"""Pilot actions: a region's own pilots, their photos, documents and demo."""
