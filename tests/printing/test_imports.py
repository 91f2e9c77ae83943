"""ReportLab stays off the start-up path, and printing never touches Qt or the UI."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    return result.stdout.strip()


def test_app_start_does_not_import_printing() -> None:
    out = _run("""
        import sys
        import inducci_desktop.app, inducci_desktop.cli.main
        from inducci_desktop.printing import options, errors, output
        bad = sorted(m for m in sys.modules if m.startswith("reportlab")
                     or m.startswith("inducci_desktop.printing.") and m.split(".")[-1]
                     not in ("options", "errors", "output"))
        print(bad)
    """)
    assert out == "[]"


def test_printing_imports_no_qt_and_no_ui() -> None:
    out = _run("""
        import importlib, pkgutil, sys
        import inducci_desktop.printing as p
        for info in pkgutil.iter_modules(p.__path__):
            importlib.import_module(f"inducci_desktop.printing.{info.name}")
        print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "inducci_desktop.ui"))))
    """)
    assert out == "[]"
