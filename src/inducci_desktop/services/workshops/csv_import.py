"""Reading a participant list from a CSV file: encoding and separator detection, per-row errors.

Nothing here touches the database. ``parse_participants`` turns the bytes of a file into rows that are
either ready to import or carry the reasons they cannot be; the caller shows that preview and imports the
good rows only after the user confirms.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.text import describe, find_control
from inducci_desktop.services.errors import ValidationError

ENCODINGS = ("utf-8", "cp1250", "cp1252")
ENCODING_LABELS = {"utf-8": N_("UTF-8"), "utf-8-sig": N_("UTF-8 (with BOM)"), "cp1250": N_("Windows-1250 (Central "
    "European)"),
                   "cp1252": N_("Windows-1252 (Western European)")}
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
MAX_BYTES = 5_000_000
MAX_ROWS = 5_000
MAX_FIELD = rules.NAME
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: Column names accepted in the header row (compared case- and space-insensitively).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("name", N_("full name"), "fullname", "participant", N_("jméno a příjmení"), N_("imię i nazwisko"),
        N_("ime in priimek")),
    "first_name": (N_("first name"), "firstname", N_("given name"), "vorname", "imię", "jméno", "ime"),
    "last_name": (N_("last name"), "lastname", "surname", N_("family name"), "nachname", "nazwisko", "příjmení",
        "priimek"),
    "organisation": ("organisation", "organization", "org", "institution", "employer", "organisation/institution",
                     N_("organisation / institution"), "organizace", "organizacja", "organizacija",
                         N_("organisation name")),
    "department": ("department", "dept", "unit", "division", "abteilung", "oddělení", "wydział", "oddelek"),
    "email": ("email", "e-mail", "mail", N_("email address"), N_("e-mail address")),
    "consent": ("consent", N_("consent given"), N_("data consent"), "einwilligung", "zgoda", "souhlas", "soglasje"),
    "consent_date": (N_("consent date"), N_("date of consent"), N_("consent on")),
}
YES = {"yes", "y", "true", "1", "x", "ja", "tak", "ano", "da", "sì", "si", "oui", "✓", "✔"}
NO = {"no", "n", "false", "0", "", "nein", "nie", "ne", "no."}


@dataclass(frozen=True)
class ParticipantInput:
    """What a participant row says; names and organisation are free text, e-mail optional."""

    name: str
    organisation: str = ""
    department: str = ""
    email: str = ""
    consent: bool = False
    consent_date: date | None = None


@dataclass(frozen=True)
class CsvRow:
    """One data row of the file: ``line`` is its line number in the file (the header is line 1)."""

    line: int
    values: tuple[str, ...]
    participant: ParticipantInput | None
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.participant is not None and not self.errors


@dataclass(frozen=True)
class CsvPreview:
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    columns: dict[str, int]  # field → column index
    rows: tuple[CsvRow, ...]
    ignored_columns: tuple[str, ...] = field(default=())

    @property
    def good(self) -> list[ParticipantInput]:
        return [r.participant for r in self.rows if r.ok and r.participant is not None]

    @property
    def bad(self) -> list[CsvRow]:
        return [r for r in self.rows if not r.ok]

    def describe(self) -> str:
        sep = DELIMITERS.get(self.delimiter, repr(self.delimiter))
        return (_("{get}, separated by {sep}; {count} of {count2} rows can be imported")
            .format(get=ENCODING_LABELS.get(self.encoding, self.encoding), sep=sep, count=len(self.good),
                count2=len(self.rows)))


# --- encoding ---------------------------------------------------------------------------------------

_CE_COMMON = set("ąćęłńóśźżčěřšžůáéíúýőűöüäßĄĆĘŁŃÓŚŹŻČĚŘŠŽŮÁÉÍÚÝŐŰÖÜÄ")
_CE_RARE = set("ďňťĺľŕôăâîşţđĎŇŤĹĽŔÔĂÂÎŞŢĐ")
_WEST_COMMON = set("äöüßàèéìíòóùúâêîôûëïçñÄÖÜÀÈÉÌÍÒÓÙÚÂÊÎÔÛËÏÇÑ")
_WEST_RARE = set("ÿœæåøãõðþŒÆÅØÃÕÐÞ")


def _plausibility(text: str, common: set[str], rare: set[str]) -> float:
    score = 0.0
    for char in text:
        if char.isascii():
            continue
        if char in common:
            score += 1.0
        elif char in rare:
            score += 0.5
        elif char.isalpha():
            score -= 1.0
        elif char not in "–—„“”‚‘’«»…€·•\u00a0":
            score -= 2.0
    return score


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding used: UTF-8 (with or without BOM), else Windows-1250 or -1252,
    whichever reads more like Central or Western European names. ``encoding`` forces one."""
    if encoding:
        name = "utf-8-sig" if encoding in ("utf-8", "utf-8-sig") else encoding
        try:
            return data.decode(name), encoding
        except UnicodeDecodeError as exc:
            raise ValidationError(
                _("The file is not valid {get} (byte {value}). Choose another encoding, or let the program detect it.")
                    .format(get=ENCODING_LABELS.get(encoding, encoding), value=exc.start + 1)) from exc
        except LookupError as exc:
            raise ValidationError(_("Unknown encoding {encoding!r}.").format(encoding=encoding)) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(_("The file is UTF-16 encoded. Save it as CSV UTF-8 (or Windows CSV) and try again."))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for name, common, rare in (("cp1250", _CE_COMMON, _CE_RARE), ("cp1252", _WEST_COMMON, _WEST_RARE)):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text, common, rare), name == "cp1250", name, text))
    if not candidates:
        raise ValidationError(_("The file is not text in UTF-8, Windows-1250 or Windows-1252."))
    _score, _prefer, name, text = max(candidates)
    return text, name


# --- separator and columns -------------------------------------------------------------------------


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever splits the first line (outside quotes) most often."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ","


def _norm(label: str) -> str:
    return " ".join(label.replace("_", " ").replace("\ufeff", "").split()).casefold().rstrip(":*")


def map_columns(header: Sequence[str]) -> tuple[dict[str, int], tuple[str, ...]]:
    """Which column holds which field, and the columns that are not used."""
    lookup = {_norm(alias): key for key, aliases in COLUMN_NAMES.items() for alias in aliases}
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, label in enumerate(header):
        key = lookup.get(_norm(label))
        if key is None or key in columns:
            if label.strip():
                ignored.append(label.strip())
            continue
        columns[key] = index
    if "name" not in columns and not ("first_name" in columns or "last_name" in columns):
        found = ", ".join(repr(h.strip()) for h in header if h.strip()) or "nothing"
        raise ValidationError(
            _("The first row must name the columns, with at least a “Name” column (or “First name” and “Last name”); "
                "optional: Organisation, Department, E-mail, Consent. Found: {found}.")
                .format(found=found))
    return columns, tuple(ignored)


# --- rows --------------------------------------------------------------------------------------------


def _parse_consent(value: str) -> bool | None:
    folded = value.strip().casefold()
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None


def _parse_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    for pattern, order in ((r"^(\d{4})-(\d{1,2})-(\d{1,2})$", "ymd"), (r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$", "dmy")):
        match = re.match(pattern, value)
        if match:
            a, b, c = (int(g) for g in match.groups())
            try:
                return date(a, b, c) if order == "ymd" else date(c, b, a)
            except ValueError:
                return None
    return None


def _clean_consent(raw: dict[str, str], today: date, errors: list[str],
                   warnings: list[str]) -> tuple[bool, date | None]:
    """Consent and its date (today when consent is given without one); problems added to the lists."""
    consent = _parse_consent(raw.get("consent", ""))
    if consent is None:
        errors.append(_("consent “{strip}” is neither yes nor no").format(strip=raw.get('consent', '').strip()))
        consent = False
    consent_date = None
    if consent:
        text = raw.get("consent_date", "")
        consent_date = _parse_date(text)
        if text.strip() and consent_date is None:
            errors.append(_("consent date “{strip}” is not a date (use 2026-05-12 or 12.05.2026)")
                .format(strip=text.strip()))
        elif consent_date is None:
            consent_date = today
        elif consent_date > today:
            errors.append(_("consent date is in the future"))
        elif consent_date < rules.DATES[0]:
            errors.append(_("consent date {isoformat} is before {year}")
                .format(isoformat=consent_date.isoformat(), year=rules.DATES[0].year))
    elif "consent" not in raw:
        warnings.append("no consent recorded")
    return consent, consent_date


def clean_participant(raw: dict[str, str], *, today: date) -> tuple[ParticipantInput | None, list[str], list[str]]:
    """A participant from field values, with the errors (row refused) and warnings (row kept)."""
    errors: list[str] = []
    warnings: list[str] = []
    for key, value in raw.items():
        found = find_control(value, multiline=True)
        if found is not None:
            errors.append(_("{replace} contains a {describe}")
                .format(replace=key.replace('_', ' '), describe=describe(found[1])))
    if errors:
        return None, errors, warnings
    name = " ".join(raw.get("name", "").split())
    if not name:
        name = " ".join(" ".join((raw.get("first_name", ""), raw.get("last_name", ""))).split())
    if not name:
        errors.append(_("no name"))
    values = {k: " ".join(raw.get(k, "").split()) for k in ("organisation", "department", "email")}
    for label, value in (("name", name), *values.items()):
        if len(value) > MAX_FIELD:
            errors.append(_("{label} longer than {MAX_FIELD} characters").format(label=label, MAX_FIELD=MAX_FIELD))
    email = values["email"]
    if email and not EMAIL.match(email):
        errors.append(_("“{email}” is not an e-mail address").format(email=email))
    consent, consent_date = _clean_consent(raw, today, errors, warnings)
    if errors:
        return None, errors, warnings
    person = ParticipantInput(name, values["organisation"], values["department"], email, consent, consent_date)
    return person, [], warnings


def identity(name: str, email: str, organisation: str = "") -> str:
    """What makes two rows the same person: the e-mail if there is one, else name and organisation."""
    if email.strip():
        return "mail:" + email.strip().casefold()
    return "name:" + " ".join(name.split()).casefold() + "|" + " ".join(organisation.split()).casefold()


def parse_participants(data: bytes, *, encoding: str | None = None, delimiter: str | None = None,
                       existing: Sequence[str] = (), today: date | None = None) -> CsvPreview:
    """Read a participant CSV. ``existing`` holds identities (see ``identity``) already in the workshop;
    such rows and repeats within the file are refused. Raises ValidationError when the file as a whole
    cannot be read (wrong encoding, no header, broken quoting, too big)."""
    today = today or date.today()
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than {value} MB; is it really a participant list?")
            .format(value=MAX_BYTES // 1_000_000))
    nul = data.find(b"\x00")
    if nul >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        line = data.count(b"\n", 0, nul) + 1
        raise ValidationError(_("This is not a CSV text file: it contains a NUL byte (line {line}, byte {value}), as "
            "binary files do. Export the list as CSV.")
            .format(line=line, value=nul + 1))
    text, used = decode(data, encoding)
    if not text.strip():
        raise ValidationError(_("The file is empty."))
    sep = delimiter or sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True))
    except csv.Error as exc:
        raise ValidationError(_("The file is not valid CSV: {exc}. Nothing was imported.").format(exc=exc)) from exc
    numbered = [(i + 1, rec) for i, rec in enumerate(records)]
    numbered = [(n, rec) for n, rec in numbered if any(v.strip() for v in rec)]
    if not numbered:
        raise ValidationError(_("The file is empty."))
    header = numbered[0][1]
    columns, ignored = map_columns(header)
    if len(numbered) - 1 > MAX_ROWS:
        raise ValidationError(_("The file has more than {MAX_ROWS} rows; split it into smaller files.")
            .format(MAX_ROWS=MAX_ROWS))
    already = set(existing)
    seen = set(already)
    rows: list[CsvRow] = []
    for line, record in numbered[1:]:
        raw = {key: (record[index] if index < len(record) else "") for key, index in columns.items()}
        person, errors, warnings = clean_participant(raw, today=today)
        if len(record) > len(header) and any(v.strip() for v in record[len(header):]):
            errors.append(_("{count} values but {count2} columns (a separator inside a value? quote it)")
                .format(count=len(record), count2=len(header)))
            person = None
        if person is not None:
            key = identity(person.name, person.email, person.organisation)
            if key in seen:
                errors.append(_("already in the list") if key in already else _("repeats an earlier row"))
                person = None
            else:
                seen.add(key)
        rows.append(CsvRow(line, tuple(record), person, tuple(errors), tuple(warnings)))
    if not rows:
        raise ValidationError(_("The file has a header row but no participants."))
    return CsvPreview(used, sep, tuple(h.strip() for h in header), columns, tuple(rows), ignored)
