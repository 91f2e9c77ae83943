"""The frozen app as users get it: build it (PyInstaller) and the .deb, then run them from outside the
checkout on fresh data folders — commands, an exchange between two portable copies, the window opened
offscreen and closed, a second copy handing over to the first — and compare the start with the
pip-installed app. Takes a few minutes; INDUCCI_SKIP_FROZEN=1 skips it (CI runs it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.printing.conftest import page_texts

ROOT = Path(__file__).resolve().parents[1]
APP = "InduCCI Desktop"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("INDUCCI_SKIP_FROZEN") == "1", reason="INDUCCI_SKIP_FROZEN=1"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb and this run are for Linux"),
]


@dataclass
class Built:
    folder: Path
    deb: Path
    seconds: float
    log: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pytest.importorskip("PyInstaller", reason="pip install -e '.[build]'")
    work = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(work / "dist"), "--work",
         str(work / "build"), "--deb", "--deb-compression", "gzip"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    deb = next((work / "dist").glob("inducci-desktop_*.deb"))
    return Built(work / "dist" / APP, deb, time.monotonic() - started, result.stdout)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "INDUCCI_DATA_DIR", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def portable_copy(built: Built, where: Path) -> Path:
    """The frozen folder as a user carries it on a stick: copied, with portable.txt beside the program."""
    target = where / APP
    shutil.copytree(built.folder, target, symlinks=True)
    (target / "portable.txt").write_text("Keep the data beside the program.\n", encoding="utf-8")
    return target / "inducci-desktop"


def call(program: Path | str, *args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], cwd=cwd, env=clean_env(), capture_output=True, text=True,
                          timeout=timeout)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_build_size_and_contents(built: Built, capsys: pytest.CaptureFixture[str]) -> None:
    internal = built.folder / "_internal"
    size = sum(p.stat().st_size for p in built.folder.rglob("*") if p.is_file() and not p.is_symlink())
    index = json.loads((internal / "licences" / "index.json").read_text(encoding="utf-8"))
    names = {entry["name"] for entry in index}
    assert {"PySide6_Essentials", "SQLAlchemy", "reportlab", "alembic", "Python", "DejaVu fonts",
            "Qt (in PySide6)", "PyInstaller bootloader"} <= names
    for entry in index:  # every file listed is there
        for name in entry["files"]:
            assert (internal / "licences" / name).is_file(), name
    assert all(entry["files"] for entry in index if entry["name"] != "inducci-desktop"), \
        [e["name"] for e in index if not e["files"]]
    assert (internal / "inducci_desktop" / "store" / "migrations" / "versions").is_dir()
    assert (internal / "inducci_desktop" / "resources" / "icons" / "app" / "inducci-desktop.svg").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "platforms/libqwayland.so",
                   "imageformats/libqsvg.so", "iconengines/libqsvgicon.so", "printsupport/libcupsprintersupport.so"):
        assert (plugins / plugin).is_file(), plugin
    never = [p.name for p in internal.rglob("*") if any(m in p.name for m in ("Qt6Qml", "Qt6Quick", "Qt6Designer"))]
    assert never == []
    with capsys.disabled():
        print(f"\nfrozen build: {size / 1e6:.1f} MB unpacked, built (with the .deb) in {built.seconds:.0f} s; "
              f".deb {built.deb.stat().st_size / 1e6:.1f} MB")
    # 160 MB until python-docx (with lxml) and Babel's locale data for the seven languages came in; 185 MB until
    # the shared database: psycopg's libpq with its TLS libraries, and keyring with its Secret Service backend
    assert size < 200e6


def test_portable_copy_runs_every_command_and_exchanges_with_another(built: Built, tmp_path: Path,
                                                                     outside: Path) -> None:
    first = portable_copy(built, tmp_path / "stick-a")
    second = portable_copy(built, tmp_path / "stick-b")
    assert "InduCCI Desktop" in ok(call(first, "--version", cwd=outside))
    ok(call(first, "db", "upgrade", cwd=outside))  # the migrations run frozen
    assert "(current)" in ok(call(first, "db", "check", cwd=outside))
    assert "added" in ok(call(first, "demo", cwd=outside))
    ok(call(first, "print", "pack", "--all", "-o", "pack.pdf", cwd=outside))
    pages = page_texts((outside / "pack.pdf").read_bytes())
    assert len(pages) > 20 and "Bielsko-Biała" in "".join(pages)
    ok(call(first, "export", "--all", "-o", "all.inducci", cwd=outside))
    data = first.parent / "data"
    assert (data / "inducci.sqlite3").is_file() and list((data / "backups").iterdir())
    assert (data / "logs" / "inducci-desktop.log").is_file()

    imported = ok(call(second, "import", str(outside / "all.inducci"), cwd=outside))
    assert "added" in imported
    listed = json.loads(ok(call(second, "list", "assessments", "--json", cwd=outside)))
    assert len(listed) == 2
    assert (second.parent / "data" / "inducci.sqlite3").is_file()
    assert not (outside / "data").exists()


def smoke(program: Path | str, *args: str, cwd: Path) -> tuple[float, str]:
    started = time.monotonic()
    result = call(program, *args, "--smoke-test", cwd=cwd, timeout=120)
    seconds = time.monotonic() - started
    out = ok(result)
    from inducci_desktop.ui.pages.registry import PAGES

    assert "smoke test: window shown" in out and f"pages: {len(PAGES)}" in out, out
    assert "Traceback" not in result.stderr, result.stderr
    return seconds, out.strip().splitlines()[-1]


def test_window_starts_and_closes_and_compares_with_the_pip_install(built: Built, tmp_path: Path, outside: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    frozen = portable_copy(built, tmp_path / "stick")
    installed = shutil.which("inducci-desktop", path=str(Path(sys.executable).parent))
    assert installed, "the pip-installed console script"
    ok(call(frozen, "db", "upgrade", cwd=outside))
    ok(call(installed, "--data-dir", str(tmp_path / "pip-data"), "db", "upgrade", cwd=outside))
    frozen_runs = [smoke(frozen, cwd=outside) for _ in range(3)]
    pip_runs = [smoke(installed, "--data-dir", str(tmp_path / "pip-data"), cwd=outside) for _ in range(3)]
    best_frozen, best_pip = min(s for s, _ in frozen_runs), min(s for s, _ in pip_runs)
    with capsys.disabled():
        print(f"\nstart to window shown, data open and closed (best of 3): frozen {best_frozen:.2f} s, "
              f"pip-installed {best_pip:.2f} s\n  frozen: {frozen_runs[0][1]}\n  pip:    {pip_runs[0][1]}")


def test_a_second_copy_on_the_same_portable_data_hands_over_to_the_first(built: Built, tmp_path: Path,
                                                                          outside: Path) -> None:
    program = portable_copy(built, tmp_path / "stick")
    ok(call(program, "demo", cwd=outside))
    ok(call(program, "export", "--all", "-o", "mine.inducci", cwd=outside))
    window = subprocess.Popen([str(program)], cwd=outside, env=clean_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while not listening(program.parent / "data"):
            assert window.poll() is None, window.communicate()
            assert time.monotonic() < deadline, "the window did not start"
            time.sleep(0.3)
        time.sleep(1)
        answer = ok(call(program, cwd=outside, timeout=60))
        assert "already running" in answer and "brought its window forward" in answer
        handed = ok(call(program, str(outside / "mine.inducci"), cwd=outside, timeout=60))
        assert "handed it mine.inducci" in handed
        assert window.poll() is None  # the first window is still the one running
    finally:
        window.terminate()
        window.communicate(timeout=30)


def listening(data: Path) -> bool:
    """The window's single-instance socket exists (QLocalServer makes it in the temporary folder)."""
    import tempfile

    from inducci_desktop.paths import AppPaths
    from inducci_desktop.ui.application import server_name

    return (Path(tempfile.gettempdir()) / server_name(AppPaths.resolve(data))).exists()


def test_the_deb_has_its_parts_and_passes_the_validators(built: Built, tmp_path: Path, outside: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from deb import check_deb
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    missing = [tool for tool in ("dpkg-deb", "lintian", "desktop-file-validate", "appstreamcli")
               if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (.ci/run installs them)")
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(built.deb), str(root)], check=True)
    for part in ("usr/bin/inducci-desktop", "opt/inducci-desktop/inducci-desktop",
                 "usr/share/applications/eu.inducci.Desktop.desktop",
                 "usr/share/metainfo/eu.inducci.Desktop.metainfo.xml",
                 "usr/share/mime/packages/eu.inducci.Desktop.xml",
                 "usr/share/icons/hicolor/scalable/apps/eu.inducci.Desktop.svg",
                 "usr/share/icons/hicolor/48x48/apps/eu.inducci.Desktop.png",
                 "usr/share/icons/hicolor/256x256/apps/eu.inducci.Desktop.png",
                 "usr/share/doc/inducci-desktop/copyright"):
        assert (root / part).exists(), part
    info = subprocess.run(["dpkg-deb", "--field", str(built.deb), "Package", "Depends"], check=True,
                          capture_output=True, text=True).stdout
    assert "inducci-desktop" in info and "libcups2" in info
    assert check_deb(built.deb, root) == []

    program = root / "opt" / "inducci-desktop" / "inducci-desktop"
    data = str(tmp_path / "deb-data")
    assert "InduCCI Desktop" in ok(call(program, "--version", cwd=outside))
    ok(call(program, "--data-dir", data, "db", "upgrade", cwd=outside))
    assert "(current)" in ok(call(program, "--data-dir", data, "db", "check", cwd=outside))
    smoke(program, "--data-dir", data, cwd=outside)
