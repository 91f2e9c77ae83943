"""The PySide6 GUI. The only package that imports Qt; it talks to services, never to tables."""

from inducci_desktop.ui.feature_scan import install as _cheap_feature_scan

_cheap_feature_scan()  # before any Qt module: see ui/feature_scan.py
