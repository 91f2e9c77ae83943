"""The command line: headless commands over the same services as the window (``main.py``), one module
per feature that registers its commands."""
