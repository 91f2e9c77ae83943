"""Help → About: versions of the app and its libraries, and the licences of everything it carries."""

from __future__ import annotations

import html
import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from inducci_desktop import APP_NAME, __version__
from inducci_desktop.domain.i18n import _
from inducci_desktop.licences import bundled_folder, components
from inducci_desktop.ui.app_icon import app_icon


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return _("not installed")


def about_text() -> str:
    rows = [
        f"<h3>{APP_NAME} {__version__}</h3>",
        _("<p>The InduCCI e-Toolbox offline: guides, cases, formats and checklists for fostering Cultural "
        "and Creative Industries in industrial regions, with workshops and printing.</p>"),
        _("<p>InduCCI was an Interreg Central Europe project (2019–2022).</p>"),
        "<table>",
        _("<tr><td>Python</td><td>{split} ({system})</td></tr>")
            .format(split=sys.version.split()[0], system=platform.system()),
        f"<tr><td>Qt</td><td>{qVersion()}</td></tr>",
        f"<tr><td>PySide6</td><td>{pyside_version}</td></tr>",
        f"<tr><td>SQLAlchemy</td><td>{_version('SQLAlchemy')}</td></tr>",
        f"<tr><td>Alembic</td><td>{_version('alembic')}</td></tr>",
        f"<tr><td>ReportLab</td><td>{_version('reportlab')}</td></tr>",
        _("</table><p><b>Licences</b> of the components it contains</p><table>"),
        *(f"<tr><td>{html.escape(c.name)} {html.escape(c.version)}</td><td>{html.escape(c.licence)}</td></tr>"
          for c in components()),
        "</table>",
        f"<p>{where_texts()}</p>",
    ]
    return "".join(rows)


def where_texts() -> str:
    folder = bundled_folder()
    if folder is not None:
        return _("The full licence texts are in {escape}.").format(escape=html.escape(str(folder)))
    return _("The full licence texts come with each installed package (its dist-info folder).")


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon, _("About {APP_NAME}")
        .format(APP_NAME=APP_NAME), about_text(), QMessageBox.StandardButton.Ok,
                      parent)
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.open()
    return box
