"""The welcome page greets a new data folder only: a folder that already holds data (an upgrade, or one
filled by `inducci-desktop demo`) opens on the Library; a welcome left without an answer comes back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inducci_desktop.app import main as app_main


def test_a_folder_with_data_opens_on_the_library(launch: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert app_main(["--data-dir", str(data), "demo"]) == 0
    app = launch(data)
    assert app.window.welcome is None
    assert app.window.stack.currentWidget() is app.window.pages["library"]


def test_an_unanswered_welcome_is_shown_again(launch: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = launch(data)
    assert first.window.welcome is not None
    first.shutdown()
    again = launch(data)
    assert again.window.welcome is not None and again.window.stack.currentWidget() is again.window.welcome
