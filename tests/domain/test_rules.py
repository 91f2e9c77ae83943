"""The value rules: one declaration, used by services, bundle schema and database alike."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from inducci_desktop.domain import rules
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange import schema
from inducci_desktop.store import checks


def test_a_date_in_year_9999_with_a_time_zone_is_refused_without_overflow() -> None:
    late = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
    with pytest.raises(ValueError, match="outside 1970–2199"):
        rules.check_timestamp(late)
    with pytest.raises(ValueError, match="outside 1970–2199"):
        rules.check_date(date(1, 1, 1), "workshop day")
    now = datetime(2026, 11, 26, tzinfo=UTC)
    assert rules.check_timestamp(now + timedelta(days=365))  # another laptop's clock a year ahead: accepted
    with pytest.raises(ValueError, match="in the future"):  # where a caller asks for "not after now"
        rules.check_timestamp(now + timedelta(days=2), now=now)


def test_control_characters() -> None:
    assert rules.control_characters("Łódź, Żywiec – Bielsko-Biała\n\tß ő ű ř ů") == []
    assert rules.control_characters("a\nb", multiline=False) == ["\n"]
    assert rules.control_characters("a\x00b\x01c\x0bd\x7fe\x85f\u2028") == ["\x00", "\x01", "\x0b", "\x7f", "\x85",
                                                                        "\u2028"]
    with pytest.raises(ValueError, match="U\\+0000"):
        rules.check_text("Zofia\x00", "name")


def test_the_database_checks_and_the_bundle_schema_take_their_values_from_the_rules() -> None:
    allowed = ", ".join(f"'{v}'" for v in rules.WORKSHOP_STATUS.values)
    assert any(str(c.sqltext) == f"status IN ({allowed})" for c in checks.WORKSHOPS)
    record = {"id": "1d1f7d36-0000-4000-8000-000000000001", "created_at": "2026-01-01T10:00:00+00:00",
              "updated_at": "2026-01-01T10:00:00+00:00", "title": "T"}
    for status in rules.WORKSHOP_STATUS.values:
        assert schema.WorkshopRecord.model_validate({**record, "status": status}).status == status
    with pytest.raises(ValueError, match="unknown workshop status 'bogus'"):
        schema.WorkshopRecord.model_validate({**record, "status": "bogus"})


def test_services_refuse_dates_outside_the_range(services) -> None:  # type: ignore[no-untyped-def]
    from inducci_desktop.services.workshops.views import DayInput, WorkshopInput

    with pytest.raises(ValidationError, match="workshop day 1900-05-01 is outside 1970–2199"):
        services.workshops.create(WorkshopInput("Training", (DayInput(date(1900, 5, 1), 540, 600),)))
    workshop = services.workshops.create(WorkshopInput("Training", (DayInput(date(2026, 5, 1), 540, 600),)))
    with pytest.raises(ValidationError, match="due date 2500-01-01 is outside"):
        services.workshops.results.add_action(workshop.id, "Write the report", due=date(2500, 1, 1))
