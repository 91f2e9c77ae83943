"""Exchange commands: export/import between two data folders, dry run, bad bundles (exit 2), tables."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from inducci_desktop.app import run
from tests.services.exchange_helpers import dump


def cli(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_import_dry_run_and_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, bundle = tmp_path / "a", tmp_path / "b", tmp_path / "work.inducci"
    assert cli(capsys, a, "demo")[0] == 0
    code, out, err = cli(capsys, a, "export", "--all", "-o", str(bundle))
    assert code == 0 and "2 assessments" in out and "without participants' personal data" in out, err
    assert cli(capsys, b, "db", "upgrade")[0] == 0
    before = dump(b / "inducci.sqlite3")
    code, out, _ = cli(capsys, b, "import", str(bundle), "--dry-run")
    assert code == 0 and "would add: 2 regions, 2 assessments" in out and "nothing was changed" in out
    assert dump(b / "inducci.sqlite3") == before
    code, out, _ = cli(capsys, b, "import", str(bundle))
    assert code == 0 and out.splitlines()[1].startswith("added: 2 regions, 2 assessments")
    code, out, _ = cli(capsys, b, "import", str(bundle))
    assert code == 0 and "nothing new" in out and "added" not in out

    code, out, _ = cli(capsys, b, "list", "assessments", "--json")
    ids = [line for line in out.split('"id": "')[1:]]
    first = ids[0].split('"')[0]
    code, out, _ = cli(capsys, b, "export", "--assessments", first, "-o", str(tmp_path / "one.inducci"))
    assert code == 0 and "1 assessments" in out


def test_conflicts_are_listed_kept_open_and_resolved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    cli(capsys, a, "demo")
    cli(capsys, a, "export", "--all", "-o", str(tmp_path / "old.inducci"))
    cli(capsys, b, "import", str(tmp_path / "old.inducci"))
    from tests.services.exchange_helpers import folder

    for root, value in ((b, "na"), (a, "partly")):  # the same answer changed on both machines
        with folder(root) as services:
            draft = next(s.id for s in services.checklists.list() if s.status == "draft")
            view = services.checklists.get(draft)
            key = next(i.key for s in view.template.sections for i in s.items if i.type == "ynp")
            services.checklists.set_answer(draft, key, value)
    cli(capsys, a, "export", "--all", "-o", str(tmp_path / "new.inducci"))
    code, out, _ = cli(capsys, b, "import", str(tmp_path / "new.inducci"))
    assert code == 0 and "conflict: answer" in out and f"item {key}" in out and "kept open" in out
    code, out, _ = cli(capsys, b, "conflicts", "list")
    assert code == 0 and "value: mine 'na' | theirs 'partly'" in out and "mine: this data folder" in out
    ident = out.split()[0]
    code, out, _ = cli(capsys, b, "conflicts", "resolve", ident, "--keep", "theirs")
    assert code == 0 and "keeps theirs" in out
    with folder(b) as services:
        assert services.checklists.get(draft).value(key) == "partly"
    assert "no open conflicts" in cli(capsys, b, "conflicts", "list")[1]
    assert "'na'" in cli(capsys, b, "conflicts", "list", "--resolved")[1]  # the losing version is kept
    code, _, err = cli(capsys, b, "conflicts", "resolve", "nonexistent", "--keep", "mine")
    assert code == 2 and "no conflict" in err


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04truncated"])
def test_bad_bundle_exit_2_and_database_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  content: bytes) -> None:
    data = tmp_path / "data"
    cli(capsys, data, "demo")
    before = dump(data / "inducci.sqlite3")
    bad = tmp_path / "bad.inducci"
    bad.write_bytes(content)
    code, out, err = cli(capsys, data, "import", str(bad))
    assert code == 2 and err.startswith("error: bad.inducci") and out == ""
    assert dump(data / "inducci.sqlite3") == before
    code, _, err = cli(capsys, data, "import", str(tmp_path / "missing.inducci"))
    assert code == 2 and "cannot be read" in err


def test_export_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, _, err = cli(capsys, data, "export", "--assessments", "nope", "-o", str(tmp_path / "x.inducci"))
    assert code == 2 and "no assessment with id 'nope'" in err
    code, _, err = cli(capsys, data, "export", "-o", str(tmp_path / "x.inducci"))
    assert code == 2 and "Choose something" in err
    code, _, err = cli(capsys, data, "export", "--all", "-o", str(tmp_path / "no" / "x.inducci"))
    assert code == 2 and "does not exist" in err
    assert not list(tmp_path.glob("*.inducci*"))


def test_export_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    cli(capsys, data, "demo")
    for table in ("answers", "matrix", "attendance", "feedback"):
        for suffix in (".csv", ".xlsx"):
            target = tmp_path / f"{table}{suffix}"
            code, out, err = cli(capsys, data, "export-table", table, "-o", str(target))
            assert code == 0 and f"wrote {target}" in out, err
    raw = (tmp_path / "answers.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Assessment ID", "Assessment", "Region"] and len(rows) > 30
    assert any(r[2] == "Śląskie (Silesia)" for r in rows[1:])
    code, _, err = cli(capsys, data, "export-table", "answers", "-o", str(tmp_path / "answers.ods"))
    assert code == 2 and "error:" in err and ".csv or .xlsx" in err
    code, _, err = cli(capsys, data, "export-table", "matrix", "--template", "nope", "-o",
                       str(tmp_path / "m.csv"))
    assert code == 2 and "nope" in err
