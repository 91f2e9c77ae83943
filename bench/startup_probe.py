"""Child process of bench/startup.py: start one program, report when its window is shown.

Usage: startup_probe.py bare|app DATA_DIR [--exit-when-usable] [--pages] → prints
"shown <s since process start> <peak RSS KiB> <CPU s>" when the window is shown, then
"usable <s> <peak RSS KiB> <CPU s>" when the first page is built and painted over the checked, open store
(before the services are built where the store needs no writing first: services/library/first_page.py), then
"services <s> <peak RSS KiB> <CPU s>" when the services are built and attached (for the bare program both are
the moment it was shown). CPU is the process's user + system time since it started: under a loaded machine it
stays close to what a quiet one measures, while the wall figures follow the load.

With --pages (the app only), after "usable" each page is then shown for the first time, in navigation order,
and painted: "page <id> <wall ms> <CPU ms>" (the first click on each page, built then), one second after
"usable" (a person reads the first page a moment before the first click).

With --exit-when-usable the process ends right there (os._exit, no teardown), so a tool that times whole
processes from outside measures start-up until usable and not the interpreter's teardown. The same probe
runs any version that has ``app.run(argv, exec=False)`` (0.1.0 included).
"""

from __future__ import annotations

import os
import resource
import sys
import time


def since_start() -> float:
    # process start time from /proc (Linux): includes interpreter start-up and imports
    with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as handle:
        start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime", encoding="ascii") as handle:
        uptime = float(handle.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def first_shows(running: object) -> None:
    """Show every page once, as a click in the navigation does, and time it until painted."""
    from PySide6.QtCore import QCoreApplication

    from inducci_desktop.ui.pages.registry import PAGES

    window = running.window  # type: ignore[attr-defined]
    idle_until = time.monotonic() + 1.0  # a person reads the first page a moment before the first click
    while time.monotonic() < idle_until:  # (processEvents(flags, maxtime) drops a reference to None: avoided)
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for entry in PAGES:
        began_wall, began_cpu = time.perf_counter(), cpu()
        window.show_page(entry.id)
        window.repaint()
        QCoreApplication.processEvents()
        print(f"page {entry.id} {(time.perf_counter() - began_wall) * 1000:.1f} {(cpu() - began_cpu) * 1000:.1f}",
              flush=True)


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
    print(f"shown {shown:.4f} {peak_kib()} {cpu():.4f}", flush=True)
    usable = shown
    if kind != "bare":
        from PySide6.QtCore import QEventLoop

        # "usable": the first page over the checked store (a version without a first page read before the
        # services — the code of the day before, 0.1.0 — has no ``usable``: its services attached)
        while not getattr(running, "usable", running.ready):  # type: ignore[union-attr]
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        assert running.exit_code is None, "the store did not open"  # type: ignore[union-attr]
        app.processEvents()
        usable = since_start()
    print(f"usable {usable:.4f} {peak_kib()} {cpu():.4f}", flush=True)
    services = usable
    if kind != "bare":
        while not running.ready:  # type: ignore[union-attr]
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        assert running.services is not None, "the store did not open"  # type: ignore[union-attr]
        app.processEvents()
        services = since_start()
    print(f"services {services:.4f} {peak_kib()} {cpu():.4f}", flush=True)
    if exit_when_usable:
        os._exit(0)
    if kind != "bare" and "--pages" in sys.argv[3:]:
        first_shows(running)
    if kind != "bare":
        running.shutdown()  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
