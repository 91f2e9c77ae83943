"""Personal data outside the participant records: anonymous bundles leave out names in free text, the log
never holds an exception's message, old control characters never break an XLSX table, and every entry point
refuses control characters."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from inducci_desktop.app import run
from inducci_desktop.domain.text import TextError
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.views import BlockInput, DayInput, WorkshopInput
from tests.privacy.grep import hits

NAME, EMAIL = "Zofia Wójcik", "z.wojcik@example.pl"


def test_anonymous_bundle_holds_no_trainer_or_responsible_name(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "demo"]) == 0
    out = tmp_path / "out"
    out.mkdir()
    assert run(["--data-dir", str(data), "export", "--all", "-o", str(out / "anonymous.inducci")]) == 0
    assert run(["--data-dir", str(data), "export", "--all", "--include-personal-data",
                "-o", str(out / "personal.inducci")]) == 0
    capsys.readouterr()
    searched, found = hits(out, NAME, "Jiří Novák", EMAIL)
    assert searched == 2 and found == ["personal.inducci"]


def test_the_log_leaves_exception_messages_out(paths: AppPaths) -> None:
    from inducci_desktop.logsetup import setup_logging

    setup_logging(paths)
    log = logging.getLogger("inducci_desktop.test")
    try:
        try:
            raise KeyError(EMAIL)
        except KeyError as inner:
            raise ValidationError(f"{NAME} is already registered for this workshop.") from inner
    except ValidationError:
        log.exception("saving failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = paths.log_file.read_text(encoding="utf-8")
    assert "saving failed" in text and "ValidationError" in text and "KeyError" in text
    assert "message left out of the log" in text
    assert NAME not in text and EMAIL not in text


def test_xlsx_table_of_text_stored_before_the_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "demo"]) == 0
    conn = sqlite3.connect(data / "inducci.sqlite3")
    conn.execute("UPDATE workshop_participants SET name = ?, organisation = ? WHERE name = ?",
                 ("Ewa\x01Nowak\x0b", "Urząd\x00", NAME))
    conn.commit()
    conn.close()
    code = run(["--data-dir", str(data), "export-table", "attendance", "--include-personal-data",
                "-o", str(tmp_path / "attendance.xlsx")])
    _out, err = capsys.readouterr()
    assert code == 0, err
    from openpyxl import load_workbook

    values = {c for row in load_workbook(tmp_path / "attendance.xlsx").active.iter_rows(values_only=True)
              for c in row}
    assert "EwaNowak" in values and "Urząd" in values


def test_forms_refuse_control_characters(services: Services) -> None:
    day = DayInput(date(2026, 5, 12), 540, 1020)
    with pytest.raises(ValidationError, match=r"The title contains a control character U\+0001"):
        services.workshops.create(WorkshopInput("Bad\x01title", (day,)))
    with pytest.raises(ValidationError, match=r"The trainers contains a NUL \(U\+0000\)"):
        services.workshops.create(WorkshopInput("Fine", (day,), trainers="Jan\x00"))
    workshop = services.workshops.create(WorkshopInput("Fine", (day,), trainers="Zofia Wójcik"))
    with pytest.raises(ValidationError, match="responsible person contains a escape"):
        services.workshops.add_block(workshop.days[0].id, BlockInput("Talk", 30, responsible="Jan\x1b"))
    with pytest.raises(ValidationError, match="name contains a vertical tab"):
        services.workshops.people.add(workshop.id, ParticipantInput("Ewa\x0bNowak"))
    # under every entry point, a write that would store one is refused by the store itself, as bad input
    with pytest.raises(TextError, match="Name contains a NUL"):
        services.regions.add("Region\x00", "region", "Poland")
    services.prepare()
    with pytest.raises(ValidationError, match="Text contains a control character U\\+0002"):
        services.library.set_note(services.library.items()[0].id, "note\x02")
    assert [w.title for w in services.workshops.list()] == ["Fine"]


@pytest.mark.parametrize(("text", "left"), [
    ("Zofia Wójcik, Jiří Novák", "Jiří Novák"),
    ("Jiří Novák and zofia  wójcik", "Jiří Novák"),
    ("ZOFIA WÓJCIK", ""),
    ("Zofia Wójcik (RDA) / Eva", "(RDA), Eva"),
    ("Zofia Wójcikowa", "Zofia Wójcikowa"),  # another name that only begins the same
])
def test_names_are_removed_from_free_text(text: str, left: str) -> None:
    from inducci_desktop.services.workshops.erasure import name_pattern, without_names

    pattern = name_pattern([NAME])
    assert pattern is not None and without_names(text, pattern) == left
