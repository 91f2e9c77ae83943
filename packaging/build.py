"""Build the frozen one-folder app (PyInstaller), and on Linux optionally the .deb.

    python packaging/build.py            → dist/InduCCI Desktop/
    python packaging/build.py --deb      → also dist/inducci-desktop_VERSION_ARCH.deb

Steps: draw the icons from the SVG, write the licence texts of everything bundled, run PyInstaller on
packaging/inducci-desktop.spec, then print the size (unpacked and compressed) and the build time.
Needs the `build` extra: pip install -e '.[build]'.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "src"))

from icons import build_icons  # noqa: E402

from inducci_desktop import APP_NAME, __version__  # noqa: E402
from inducci_desktop.licences import FONT_ENTRY, LicenceEntry, write_licences  # noqa: E402

TEXTS = ROOT / "packaging" / "licence-texts"


def extra_licences() -> list[tuple[LicenceEntry, dict[str, str]]]:
    """Components that are not Python distributions of the dependency tree, or whose wheels carry no text."""
    python_licence = next((p for p in (Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}."
                                       f"{sys.version_info[1]}" / "LICENSE.txt",
                                       Path(sys.base_prefix) / "LICENSE.txt") if p.is_file()), None)
    extras: list[tuple[LicenceEntry, dict[str, str]]] = []
    if python_licence:
        extras.append((LicenceEntry("Python", sys.version.split()[0], "PSF-2.0", ("python--LICENSE.txt",)),
                       {"python--LICENSE.txt": python_licence.read_text(encoding="utf-8")}))
    qt_texts = {"qt--LGPL-3.0.txt": (TEXTS / "LGPL-3.0.txt").read_text(encoding="utf-8"),
                "qt--GPL-3.0.txt": (TEXTS / "GPL-3.0.txt").read_text(encoding="utf-8")}
    extras.append((LicenceEntry("Qt (in PySide6)", metadata.version("PySide6-Essentials"), "LGPL-3.0-only",
                                tuple(qt_texts)), qt_texts))
    boot = metadata.distribution("pyinstaller")
    copying = [f for f in boot.files or [] if str(f).upper().endswith("COPYING.TXT")]
    boot_texts = {"pyinstaller--COPYING.txt": copying[0].read_text(encoding="utf-8")} if copying else {}
    extras.append((LicenceEntry("PyInstaller bootloader", boot.version,
                                "GPL-2.0-or-later with the bootloader exception", tuple(boot_texts)), boot_texts))
    font = ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt"
    extras.append((FONT_ENTRY, {FONT_ENTRY.files[0]: font.read_text(encoding="utf-8")}))
    return extras


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def compressed_size(folder: Path, work: Path) -> int:
    archive = work / "size-probe.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    size = archive.stat().st_size
    archive.unlink()
    return size


def build(dist: Path, work: Path) -> Path:
    generated = work / "generated"
    if generated.exists():
        shutil.rmtree(generated)
    build_icons(generated / "icons")
    lgpl = {"LGPL-3.0.txt": (TEXTS / "LGPL-3.0.txt").read_text(encoding="utf-8"),
            "GPL-3.0.txt": (TEXTS / "GPL-3.0.txt").read_text(encoding="utf-8")}
    # the PySide6 and shiboken6 wheels carry no licence file; their metadata names LGPL-3.0
    entries = write_licences(generated / "licences", extra_licences(), fallback={"LGPL-3.0": lgpl})
    print(f"licences: {len(entries)} components")
    env = {**os.environ, "INDUCCI_BUILD_GENERATED": str(generated), "INDUCCI_VERSION": __version__}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
                    str(ROOT / "packaging" / "inducci-desktop.spec")], check=True, env=env, cwd=ROOT)
    return dist / APP_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder (default build/)")
    parser.add_argument("--deb", action="store_true", help="also build the Debian package (Linux)")
    parser.add_argument("--deb-compression", choices=("xz", "gzip"), default="xz",
                        help="xz (smaller, default) or gzip (several times faster, for tests)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons are drawn without a display
    started = time.monotonic()
    folder = build(args.dist.resolve(), args.work.resolve())
    frozen_seconds = time.monotonic() - started
    size = folder_size(folder)
    packed = compressed_size(folder, args.work.resolve())
    print(f"frozen app: {folder}")
    print(f"size: {size / 1e6:.1f} MB unpacked, {packed / 1e6:.1f} MB as .tar.gz; built in {frozen_seconds:.0f} s")
    if args.deb:
        from deb import build_deb

        deb_started = time.monotonic()
        package = build_deb(folder, args.dist.resolve(), args.work.resolve() / "deb", args.deb_compression)
        print(f"deb: {package} ({package.stat().st_size / 1e6:.1f} MB) in {time.monotonic() - deb_started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
