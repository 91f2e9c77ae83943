"""Your name: per machine (a JSON file in the data folder), the login name until one is set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inducci_desktop.services import identity
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.identity import Identity, current_name, login_name


def test_the_login_name_until_a_name_is_set(tmp_path: Path) -> None:
    me = Identity(tmp_path)
    assert me.stored() == "" and me.name() == login_name() == current_name(tmp_path)
    assert me.set_name("  Małgorzata   Wójcik ") == "Małgorzata Wójcik"
    assert json.loads((tmp_path / identity.FILE_NAME).read_text(encoding="utf-8"))["name"] == "Małgorzata Wójcik"
    assert current_name(tmp_path) == "Małgorzata Wójcik"
    assert me.set_name("") == login_name()


def test_bad_names_are_refused_and_change_nothing(tmp_path: Path) -> None:
    me = Identity(tmp_path)
    me.set_name("Jürgen Groß")
    with pytest.raises(ValidationError, match="at most 120"):
        me.set_name("x" * 121)
    with pytest.raises(ValidationError, match="Your name contains"):
        me.set_name("Jürgen\x00")
    assert me.name() == "Jürgen Groß"


def test_an_unreadable_file_falls_back_to_the_login_name(tmp_path: Path) -> None:
    (tmp_path / identity.FILE_NAME).write_text("{not json", encoding="utf-8")
    assert Identity(tmp_path).name() == login_name()
