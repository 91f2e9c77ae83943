"""The coordinator's journey, driven only through real input: import the bundles two regions sent (File ▸
Import Bundle…, the preview's Apply), compare the regions (Checklists ▸ By region…), export the checklist matrix
as an XLSX workbook (Exchange ▸ Tables for spreadsheets) and read it back.

The two bundles are made beforehand by the colleagues' own data folders through the command line; the file
choosers are answered by replacing QFileDialog's static functions (the one thing a person answers in a system
dialog), everything else is clicked or typed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from inducci_desktop.app import main as cli
from inducci_desktop.domain.i18n import _
from inducci_desktop.ui.pages.checklists.page import ChecklistsPage
from inducci_desktop.ui.pages.checklists.regions import RegionOverviewDialog
from inducci_desktop.ui.pages.exchange.page import ExchangePage
from inducci_desktop.ui.pages.exchange.preview import ImportPreviewDialog

from ..pseudo_locale import CODE
from ..ui.conftest import Dialogs
from ..ui.gui_input import choose_data
from .journey import LEFT, Journey, message_in_catalog, said

# in English and in the pseudo-locale (tests/pseudo_locale.py): there, every page and dialog the coordinator
# meets is checked for text that escaped translation or no longer fits, and every message box for its words
pytestmark = pytest.mark.parametrize("interface", ["en", CODE], indirect=True)

TEMPLATE = "checklist-regional-status-quo"


def silesia_bundle(folder: Path, out: Path) -> Path:
    """The Silesian official's laptop: the example data (two rounds for Śląskie), exported whole."""
    assert cli(["--data-dir", str(folder), "demo"]) == 0
    assert cli(["--data-dir", str(folder), "export", "--all", "-o", str(out)]) == 0
    return out


GORENJSKA = """
import sys
from inducci_desktop.bootstrap import open_services
from inducci_desktop.paths import AppPaths
folder, template = sys.argv[1], sys.argv[2]
with open_services(AppPaths.resolve(folder)) as services:
    services.prepare()
    region = services.regions.add("Gorenjska")
    made = services.checklists.create(template, "Gorenjska – stanje 2026", region_id=region.id,
                                      assessor="Urška Kranjc", assessed_on="2026-05-04")
    for section in services.checklists.get(made.id).template.sections:
        for item in section.items:
            first = item.options[0].key if item.options else None
            value = {"ynp": "partly", "scale": 3, "choice": first, "multi": [first] if first else None,
                     "text": "Kranj, Škofja Loka", "longtext": "Mreža kreativcev v Gorenjski.", "number": 7,
                     "date": "2026-05-01"}[item.type]
            services.checklists.set_answer(made.id, item.key, value)
    services.checklists.complete(made.id)
    print(made.id)
"""


def gorenjska_bundle(folder: Path, out: Path) -> Path:
    """The Gorenjska official's laptop (its own process): its region and one completed assessment of the same
    checklist, exported."""
    assert cli(["--data-dir", str(folder), "db", "upgrade"]) == 0
    made = subprocess.run([sys.executable, "-c", GORENJSKA, str(folder), TEMPLATE], capture_output=True, text=True,
                          check=True).stdout.split()[-1]
    assert cli(["--data-dir", str(folder), "export", "--assessments", made, "-o", str(out)]) == 0
    return out


def import_through_the_file_menu(journey: Journey, qtbot: Any, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs,
                                 bundle: Path) -> None:
    """File ▸ Import Bundle… (Ctrl+O), the file chosen, the preview answered with Apply, the result confirmed."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(bundle), "")))
    window = journey.running.window
    shown_before = len(dialogs.shown)
    window.activateWindow()  # the keys go to the window in front (a closed dialog may have left it inactive)
    qtbot.waitUntil(window.isActiveWindow)
    previous = getattr(journey.page("exchange"), "preview_dialog", None)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    page = journey.page("exchange")
    assert isinstance(page, ExchangePage)
    def previewed() -> bool:
        dialog = getattr(page, "preview_dialog", None)
        return isinstance(dialog, ImportPreviewDialog) and dialog is not previous and dialog.isVisible()

    qtbot.waitUntil(lambda: previewed() or len(dialogs.shown) > shown_before, timeout=20000)
    assert len(dialogs.shown) == shown_before, dialogs.shown[-1]
    preview = page.preview_dialog
    assert bundle.name in preview.windowTitle()
    assert preview.apply_button.isEnabled()
    journey.look(preview)
    qtbot.mouseClick(preview.apply_button, LEFT)
    qtbot.waitUntil(lambda: len(dialogs.shown) > shown_before, timeout=20000)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("information", _("Imported")), dialogs.shown[-1]
    assert said("Imported: {added} added, {updated} updated, {unchanged} unchanged", text), text
    message_in_catalog(dialogs.shown[-1])


def test_coordinator_imports_two_regions_compares_them_and_exports_the_matrix(
        journey: Journey, dialogs: Dialogs, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    silesia = silesia_bundle(tmp_path / "silesia", tmp_path / "silesia.inducci")
    gorenjska = gorenjska_bundle(tmp_path / "gorenjska", tmp_path / "gorenjska.inducci")

    journey.start()
    import_through_the_file_menu(journey, qtbot, monkeypatch, dialogs, silesia)
    import_through_the_file_menu(journey, qtbot, monkeypatch, dialogs, gorenjska)
    regions = {r.name for r in journey.services.regions.list()}
    assert {"Gorenjska"} <= regions and any(name.startswith("Śląskie") for name in regions)

    # compare the regions: Checklists ▸ By region…
    page = journey.go_to("checklists")
    assert isinstance(page, ChecklistsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 3, timeout=10000)
    qtbot.mouseClick(page.regions_button, LEFT)
    qtbot.waitUntil(lambda: bool(page.findChildren(RegionOverviewDialog)), timeout=10000)
    overview = page.findChildren(RegionOverviewDialog)[-1]
    qtbot.waitUntil(overview.isVisible)
    choose_data(qtbot, overview.template_combo, TEMPLATE)
    headers = " ".join(overview.table.horizontalHeaderItem(c).text() for c in range(overview.table.columnCount()))
    assert "Gorenjska" in headers and "Śląskie" in headers, headers
    journey.look(overview)
    close = overview.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, LEFT)
    qtbot.waitUntil(lambda: not overview.isVisible())
    assert overview.result() == QDialog.DialogCode.Rejected

    # the checklist matrix as XLSX: Exchange ▸ Tables for spreadsheets
    exchange = journey.go_to("exchange")
    assert isinstance(exchange, ExchangePage)
    for combo, wanted in ((exchange.table_kind, "matrix"), (exchange.table_format, ".xlsx"),
                          (exchange.table_template, TEMPLATE)):
        choose_data(qtbot, combo, wanted)
        assert combo.currentData() == wanted
    journey.look(exchange)
    target = tmp_path / "out" / "matrix.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))
    shown_before = len(dialogs.shown)
    qtbot.mouseClick(exchange.table_button, LEFT)
    qtbot.waitUntil(lambda: len(dialogs.shown) > shown_before, timeout=20000)
    assert dialogs.shown[-1][:2] == ("information", _("Table written")), dialogs.shown[-1]
    message_in_catalog(dialogs.shown[-1])
    sheet = openpyxl.load_workbook(target, read_only=True).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    flat = " ".join(str(cell) for row in rows for cell in row if cell is not None)
    assert "Gorenjska" in flat and "Śląskie" in flat
    assert "Kranj, Škofja Loka" in flat  # the answers came across with the bundle
