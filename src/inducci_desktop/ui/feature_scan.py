"""A cheaper form of PySide6's per-module ``__feature__`` check, installed before the first Qt module loads.

PySide6 looks at every module imported after it to know whether it may use ``from __feature__ import
snake_case`` — through ``inspect.getsource``, which keeps the whole source of each module in ``linecache``
for the rest of the process: all of SQLAlchemy and the app, ~19 MiB of peak memory and ~30 ms of start-up.
The same question (does the file mention "PySide6"?) is answered here by reading the head of the file
once (HEAD bytes, where a module's imports are), without keeping it. Where the file cannot be read (a
frozen build has no sources), PySide6's own check answers, as before. Nothing here changes what Qt does:
this app selects no ``__feature__``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401  (loads shibokensupport, whose import hook asks the question below)

_MARK = "_inducci_cheap_scan"
#: how much of a module's source is looked at: its imports (SQLAlchemy's biggest modules are ~300 KB)
HEAD = 16384


def install() -> bool:
    """Replace ``shibokensupport.feature._mod_uses_pyside`` (once); False where this PySide6 has none."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None:
        return False
    if getattr(upstream, _MARK, False):
        return True

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)
        try:
            with open(path, "rb") as handle:
                return b"PySide6" in handle.read(HEAD)
        except OSError:
            return upstream(module)

    setattr(mod_uses_pyside, _MARK, True)
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[attr-defined]
    return True
