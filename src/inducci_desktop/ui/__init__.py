"""The PySide6 GUI. The only package that imports Qt; it talks to services, never to tables."""
