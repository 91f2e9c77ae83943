# ruff: noqa: F811 (the fixtures imported from tests/memory_keyring.py and tests/pg_tls.py are parameters here)
"""Settings → Shared database as a person uses it: choose the server, type the fields, pick the CA file (the file
dialog answered by replacing ``choose_ca_file``), Test connection (by the button and by Enter) against a real
PostgreSQL server with TLS, Save; bad input gets its message beside the field and nothing is saved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton
from sqlalchemy.engine import make_url

from inducci_desktop.services import shared_database as sd
from inducci_desktop.ui.pages.settings import shared_database as panel_module

from ..memory_keyring import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401 (fixtures)
from ..pg_tls import OWNER_PASSWORD, TlsCluster, tls_cluster  # noqa: F401 (the fixture)
from .conftest import type_text
from .gui_input import choose_data

LEFT = Qt.MouseButton.LeftButton
NAME = "Łukasz Żółkiewski"


def open_settings(app: Any, qtbot: Any) -> Any:
    nav = app.window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "settings")
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())
    panel = app.window.settings_page.shared_database
    panel.window().activateWindow()
    return panel


def retype(qtbot: Any, field: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, as a person does (Ctrl+A, then the text)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    type_text(field, text)


def click_radio(qtbot: Any, radio: QRadioButton) -> None:
    """Click the radio's round indicator (the centre of a wide radio button is empty space beside its text)."""
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))


def answer_ca_dialog(monkeypatch: pytest.MonkeyPatch, chosen: Path | None) -> None:
    monkeypatch.setattr(panel_module, "choose_ca_file", lambda _parent: chosen)


def wait_for_result(qtbot: Any, panel: Any) -> str:
    qtbot.waitUntil(lambda: panel.result.text() and not panel.result.text().startswith("Testing")
                    and panel.test_button.isEnabled(), timeout=20000)
    return str(panel.result.text())


def test_test_connection_and_save_against_a_tls_server(launch: Any, qtbot: Any, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, tls_cluster: TlsCluster,
                                                        memory_keyring: MemoryKeyring) -> None:
    app = launch()
    panel = open_settings(app, qtbot)
    assert panel.local_radio.isChecked() and not panel.fields.isEnabled() and not panel.test_button.isEnabled()
    assert "kept in this computer's keyring" in panel.keyring_note.text()

    click_radio(qtbot, panel.shared_radio)
    assert panel.fields.isEnabled()
    retype(qtbot, panel.host, tls_cluster.host)
    retype(qtbot, panel.port, str(tls_cluster.port))
    assert panel.database.text() == "inducci" and panel.user.text() == "inducci"
    panel.password.setFocus()
    type_text(panel.password, OWNER_PASSWORD)
    assert panel.sslmode.currentData() == "verify-full"
    answer_ca_dialog(monkeypatch, tls_cluster.wrong_ca_file)
    qtbot.mouseClick(panel.choose_ca, LEFT)
    assert panel.ca_file.text() == str(tls_cluster.wrong_ca_file)

    qtbot.mouseClick(panel.test_button, LEFT)
    result = wait_for_result(qtbot, panel)
    assert "not signed by the CA file" in result and str(tls_cluster.wrong_ca_file) in result

    answer_ca_dialog(monkeypatch, tls_cluster.ca_file)
    qtbot.mouseClick(panel.choose_ca, LEFT)
    panel.result.clear()
    qtbot.keyClick(panel.host, Qt.Key.Key_Return)  # Enter tests
    result = wait_for_result(qtbot, panel)
    assert result.startswith("Connected to PostgreSQL")
    assert "certificate and name were checked" in result and "no InduCCI Desktop data yet" in result
    assert not (app.services.paths.data_dir / sd.FILE_NAME).exists()  # testing saves nothing

    qtbot.mouseClick(panel.save_button, LEFT)
    assert "from its next start" in panel.result.text() and "Restart InduCCI Desktop to switch" in panel.result.text()
    assert panel.password.text() == "" and "Kept in the keyring" in panel.password.placeholderText()
    saved = app.services.paths.data_dir / sd.FILE_NAME
    assert OWNER_PASSWORD not in saved.read_text(encoding="utf-8")
    assert "display_name" not in json.loads(saved.read_text(encoding="utf-8"))
    url = make_url(sd.saved_url(app.services.paths.data_dir) or "")
    assert (url.host, url.port, url.password) == (tls_cluster.host, tls_cluster.port, OWNER_PASSWORD)
    assert dict(url.query) == {"sslmode": "verify-full", "sslrootcert": str(tls_cluster.ca_file)}

    # back to the local database: the fields stay for later, the start-up URL is gone
    click_radio(qtbot, panel.local_radio)
    qtbot.mouseClick(panel.save_button, LEFT)
    assert "uses the local database on this computer from its next start" in panel.result.text()
    assert sd.saved_url(app.services.paths.data_dir) is None
    assert panel.host.text() == tls_cluster.host


def test_bad_input_is_named_beside_the_field_and_nothing_is_saved(launch: Any, qtbot: Any, tmp_path: Path,
                                                                  memory_keyring: MemoryKeyring) -> None:
    app = launch()
    panel = open_settings(app, qtbot)
    saved = app.services.paths.data_dir / sd.FILE_NAME
    click_radio(qtbot, panel.shared_radio)
    retype(qtbot, panel.port, "54x2")
    qtbot.mouseClick(panel.save_button, LEFT)
    assert panel.errors["port"].isVisible() and "must be a number" in panel.errors["port"].text()
    assert not saved.exists()

    retype(qtbot, panel.port, "5432")
    retype(qtbot, panel.ca_file, str(tmp_path / "no-such-ca.crt"))
    panel.password.setFocus()
    type_text(panel.password, "secret")
    qtbot.mouseClick(panel.save_button, LEFT)
    assert not panel.errors["port"].isVisible()
    assert panel.errors["host"].isVisible() and "Server is empty" in panel.errors["host"].text()
    assert panel.errors["ca_file"].isVisible() and "no-such-ca.crt" in panel.errors["ca_file"].text()
    assert "display_name" not in panel.errors
    assert "Not saved" in panel.result.text()
    assert not saved.exists() and memory_keyring.entries == {}

    # Enter on bad input tests nothing and says why
    qtbot.keyClick(panel.host, Qt.Key.Key_Return)
    assert "Correct the fields marked" in panel.result.text()


def test_fields_in_tab_order(launch: Any, qtbot: Any, memory_keyring: MemoryKeyring) -> None:
    app = launch()
    panel = open_settings(app, qtbot)
    click_radio(qtbot, panel.shared_radio)
    panel.host.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.host)
    seen = []
    for _step in range(10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [panel.port, panel.database, panel.user, panel.password, panel.ask_password, panel.sslmode,
                    panel.ca_file, panel.choose_ca, panel.test_button, panel.save_button]


def test_without_a_keyring_the_password_is_asked_at_each_start(launch: Any, qtbot: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               no_keyring: None) -> None:
    ca = tmp_path / "office-ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    app = launch()
    panel = open_settings(app, qtbot)
    assert "No keyring is available" in panel.keyring_note.text()
    assert "asked for at each start" in panel.keyring_note.text()
    assert panel.ask_password.isChecked() and not panel.ask_password.isEnabled()

    click_radio(qtbot, panel.shared_radio)
    retype(qtbot, panel.host, "db.agency.example")
    panel.password.setFocus()
    type_text(panel.password, "never-stored")
    answer_ca_dialog(monkeypatch, ca)
    qtbot.mouseClick(panel.choose_ca, LEFT)
    qtbot.mouseClick(panel.save_button, LEFT)
    assert "Restart InduCCI Desktop to switch" in panel.result.text()
    saved = app.services.paths.data_dir / sd.FILE_NAME
    assert "never-stored" not in saved.read_text(encoding="utf-8")
    with pytest.raises(sd.PasswordRequired):
        sd.saved_url(app.services.paths.data_dir)


def test_every_field_label_shows_its_shortcut_and_takes_the_focus_there(launch: Any, qtbot: Any,
                                                                       memory_keyring: MemoryKeyring) -> None:
    app = launch()
    panel = open_settings(app, qtbot)
    click_radio(qtbot, panel.shared_radio)
    from PySide6.QtWidgets import QLabel

    labels = [label for label in panel.findChildren(QLabel) if "&" in label.text() and label.isVisible()]
    assert labels and all(label.buddy() is not None for label in labels)  # no "&" shown as it is
    ca_label = next(label for label in labels if label.buddy() is panel.ca_file)
    assert ca_label.text() == "&CA file:"
    panel.host.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.host)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.ca_file)


def test_one_name_typed_in_the_data_section_is_the_one_the_shared_database_section_shows(
        launch: Any, qtbot: Any, memory_keyring: MemoryKeyring) -> None:
    app = launch()
    panel = open_settings(app, qtbot)
    page = app.window.settings_page
    # one field for the name in all of Settings: the shared database section has none of its own
    named = [edit for edit in page.findChildren(QLineEdit) if "your name" in edit.accessibleName().lower()]
    assert named == [page.name_edit]
    retype(qtbot, page.name_edit, NAME)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Tab)
    assert app.services.identity.name() == NAME
    assert panel.name_note.text().startswith(NAME) and "Data" in panel.name_note.text()

    click_radio(qtbot, panel.shared_radio)
    retype(qtbot, panel.host, "db.agency.example")
    retype(qtbot, panel.port, "5432")
    choose_data(qtbot, panel.sslmode, "require")
    panel.password.setFocus()
    type_text(panel.password, "secret")
    qtbot.mouseClick(panel.save_button, LEFT)
    assert "from its next start" in panel.result.text()  # no name asked for: saved
    saved = json.loads((app.services.paths.data_dir / sd.FILE_NAME).read_text(encoding="utf-8"))
    assert saved["host"] == "db.agency.example" and "display_name" not in saved


def test_a_name_an_earlier_version_kept_with_the_shared_database_becomes_your_name(
        launch: Any, qtbot: Any, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / sd.FILE_NAME).write_text(json.dumps({
        "version": 1, "enabled": False, "host": "db.agency.example", "port": 5432, "database": "inducci",
        "user": "inducci", "sslmode": "require", "ca_file": "", "display_name": NAME, "ask_password": False}),
        encoding="utf-8")
    app = launch(data)
    panel = open_settings(app, qtbot)
    page = app.window.settings_page
    assert page.name_edit.text() == NAME and app.services.identity.name() == NAME
    assert panel.host.text() == "db.agency.example" and panel.name_note.text().startswith(NAME)
    assert "display_name" not in json.loads((data / sd.FILE_NAME).read_text(encoding="utf-8"))
