"""Renders the app icon (resources/icons/app/inducci-desktop.svg) to the PNG sizes each platform needs,
plus a Windows .ico and a macOS .icns (both are containers of PNGs, written here without extra tools)."""

from __future__ import annotations

import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app" / "inducci-desktop.svg"
#: hicolor theme sizes (Linux); Windows takes 16–256 in the .ico, macOS 16–1024 in the .icns
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_pngs(target: Path, sizes: tuple[int, ...] = (*PNG_SIZES, 1024)) -> dict[int, Path]:
    """Draw the SVG at every size with Qt's SVG renderer; returns size → PNG file."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    target.mkdir(parents=True, exist_ok=True)
    written: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        path = target / f"inducci-desktop-{size}.png"
        path.write_bytes(bytes(data.data()))
        written[size] = path
    return written


def write_ico(pngs: dict[int, Path], target: Path) -> None:
    """A Windows icon with PNG-compressed entries (supported since Windows Vista)."""
    sizes = [size for size in ICO_SIZES if size in pngs]
    blobs = [pngs[size].read_bytes() for size in sizes]
    offset = 6 + 16 * len(sizes)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    entries = b""
    for size, blob in zip(sizes, blobs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))


def write_icns(pngs: dict[int, Path], target: Path) -> None:
    """A macOS icon family of PNG entries."""
    chunks = b""
    for size, kind in ICNS_TYPES.items():
        if size in pngs:
            blob = pngs[size].read_bytes()
            chunks += kind + struct.pack(">I", 8 + len(blob)) + blob
    target.write_bytes(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)


def build_icons(target: Path) -> dict[int, Path]:
    pngs = render_pngs(target)
    write_ico(pngs, target / "inducci-desktop.ico")
    write_icns(pngs, target / "inducci-desktop.icns")
    return pngs


if __name__ == "__main__":
    for size, path in build_icons(ROOT / "build" / "generated" / "icons").items():
        print(size, path)
