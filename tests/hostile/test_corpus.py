"""Hostile input through the command line: participant lists (CSV), checklist templates (YAML), Markdown files
and special files. Every case exits 2 with a message naming the problem, no traceback, the database unchanged
and no stray backup. Small cases are files beside this module; large or special ones are generated.

(Hostile exchange bundles have their own corpus in ``bundles/``.)
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from inducci_desktop.app import run

HERE = Path(__file__).parent
NAMES = ("Ewa\x00Nowak", "Jan Kowal", "Anna Lis", "Piotr Bąk", "Osoba 0001", "osoba1@example.pl")
USER_TABLES = ("assessments", "assessment_answers", "checklist_user_templates", "notes", "bookmarks", "regions",
               "settings", "workshops", "workshop_days", "workshop_blocks", "workshop_participants",
               "workshop_attendance", "workshop_actions", "workshop_outcomes", "workshop_responses")


@dataclass(frozen=True)
class Case:
    name: str
    command: tuple[str, ...]  # the command; FILE stands for the input, WORKSHOP for the demo workshop's id
    make: Callable[[Path], Path]  # writes the input into a folder, returns its path
    expect: str  # a fragment of the message (case-insensitive)


def from_file(relative: str) -> Callable[[Path], Path]:
    return lambda _folder: HERE / relative


def written(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return path
    return make


def fifo(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path
    return make


def device(_folder: Path) -> Path:
    return Path("/dev/zero")


def folder_input(folder: Path) -> Path:
    path = folder / "a-folder.md"
    path.mkdir()
    return path


def table(columns: int) -> bytes:
    head = "| " + " | ".join(f"c{i}" for i in range(columns)) + " |\n"
    rule = "|" + "---|" * columns + "\n"
    return (head + rule + "| " + " | ".join("x" for _ in range(columns)) + " |\n").encode()


PARTICIPANTS = ("participants", "import", "WORKSHOP", "FILE")
TEMPLATE = ("template", "import", "FILE")
PRINT = ("print", "file", "FILE", "-o", "OUT")
CASES = [
    # participant lists
    Case("csv NUL after the first 4 KB", PARTICIPANTS, from_file("csv/nul-after-4kb.csv"), "NUL byte (line 122"),
    Case("csv U+0001 in a name", PARTICIPANTS, from_file("csv/control-u0001-in-name.csv"),
         "control-u0001-in-name.csv:2: name contains a control character U+0001"),
    Case("csv vertical tab in an organisation", PARTICIPANTS, from_file("csv/vertical-tab-in-organisation.csv"),
         ":5: organisation contains a vertical tab (U+000B)"),
    Case("csv escape sequence in an e-mail", PARTICIPANTS, from_file("csv/escape-in-email.csv"),
         "email contains a escape (U+001B)"),
    Case("csv UTF-16", PARTICIPANTS, from_file("csv/utf16.csv"), "UTF-16"),
    Case("csv PNG bytes", PARTICIPANTS, from_file("csv/png-bytes.csv"), "NUL byte"),
    Case("csv without header", PARTICIPANTS, from_file("csv/no-header.csv"), "must name the columns"),
    Case("csv broken quoting", PARTICIPANTS, from_file("csv/broken-quoting.csv"), "not valid CSV"),
    Case("csv empty", PARTICIPANTS, from_file("csv/empty.csv"), "empty"),
    Case("csv header only", PARTICIPANTS, from_file("csv/header-only.csv"), "no participants"),
    Case("csv bad e-mail and consent", PARTICIPANTS, from_file("csv/bad-email-and-consent.csv"),
         "is not an e-mail address"),
    Case("csv larger than 5 MB", PARTICIPANTS,
         written("big.csv", lambda: b"Name\n" + b"Jan Kowalski\n" * 400_000), "at most 5 MB"),
    Case("csv /dev/zero", PARTICIPANTS, device, "is a device"),
    Case("csv FIFO", PARTICIPANTS, fifo("list.csv"), "named pipe (FIFO)"),
    # checklist templates
    Case("yaml escaped U+0001", TEMPLATE, from_file("yaml/escaped-control-u0001.yaml"),
         "escaped-control-u0001.yaml:2: the text contains a control character U+0001"),
    Case("yaml escaped NUL", TEMPLATE, from_file("yaml/escaped-nul.yaml"), "NUL (U+0000)"),
    Case("yaml a list", TEMPLATE, from_file("yaml/not-a-mapping.yaml"), "is a mapping"),
    Case("yaml tab indentation", TEMPLATE, from_file("yaml/tab-indentation.yaml"), "YAML syntax error"),
    Case("yaml not UTF-8", TEMPLATE, from_file("yaml/not-utf8.yaml"), "not UTF-8"),
    Case("yaml unknown field", TEMPLATE, from_file("yaml/unknown-fields.yaml"), "surprise"),
    Case("yaml nested 10,000 deep", TEMPLATE,
         written("deep.yaml", b"id: x\ntitle: " + b"[" * 10_000 + b"]" * 10_000), "exceeded maximum nesting depth"),
    Case("yaml FIFO", TEMPLATE, fifo("t.yaml"), "named pipe (FIFO)"),
    # Markdown files
    Case("md 20,000 nested *", PRINT, written("stars.md", b"*" * 20_000 + b"x" + b"*" * 20_000), "nested too deeply"),
    Case("md 20,000 nested _", PRINT, written("underscores.md", b"_" * 20_000 + b"x" + b"_" * 20_000),
         "nested too deeply"),
    Case("md 300-column table", PRINT, written("wide.md", table(300)), "has 300 columns; at most 40"),
    Case("md 5,000 nested >", PRINT, written("quotes.md", b"> " * 5_000 + b"deep\n"), "nested more than 8 levels"),
    Case("md 5 MB single line", PRINT, written("line.md", b"a" * 5_000_000), "is 5 MB; at most 2 MB"),
    Case("md not UTF-8", PRINT, from_file("markdown/not-utf8.md"), "not UTF-8"),
    Case("md FIFO", PRINT, fifo("notes.md"), "named pipe (FIFO)"),
    Case("md /dev/zero", PRINT, device, "is a device"),
    Case("md a folder", PRINT, folder_input, "is a folder"),
    # special files as a bundle
    Case("bundle /dev/zero", ("import", "FILE"), device, "is a device"),
    Case("bundle FIFO", ("import", "FILE"), fifo("x.inducci"), "named pipe (FIFO)"),
    Case("backup restore of an unknown id", ("backup", "restore", "NOSUCH"), device, "no backup called 'NOSUCH'"),
]


def user_data(database: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(database)
    try:
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in USER_TABLES}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    data = tmp_path_factory.mktemp("hostile") / "data"
    assert run(["--data-dir", str(data), "demo"]) == 0
    assert run(["--data-dir", str(data), "list", "workshops"]) == 0  # makes the day's automatic backup
    conn = sqlite3.connect(data / "inducci.sqlite3")
    workshop_id = conn.execute("SELECT id FROM workshops").fetchone()[0]
    conn.close()
    yield data, workshop_id


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_refused_cleanly(case: Case, demo: tuple[Path, str], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    data, workshop_id = demo
    source = case.make(tmp_path)
    before = user_data(data / "inducci.sqlite3")
    backups = sorted(p.name for p in (data / "backups").iterdir()) if (data / "backups").exists() else []
    argv = [{"FILE": str(source), "WORKSHOP": workshop_id, "OUT": str(tmp_path / "out.pdf")}.get(a, a)
            for a in case.command]

    code = run(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()

    assert code == 2, (code, out, err)
    assert err.startswith("error: ") and case.expect.casefold() in err.casefold(), err
    assert "Traceback" not in out + err and "unexpected" not in err
    assert user_data(data / "inducci.sqlite3") == before
    assert sorted(p.name for p in (data / "backups").iterdir()) == backups
    assert not (tmp_path / "out.pdf").exists()


def test_20000_nested_brackets_print_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Brackets that never close are text in Markdown: printed, not refused, and quickly."""
    source = tmp_path / "brackets.md"
    source.write_bytes(b"[" * 20_000 + b"x")
    code = run(["--data-dir", str(tmp_path / "data"), "print", "file", str(source), "-o", str(tmp_path / "b.pdf")])
    out, err = capsys.readouterr()
    assert code == 0 and (tmp_path / "b.pdf").stat().st_size > 1000 and "Traceback" not in out + err


def test_the_log_holds_none_of_the_hostile_names(demo: tuple[Path, str]) -> None:
    """Runs after the corpus (same data folder): nothing typed into the files reached the log."""
    data, _ = demo
    logs = b"".join(p.read_bytes() for p in (data / "logs").iterdir())
    assert logs, "the log was written"
    for name in NAMES:
        assert name.encode() not in logs, name


def test_content_check_of_a_pack_with_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`content check` reports problems with exit 1 (its documented code); a FIFO is one, not a hang."""
    from importlib.resources import as_file, files

    with as_file(files("inducci_desktop.resources") / "content" / "en") as shipped:
        pack = tmp_path / "pack"
        import shutil

        shutil.copytree(shipped, pack)
    os.mkfifo(pack / "guides" / "zz-pipe.md")
    code = run(["--data-dir", str(tmp_path / "data"), "content", "check", "--pack", str(pack)])
    out, err = capsys.readouterr()
    assert code == 1 and "zz-pipe.md" in out and "named pipe (FIFO)" in out and "Traceback" not in out + err


def test_content_check_of_a_pack_whose_pack_yaml_is_a_fifo(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    os.mkfifo(pack / "pack.yaml")
    code = run(["--data-dir", str(tmp_path / "data"), "content", "check", "--pack", str(pack)])
    out, err = capsys.readouterr()
    assert code == 1 and "pack.yaml" in out and "named pipe (FIFO)" in out and "Traceback" not in out + err
