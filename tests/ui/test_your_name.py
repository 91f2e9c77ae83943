"""Your name in Settings, as a person sets it: typed into the field, recorded with the changes made afterwards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from inducci_desktop.services.identity import Identity, login_name

from .conftest import type_text

LEFT = Qt.MouseButton.LeftButton


def test_your_name_is_kept_on_this_machine_and_recorded_with_every_change(launch: Any, qtbot: Any) -> None:
    app = launch()
    window = app.window
    nav = window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "settings")
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())
    field = window.settings_page.name_edit
    assert field.isVisible() and field.text() == "" and login_name() in field.placeholderText()

    qtbot.mouseClick(field, LEFT)
    type_text(field, "Zuzana Nováková")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert Identity(app.services.paths.data_dir).stored() == "Zuzana Nováková"
    assert "Zuzana Nováková" in window.settings_page.name_note.text()

    # the next change records the name
    region = app.services.regions.add("Liberecký kraj")
    from sqlalchemy import select

    from inducci_desktop.store.models import Region

    with app.services.store.db.reading() as session:
        assert session.execute(select(Region.changed_by).where(Region.id == region.id)).scalar() == "Zuzana Nováková"
