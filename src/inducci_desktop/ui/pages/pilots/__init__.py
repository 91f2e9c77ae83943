"""The Pilot actions page: a region's own pilots, documented, printed and published."""
