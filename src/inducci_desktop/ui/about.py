"""Help → About: versions of the app and its libraries, and their licences."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from inducci_desktop import APP_NAME, __version__

LICENCES = (
    ("PySide6 / Qt", "LGPL-3.0"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("ReportLab", "BSD"),
    ("PyYAML, markdown-it-py, pydantic, platformdirs", "MIT"),
    ("DejaVu fonts", "Bitstream Vera licence (free)"),
)


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def about_text() -> str:
    rows = [
        f"<h3>{APP_NAME} {__version__}</h3>",
        "<p>The InduCCI e-Toolbox offline: guides, cases, formats and checklists for fostering Cultural "
        "and Creative Industries in industrial regions, with workshops and printing.</p>",
        "<p>InduCCI was an Interreg Central Europe project (2019–2022).</p>",
        "<table>",
        f"<tr><td>Python</td><td>{sys.version.split()[0]} ({platform.system()})</td></tr>",
        f"<tr><td>Qt</td><td>{qVersion()}</td></tr>",
        f"<tr><td>PySide6</td><td>{pyside_version}</td></tr>",
        f"<tr><td>SQLAlchemy</td><td>{_version('SQLAlchemy')}</td></tr>",
        f"<tr><td>Alembic</td><td>{_version('alembic')}</td></tr>",
        f"<tr><td>ReportLab</td><td>{_version('reportlab')}</td></tr>",
        "</table><p><b>Licences</b></p><table>",
        *(f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in LICENCES),
        "</table>",
    ]
    return "".join(rows)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text())
