"""Plain, dependency-free Python shared by every layer: view dataclasses and pure helpers (standard library
only; ``tests/test_architecture.py`` keeps it so)."""
