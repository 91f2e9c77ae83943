"""Screenshots of every page and every tab of the window, for looking at the app as a user does.

Usage (a real X server or Xvfb gives the real rendering; the offscreen platform works too)::

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots.py OUT_DIR [--size 1100x720] [--empty] \
        [--lang de]

The data folder is a fresh temporary one, filled with the example data (``demo``) unless ``--empty``.
One PNG per page, and one per tab of every tab widget on it, named ``NN-page[-N-tab].png`` (the page's id and
the tab's English name, whatever the language).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", "")).strip("-") or "x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1100x720")
    parser.add_argument("--empty", action="store_true", help="no example data")
    parser.add_argument("--data-dir", type=Path, help="use this data folder instead of a fresh one")
    parser.add_argument("--lang", default="en", help="the interface language (en, de, pl, cs, sl, it, nl)")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.data_dir or Path(tempfile.mkdtemp(prefix="inducci-shots-")) / "data"

    from inducci_desktop.app import main as app_main
    from inducci_desktop.app import run

    if not args.empty and args.data_dir is None:
        app_main(["--lang", args.lang, "--data-dir", str(data), "demo"])

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QListWidget, QTabWidget

    from inducci_desktop.ui.pages.registry import PAGES

    running = run(["--lang", args.lang, "--data-dir", str(data)], exec=False)

    def settle(ms: int = 400) -> None:
        QTest.qWait(ms)

    while not getattr(running, "ready", False):
        settle(50)
    window = running.window  # type: ignore[attr-defined]
    window.resize(width, height)
    settle()
    nav = window.findChild(QListWidget, "navigation")
    shots = 0
    for row in range(nav.count()):
        nav.setCurrentRow(row)
        settle(700)
        page_name = f"{row + 1:02d}-{slug(PAGES[row].id)}"
        window.grab().save(str(args.out / f"{page_name}.png"))
        shots += 1
        page = window.stack.currentWidget()
        for tabs in page.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(400)
                window.grab().save(str(args.out / f"{page_name}-{index + 1}.png"))
                shots += 1
    print(f"{shots} screenshots in {args.out}")
    running.shutdown()  # type: ignore[attr-defined]
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
