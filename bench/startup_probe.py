"""Child process of bench/startup.py: start one program, report when its window is shown.

Usage: startup_probe.py bare|app DATA_DIR [--exit-when-usable] → prints
"shown <s since process start> <peak RSS KiB>" when the window is shown, then "usable <s> <peak RSS KiB>"
when the pages are attached and painted (the store is open; for the bare program the same moment).

With --exit-when-usable the process ends right there (os._exit, no teardown), so a tool that times whole
processes from outside measures start-up until usable and not the interpreter's teardown. The same probe
runs any version that has ``app.run(argv, exec=False)`` (0.1.0 included).
"""

from __future__ import annotations

import os
import resource
import sys


def since_start() -> float:
    # process start time from /proc (Linux): includes interpreter start-up and imports
    with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as handle:
        start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime", encoding="ascii") as handle:
        uptime = float(handle.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def main() -> None:
    kind, data_dir = sys.argv[1], sys.argv[2]
    exit_when_usable = "--exit-when-usable" in sys.argv[3:]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.show()
    else:
        from inducci_desktop.app import run

        language = kind.partition(":")[2]  # "app:de": the German interface
        running = run(["--data-dir", data_dir, *(["--lang", language] if language else [])], exec=False)
        app, window = running.app, running.window  # type: ignore[union-attr]
    app.processEvents()
    assert window.isVisible()
    shown = since_start()
    print(f"shown {shown:.4f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    usable = shown
    if kind != "bare":
        from PySide6.QtCore import QEventLoop

        while not running.ready:  # type: ignore[union-attr]
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        assert running.services is not None, "the store did not open"  # type: ignore[union-attr]
        app.processEvents()
        usable = since_start()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"usable {usable:.4f} {peak}", flush=True)
    if exit_when_usable:
        os._exit(0)
    if kind != "bare":
        running.shutdown()  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
