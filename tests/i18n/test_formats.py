"""Dates, numbers and lists as each language writes them, and sorting as each language sorts."""

from __future__ import annotations

from datetime import date

import pytest

from inducci_desktop.domain import i18n
from inducci_desktop.domain.workshops import dates_text, day_text, hours_text

D1, D2, D3 = date(2026, 5, 12), date(2026, 5, 13), date(2026, 6, 2)


@pytest.mark.parametrize(("code", "long", "full"), [
    ("en", "12 May 2026", "Tuesday 12 May 2026"),
    ("de", "12. Mai 2026", "Dienstag, 12. Mai 2026"),
    ("pl", "12 maja 2026", "wtorek, 12 maja 2026"),
    ("cs", "12. května 2026", "úterý 12. května 2026"),
    ("sl", "12. maj 2026", "torek, 12. maj 2026"),
    ("it", "12 maggio 2026", "martedì 12 maggio 2026"),
    ("nl", "12 mei 2026", "dinsdag 12 mei 2026"),
])
def test_days_in_each_language(code: str, long: str, full: str) -> None:
    with i18n.speaking(code):
        assert day_text(D1) == long
        assert day_text(D1, weekday=True) == full


def test_ranges_of_days() -> None:
    assert dates_text(D1, D2) == "12–13 May 2026"
    assert dates_text(D1, D3) == "12 May – 2 June 2026"
    with i18n.speaking("de"):
        assert dates_text(D1, D2) == "12.–13. Mai 2026"
    with i18n.speaking("pl"):
        assert dates_text(D1, D3).replace("\u2009", " ") == "12 maja – 2 czerwca 2026"  # thin spaces


def test_numbers_and_lists() -> None:
    assert i18n.format_number(1234.5, 1) == "1,234.5"
    with i18n.speaking("de"):
        assert i18n.format_number(1234.5, 1) == "1.234,5"
        assert i18n.join_list(["Linz", "Dresden", "Kranj"]) == "Linz, Dresden und Kranj"
    with i18n.speaking("pl"):
        assert i18n.format_number(1234.5, 1) == "1\u00a0234,5"
        assert i18n.join_list(["Katowice", "Gliwice"]) == "Katowice i Gliwice"


def test_hours_in_words() -> None:
    assert hours_text(675) == "11 hours 15 minutes" and hours_text(60) == "1 hour"


def test_no_english_month_names_are_left_in_the_code() -> None:
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "src" / "inducci_desktop"
    months = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
              "November", "December")
    found = [f"{path.name}: {month}" for path in source.rglob("*.py") for month in months
             if f'"{month}"' in path.read_text(encoding="utf-8")]
    assert not found


@pytest.mark.parametrize(("code", "names", "expected"), [
    # Czech: Č after C, Ch after H, Ř after R, Š after S, Ž after Z
    ("cs", ["Chalupa", "Hrubý", "Čapek", "Cibulka", "Dvořák", "Řezníček", "Rybář", "Šťastná", "Sýkora", "Žák",
            "Zeman", "Ibl"],
     ["Cibulka", "Čapek", "Dvořák", "Hrubý", "Chalupa", "Ibl", "Rybář", "Řezníček", "Sýkora", "Šťastná", "Zeman",
      "Žák"]),
    # Polish: Ł after L, Ś after S, Ź and then Ż after Z, Ó after O, Ą after A
    ("pl", ["Łukasik", "Lis", "Mazur", "Śliwa", "Sowa", "Żak", "Zając", "Źrebiec", "Ósmy", "Olech", "Ądel", "Adamczyk"],
     ["Adamczyk", "Ądel", "Lis", "Łukasik", "Mazur", "Olech", "Ósmy", "Sowa", "Śliwa", "Zając", "Źrebiec", "Żak"]),
    # German: Ä with A, Ö with O, Ü with U, ß as ss
    ("de", ["Zöller", "Ärmel", "Adler", "Bauer", "Öhler", "Ofner", "Müller", "Mueller", "Mayer", "Strauß", "Strauss"],
     ["Adler", "Ärmel", "Bauer", "Mayer", "Mueller", "Müller", "Ofner", "Öhler", "Strauss", "Strauß", "Zöller"]),
    # Slovene: Č after C, Š after S, Ž after Z
    ("sl", ["Žagar", "Zupan", "Šuštar", "Sever", "Čebulj", "Cerar", "Kranjc"],
     ["Cerar", "Čebulj", "Kranjc", "Sever", "Šuštar", "Zupan", "Žagar"]),
    # English and Italian: accents only break ties
    ("it", ["Zanetti", "Città", "Citta", "Bellò", "Bello"], ["Bello", "Bellò", "Citta", "Città", "Zanetti"]),
])
def test_names_sort_as_the_language_sorts(code: str, names: list[str], expected: list[str]) -> None:
    assert i18n.sorted_text(names, code) == expected


def test_lower_case_first_then_upper() -> None:
    assert i18n.sorted_text(["van Dijk", "Van Dijk", "Vandijk"], "nl") == ["van Dijk", "Van Dijk", "Vandijk"]
