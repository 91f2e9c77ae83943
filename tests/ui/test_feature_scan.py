"""PySide6 asks of every module imported after it whether it mentions "PySide6" (for ``__feature__``); the
app answers from the file's bytes instead of ``inspect.getsource``, which kept every module's whole source in
``linecache`` (~19 MiB at start-up)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from inducci_desktop.ui import feature_scan


def test_new_modules_are_classified_as_before_and_their_source_is_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert feature_scan.install()  # installed already by importing the ui package: stays installed
    (tmp_path / "scan_uses_qt.py").write_text("from PySide6.QtCore import QObject  # Łódź\n", encoding="utf-8")
    (tmp_path / "scan_plain.py").write_text("VALUE = 'Příliš žluťoučký kůň'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        # an import statement: PySide6 hooks builtins.__import__ (importlib.import_module passes it by)
        import scan_plain  # type: ignore[import-not-found]  # noqa: F401
        import scan_uses_qt  # type: ignore[import-not-found]  # noqa: F401
        features = sys.modules["shibokensupport.feature"].pyside_feature_dict
        assert features["scan_uses_qt"] == 0  # uses PySide: "no feature" selected, switchable
        assert features["scan_plain"] == -1  # ignored by the feature machinery
        assert str(tmp_path / "scan_uses_qt.py") not in linecache.cache
        assert str(tmp_path / "scan_plain.py") not in linecache.cache
    finally:
        for name in ("scan_uses_qt", "scan_plain"):
            sys.modules.pop(name, None)
