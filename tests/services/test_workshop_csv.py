"""Participant CSV files: encodings, separators, per-row errors and files that cannot be read at all."""

from __future__ import annotations

from datetime import date

import pytest

from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.workshops.csv_import import decode, identity, parse_participants, sniff_delimiter

TODAY = date(2026, 5, 1)
ROWS = "Name;Organisation;Department;E-mail;Consent\nZofia Wójcik;Urząd Miasta Bielsko-Biała;Wydział Kultury;;tak\n" \
       "Jiří Novák;Krajský úřad Karlovarského kraje;Odbor regionálního rozvoje;jiri.novak@example.cz;ano\n" \
       "Urška Kranjc;Občina Kranj;Oddelek za gospodarstvo;urska@example.si;no\n"


def parse(data: bytes, **kw: object) -> object:
    return parse_participants(data, today=TODAY, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250"])
def test_central_european_names_survive_every_encoding(encoding: str) -> None:
    text = ROWS.replace("Jiří", "Jiri") if encoding == "cp1252" else ROWS
    preview = parse_participants(text.encode(encoding), today=TODAY)
    assert [p.name for p in preview.good] == ["Zofia Wójcik", "Jiří Novák", "Urška Kranjc"]
    assert preview.good[0].organisation == "Urząd Miasta Bielsko-Biała"
    assert preview.encoding == encoding
    assert preview.delimiter == ";"
    assert preview.good[0].consent and preview.good[0].consent_date == TODAY
    assert not preview.good[2].consent and preview.good[2].consent_date is None


def test_western_windows_file_is_read_as_cp1252() -> None:
    text = "Name,Organisation\nNiccolò Bianchi,Università di Padova\nJürgen Weiß,Stadt Chemnitz\n"
    preview = parse_participants(text.encode("cp1252"), today=TODAY)
    assert preview.encoding == "cp1252"
    assert [p.name for p in preview.good] == ["Niccolò Bianchi", "Jürgen Weiß"]
    assert preview.good[0].organisation == "Università di Padova"


def test_polish_windows_file_is_read_as_cp1250() -> None:
    text = "Imię i nazwisko,Organizacja\nŁukasz Żółkiewski,Starostwo Powiatowe w Żywcu\nMałgorzata Dąb,Śląskie\n"
    assert decode(text.encode("cp1250"))[1] == "cp1250"
    assert [p.name for p in parse(text.encode("cp1250")).good] == ["Łukasz Żółkiewski", "Małgorzata Dąb"]  # type: ignore[attr-defined]


def test_comma_separated_with_quotes_and_first_last_names() -> None:
    text = 'First name,Last name,Organisation,Email\nEva,Horváth,"Kreativ, s.r.o.",eva@example.sk\n'
    preview = parse(text.encode())
    assert preview.delimiter == ","  # type: ignore[attr-defined]
    person = preview.good[0]  # type: ignore[attr-defined]
    assert (person.name, person.organisation) == ("Eva Horváth", "Kreativ, s.r.o.")


def test_separator_is_sniffed_outside_quotes() -> None:
    assert sniff_delimiter('"a;b;c",d,e\n') == ","
    assert sniff_delimiter("a;b,c;d\n") == ";"


def test_rows_with_problems_are_listed_and_the_rest_kept() -> None:
    text = ("Name;E-mail;Consent\n"
            "Anna Nowak;anna@example.pl;yes\n"
            ";nobody@example.pl;yes\n"
            "Petr Svoboda;not-an-address;yes\n"
            "Anna Nowak;anna@example.pl;yes\n"
            "Maja Zupan;;maybe\n"
            "Luka Novak;;yes;extra\n"
            "\n")
    preview = parse(text.encode())
    assert [p.name for p in preview.good] == ["Anna Nowak"]  # type: ignore[attr-defined]
    bad = {row.line: row.errors for row in preview.bad}  # type: ignore[attr-defined]
    assert bad[3] == ("no name",)
    assert "not an e-mail address" in bad[4][0]
    assert bad[5] == ("repeats an earlier row",)
    assert "neither yes nor no" in bad[6][0]
    assert "4 values but 3 columns" in bad[7][0]


def test_people_already_in_the_workshop_are_refused() -> None:
    existing = [identity("Zofia Wójcik", "", "Urząd Miasta Bielsko-Biała")]
    preview = parse_participants(ROWS.encode(), today=TODAY, existing=existing)
    assert preview.bad[0].errors == ("already in the list",)
    assert len(preview.good) == 2


def test_consent_date_column() -> None:
    text = "Name,Consent,Consent date\nA B,yes,12.04.2026\nC D,yes,2026-13-01\nE F,yes,2027-01-01\n"
    preview = parse(text.encode())
    assert preview.good[0].consent_date == date(2026, 4, 12)  # type: ignore[attr-defined]
    assert "not a date" in preview.bad[0].errors[0]  # type: ignore[attr-defined]
    assert "future" in preview.bad[1].errors[0]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"\n\n  \n", "empty"),
    (b"Name;Organisation\n", "no participants"),
    (b"Telefon;Stadt\n1;A\n", "must name the columns"),
    (b'Name,Organisation\n"Broken,quote\n', "not valid CSV"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
    ("Name\nA".encode("utf-16"), "UTF-16"),
])
def test_files_that_cannot_be_read_say_why(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse(data)


def test_forced_encoding_that_does_not_fit_is_explained() -> None:
    with pytest.raises(ValidationError, match="not valid UTF-8"):
        parse("Name\nŁukasz\n".encode("cp1250"), encoding="utf-8")
