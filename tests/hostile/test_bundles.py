"""Hostile bundles through the command line: each is refused with exit code 2 and a message naming the
problem (no traceback), the database unchanged and no backup left behind — by the real import and by the
dry run. The bundles are made by tests/hostile/bundles/make.py from the 0.1.0 demo bundle."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from inducci_desktop.app import run
from tests.hostile.bundles.make import CASES, FIXTURE, write_case
from tests.services.exchange_helpers import dump, folder


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder with data of its own (a region, the content) that every hostile import must leave alone."""
    root = tmp_path_factory.mktemp("receiver")
    with folder(root) as services:
        services.regions.add("Mazowieckie", country="Poland")
    assert run(["--data-dir", str(root), "list", "workshops"]) == 0  # takes the day's automatic backup
    yield root


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def import_bundle(capsys: pytest.CaptureFixture[str], data: Path, bundle: Path, *extra: str) -> tuple[int, str]:
    code = run(["--data-dir", str(data), "import", str(bundle), *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
def test_a_hostile_bundle_is_refused_and_changes_nothing(name: str, dry_run: bool, receiver: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    bundle = write_case(name, tmp_path)
    database, backups = receiver / "inducci.sqlite3", receiver / "backups"
    before, backups_before = dump(database), files(backups)
    code, err = import_bundle(capsys, receiver, bundle, *(["--dry-run"] if dry_run else []))
    assert code == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    for expected in CASES[name].expected:
        assert expected in err, f"{expected!r} not in {err!r}"
    assert dump(database) == before
    assert files(backups) == backups_before  # no pre-import backup left behind


def test_the_unspoiled_0_1_0_bundle_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The control: the bundle the hostile cases are made from is accepted, so each refusal is its own fault."""
    bundle = shutil.copyfile(FIXTURE, tmp_path / "demo.inducci")
    code, err = import_bundle(capsys, tmp_path / "data", bundle)
    assert code == 0, err
    conn_dump = dump(tmp_path / "data" / "inducci.sqlite3")
    assert len(conn_dump["workshops"]) == 1 and len(conn_dump["assessment_answers"]) == 36
    assert len(conn_dump["workshop_participants"]) == 10 and len(conn_dump["regions"]) == 2
