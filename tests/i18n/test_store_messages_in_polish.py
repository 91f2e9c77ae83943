"""The store's and the input files' messages reach a Polish user in Polish: a database of a newer version, a
backup id that names nothing, a Markdown file that is not there (through the command line, as a person runs it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inducci_desktop.app import run
from inducci_desktop.paths import AppPaths
from inducci_desktop.store.database import Store


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["--lang", "pl", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _flat(text: str) -> str:
    return " ".join(text.split())


def make_db(data: Path) -> AppPaths:
    paths = AppPaths.resolve(data)
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open()
    store.close()
    return paths


def test_a_database_of_a_newer_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = make_db(tmp_path / "data")
    with sqlite3.connect(paths.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = paths.database.read_bytes()
    code, _out, err = cli(capsys, "--data-dir", str(tmp_path / "data"), "list", "workshops")
    said = _flat(err)
    assert code == 3 and "Traceback" not in err
    assert "nowszą wersję InduCCI Desktop (schemat 9999" in said and "folder danych" in said
    assert "was written by a newer version" not in said and "Install the newer version" not in said
    assert paths.database.read_bytes() == before  # nothing written


def test_restoring_a_backup_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_db(tmp_path / "data")
    code, _out, err = cli(capsys, "--data-dir", str(tmp_path / "data"), "backup", "restore", "nie-ma-takiej")
    said = _flat(err)
    assert code == 2 and "Traceback" not in err
    assert "nie ma kopii zapasowej o nazwie 'nie-ma-takiej'" in said
    assert "There is no backup called" not in said and "shows the backups there are" not in said


def test_printing_a_markdown_file_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "notatki-śląskie.md"
    target = tmp_path / "notatki.pdf"
    code, _out, err = cli(capsys, "--data-dir", str(tmp_path / "data"), "print", "file", str(missing),
                          "-o", str(target))
    said = _flat(err)
    assert code != 0 and "Traceback" not in err
    assert f"Nie można odczytać pliku Markdown {missing}: plik nie istnieje." in said
    assert "cannot be read" not in said and "does not exist" not in said
    assert not target.exists()


def test_a_file_too_large_gives_its_size_in_polish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "duże.md"
    notes.write_bytes(b"# Notatki\n" + b"x" * 6_000_000)
    code, _out, err = cli(capsys, "--data-dir", str(tmp_path / "data"), "print", "file", str(notes),
                          "-o", str(tmp_path / "n.pdf"))
    said = _flat(err)
    assert code != 0 and "Traceback" not in err
    assert f"Plik Markdown {notes} ma rozmiar 6 MB; można odczytać najwyżej" in said
    assert "at most" not in said
