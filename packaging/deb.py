"""A Debian package from the frozen folder: the app under /opt/inducci-desktop, a launcher in /usr/bin,
the desktop entry, hicolor icons, AppStream metadata and the MIME type of .inducci bundles.

Built with dpkg-deb only (no debhelper); `check_deb` runs lintian, desktop-file-validate and
appstreamcli validate on the result.
"""

from __future__ import annotations

import gzip
import platform
import shutil
import subprocess
from pathlib import Path

from icons import PNG_SIZES, SVG

from inducci_desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
PACKAGE = "inducci-desktop"
PREFIX = Path("opt") / PACKAGE
#: what the frozen Qt needs from the system (the rest is inside the bundle)
DEPENDS = ("libstdc++6, libgcc-s1, libcups2, libdbus-1-3, libegl1, libfontconfig1, libfreetype6, libgl1, "
           "libx11-6, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-randr0, "
           "libxcb-render-util0, libxcb-shape0, libxcb-image0, libxkbcommon-x11-0, libxkbcommon0, "
           "libwayland-client0, libwayland-cursor0, libwayland-egl1")
LAUNCHER = f"""#!/bin/sh
# Start InduCCI Desktop from /{PREFIX}; a portable copy is started from its own folder instead.
exec /{PREFIX}/inducci-desktop "$@"
"""
COPYRIGHT = f"""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: InduCCI Desktop
Comment: The licence texts of every component bundled under /{PREFIX} are in
 /{PREFIX}/_internal/licences/ (index.json lists them).

Files: *
Copyright: 2026 InduCCI Desktop developers
License: EUPL-1.2
 The European Union Public Licence, version 1.2.
"""
CHANGELOG = f"""{PACKAGE} ({__version__}) unstable; urgency=medium

  * Release {__version__}.

 -- InduCCI Desktop developers <inducci-desktop@users.noreply.invalid>  Thu, 26 Nov 2026 12:00:00 +0000
"""


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def _gzip(text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(target, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def stage(frozen: Path, root: Path, icons: Path) -> None:
    """Lay out the package's files under ``root``."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(frozen, root / PREFIX, symlinks=True)
    launcher = root / "usr" / "bin" / PACKAGE
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)
    share = root / "usr" / "share"
    for source, target in ((PACKAGING / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop"),
                           (PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"),
                           (PACKAGING / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml"),
                           (SVG, share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"),
                           (PACKAGING / "lintian-overrides", share / "lintian" / "overrides" / PACKAGE)):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for size in PNG_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icons / f"inducci-desktop-{size}.png", target)
    _gzip((PACKAGING / "inducci-desktop.1").read_text(encoding="utf-8"), share / "man" / "man1" / f"{PACKAGE}.1.gz")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    _gzip(CHANGELOG, doc / "changelog.gz")
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or (path.stat().st_mode & 0o111 and ".so" not in path.name):
            path.chmod(0o755)
        else:
            path.chmod(0o644)
    installed_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        f"Architecture: {architecture()}\n"
        "Maintainer: InduCCI Desktop developers <inducci-desktop@users.noreply.invalid>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: libc6 (>= {platform.libc_ver()[1] or '2.31'}), {DEPENDS}\n"
        "Section: education\n"
        "Priority: optional\n"
        "Description: InduCCI e-Toolbox offline for trainers and officials\n"
        " Guides, case profiles, checklists, workshop planning and printing for\n"
        " Cultural and Creative Industries in industrial regions, on a local\n"
        " database, with no internet needed.\n",
        encoding="utf-8",
    )
    control.parent.chmod(0o755)


def build_deb(frozen: Path, out_dir: Path, work: Path, compression: str = "xz") -> Path:
    icons = work.parent / "generated" / "icons"
    root = work / "root"
    stage(frozen, root, icons)
    target = out_dir / f"{PACKAGE}_{__version__}_{architecture()}.deb"
    level = "-z6"
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", level, "--build", str(root), str(target)],
                   check=True, capture_output=True, text=True)
    return target


def check_deb(package: Path, extracted: Path) -> list[str]:
    """Run the three validators; returns the failures (empty when all pass)."""
    failures = []
    checks = [
        ["lintian", "--fail-on", "error,warning", str(package)],
        ["desktop-file-validate", str(extracted / "usr/share/applications" / f"{APP_ID}.desktop")],
        ["appstreamcli", "validate", "--no-net", str(extracted / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml")],
    ]
    for command in checks:
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f"{command[0]}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    return failures
