"""ui-state.json: an older file is upgraded (a copy kept first), a newer one left untouched."""

from __future__ import annotations

import json
from pathlib import Path

from inducci_desktop.ui.ui_state import DOCUMENTS_FOLDER, VERSION, UiState


def test_a_version_1_file_is_upgraded_and_kept_as_a_copy(tmp_path: Path) -> None:
    old = {"version": 1, "theme": "dark", "geometry": "AdnQywAD", "print_center.folder": "/home/józef/Wydruki",
           "checklists.print_folder": "/elsewhere"}
    (tmp_path / "ui-state.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    state = UiState(tmp_path)
    assert state.get("theme") == "dark" and state.get("geometry") == "AdnQywAD"
    assert state.get(DOCUMENTS_FOLDER) == "/home/józef/Wydruki"
    saved = json.loads((tmp_path / "ui-state.json").read_text(encoding="utf-8"))
    assert saved["version"] == VERSION == 2 and saved[DOCUMENTS_FOLDER] == "/home/józef/Wydruki"
    assert "print_center.folder" not in saved and "checklists.print_folder" not in saved
    assert json.loads((tmp_path / "ui-state.v1.json").read_text(encoding="utf-8")) == old
    assert UiState(tmp_path).get("theme") == "dark"  # read again: current, nothing more to do


def test_a_newer_file_is_left_untouched_and_defaults_used(tmp_path: Path) -> None:
    newer = '{"version": 99, "theme": "sepia", "something": [1, 2]}'
    (tmp_path / "ui-state.json").write_text(newer, encoding="utf-8")
    state = UiState(tmp_path)
    assert state.get("theme") is None and not state.writable
    state.set("theme", "dark")
    assert state.get("theme") == "dark"  # for this session
    assert (tmp_path / "ui-state.json").read_text(encoding="utf-8") == newer
    assert not list(tmp_path.glob("ui-state.v*.json"))
