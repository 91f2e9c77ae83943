"""Reading and writing the ``.inducci`` zip: a manifest and one JSON list per kind of record.

Reading trusts nothing: names, sizes and compression ratios are checked from the zip directory before
any entry is decompressed, entries are read with a bounded read (a lying header cannot make us read
more), nothing is ever extracted to disk, and every record is validated against its schema. Problems
raise BundleError with a message that names the file, entry or record.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticError

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange.schema import FORMAT, FORMAT_VERSION, KIND_BY_NAME, Manifest

MANIFEST = "manifest.json"
MAX_FILE_BYTES = 512 * 1024 * 1024  # the bundle file itself
MAX_ENTRIES = 64
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # one entry, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all entries, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for entries over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024


class BundleError(ValidationError):
    """A bundle that cannot be imported; nothing was stored."""


@dataclass(frozen=True)
class Bundle:
    """A bundle read and validated: the manifest and the records per kind (pydantic models)."""

    manifest: Manifest
    records: Mapping[str, Sequence[Any]]

    def of(self, kind: str) -> Sequence[Any]:
        return self.records.get(kind, ())


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    if (not name or "\\" in name or "\x00" in name or name.startswith("/") or path.is_absolute()
            or (len(name) > 1 and name[1] == ":") or ".." in path.parts):
        raise BundleError(_("The bundle contains an entry with an unsafe path ({name!r}); it was not imported.")
            .format(name=name))


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BundleError(_("{path} cannot be read: {value}.").format(path=path, value=exc.strerror or exc)) from None
    if size > MAX_FILE_BYTES:
        raise BundleError(_("{name} is larger than {value} MB; it is not an InduCCI bundle.")
            .format(name=path.name, value=MAX_FILE_BYTES // 2**20))
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError as exc:
        raise BundleError(_("{path} cannot be read: {value}.").format(path=path, value=exc.strerror or exc)) from None
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        if head == b"PK\x03\x04":
            raise BundleError(_("{name} is damaged or incomplete (a truncated zip file); ask for it to be sent again.")
                .format(name=path.name)) from None
        raise BundleError(_("{name} is not an InduCCI bundle (not a zip file).").format(name=path.name)) from None


def _check_directory(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise BundleError(_("The bundle has {count} entries; a bundle has at most {MAX_ENTRIES}.")
            .format(count=len(infos), MAX_ENTRIES=MAX_ENTRIES))
    found: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        _check_name(info.filename)
        if info.filename in found:
            raise BundleError(_("The bundle contains the entry {filename!r} twice.").format(filename=info.filename))
        if info.flag_bits & 0x1:
            raise BundleError(_("The entry {filename!r} is encrypted; bundles are not encrypted.")
                .format(filename=info.filename))
        if info.file_size > MAX_ENTRY_BYTES:
            raise BundleError(_("The entry {filename!r} is too large ({file_size:,} bytes unpacked; at most "
                "{MAX_ENTRY_BYTES:,}).")
                .format(filename=info.filename, file_size=info.file_size, MAX_ENTRY_BYTES=MAX_ENTRY_BYTES))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BundleError(_("The entry {filename!r} is compressed suspiciously well ({value:,}:1); it was not "
                "unpacked.")
                .format(filename=info.filename, value=info.file_size // max(info.compress_size, 1)))
        total += info.file_size
        found[info.filename] = info
    if total > MAX_TOTAL_BYTES:
        raise BundleError(_("The bundle unpacks to {total:,} bytes; at most {MAX_TOTAL_BYTES:,} are accepted.")
            .format(total=total, MAX_TOTAL_BYTES=MAX_TOTAL_BYTES))
    return found


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The entry's bytes, never more than its declared size (nor ``limit``)."""
    cap = min(info.file_size, limit)
    chunks: list[bytes] = []
    got = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(min(_CHUNK, cap + 1 - got))
                if not chunk:
                    break
                got += len(chunk)
                if got > cap:
                    raise BundleError(_("The entry {filename!r} is larger than its header says; the bundle is damaged.")
                        .format(filename=info.filename))
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError, NotImplementedError) as exc:
        raise BundleError(_("The entry {filename!r} cannot be read ({exc}); the bundle is damaged or incomplete.")
            .format(filename=info.filename, exc=exc)) from None
    return b"".join(chunks)


def _manifest(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]) -> Manifest:
    info = entries.get(MANIFEST)
    if info is None:
        raise BundleError(_("The file has no manifest.json; it is not an InduCCI bundle."))
    raw = _read(archive, info, MAX_MANIFEST_BYTES)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleError(_("manifest.json is not valid JSON ({exc}).").format(exc=exc)) from None
    except RecursionError:
        raise BundleError(_("manifest.json is nested too deeply; it is not an InduCCI bundle.")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError(_("manifest.json does not describe an InduCCI bundle (format is not {FORMAT!r}).")
            .format(FORMAT=FORMAT))
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(_("The bundle has an unknown format version ({version!r}).").format(version=version))
    if version > FORMAT_VERSION:
        raise BundleError(_("The bundle was made in format version {version} by a newer InduCCI Desktop; this "
            "version reads up to {FORMAT_VERSION}. Update the app to import it.")
            .format(version=version, FORMAT_VERSION=FORMAT_VERSION))
    try:
        manifest = Manifest.model_validate(data)
    except PydanticError as exc:
        raise BundleError(_("manifest.json does not fit the format: {first_error}.")
            .format(first_error=_first_error(exc))) from None
    _check_entries(manifest, entries)
    return manifest


def _check_entries(manifest: Manifest, entries: dict[str, zipfile.ZipInfo]) -> None:
    """Every kind the manifest lists is known and present under its own name; nothing else is in the zip."""
    for kind, entry in manifest.records.items():
        if kind not in KIND_BY_NAME:
            raise BundleError(_("manifest.json lists an unknown kind of record {kind!r}.").format(kind=kind))
        if entry != f"records/{kind}.json":
            raise BundleError(_("manifest.json names an unexpected entry {entry!r} for {kind}.")
                .format(entry=entry, kind=kind))
        if entry not in entries:
            raise BundleError(_("The bundle lacks {entry}, which manifest.json lists; it is damaged or incomplete.")
                .format(entry=entry))
    extra = set(entries) - {MANIFEST, *manifest.records.values()}
    if extra:
        raise BundleError(_("The bundle contains entries manifest.json does not list: {join}.")
            .format(join=', '.join(sorted(extra))))


def _first_error(exc: PydanticError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    return f"{where}: {_plain(error['msg'])}" if where else _plain(error["msg"])


def _plain(message: str) -> str:
    """pydantic's message without its "Value error, " prefix (the rules' own messages say enough)."""
    return message.removeprefix(_("Value error, "))


def _record_errors(exc: PydanticError, index: int, limit: int = 3) -> str:
    """What is wrong with the record at ``index`` of a list: each field and its problem."""
    found = []
    for error in exc.errors():
        loc = error["loc"]
        if loc and loc[0] == index:
            where = ".".join(str(p) for p in loc[1:])
            found.append(f"{where}: {_plain(error['msg'])}" if where else _plain(error["msg"]))
    return "; ".join(found[:limit])


_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _records(kind: str, raw: bytes, personal: bool) -> list[Any]:
    spec = KIND_BY_NAME[kind]
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(list[spec.schema])  # type: ignore[name-defined]
    entry = f"records/{kind}.json"
    try:
        records: list[Any] = adapter.validate_json(raw)
    except PydanticError as exc:
        error = exc.errors()[0]
        if error["type"] == "json_invalid":
            raise BundleError(_("{entry} is not valid JSON ({error}).")
                .format(entry=entry, error=error['msg'])) from None
        loc = error["loc"]
        if not loc or not isinstance(loc[0], int):
            raise BundleError(_("{entry} must hold a list of records ({error}).")
                .format(entry=entry, error=error['msg'])) from None
        raise BundleError(_("{entry}: the {label} {name_record} does not fit the format: {record_errors}.")
            .format(entry=entry, label=spec.shown, name_record=_name_record(raw, loc[0]),
                record_errors=_record_errors(exc, loc[0]))) from None
    for record in records:
        for field in spec.personal:
            if (getattr(record, field) is None) == personal:
                state = _("includes") if personal else _("leaves out")
                raise BundleError(_("{entry}: the {label} {getattr} does not fit the bundle, which {state} personal "
                    "data ({field}).")
                    .format(entry=entry, label=spec.shown, getattr=getattr(record, 'id', '?'), state=state,
                        field=field))
    return records


def _name_record(raw: bytes, index: int) -> str:
    try:
        item = json.loads(raw)[index]
    except (ValueError, IndexError, TypeError, RecursionError):
        return f"#{index + 1}"
    if not isinstance(item, dict):
        return f"#{index + 1}"
    ident = item.get("id")
    title = item.get("title") or item.get("name")
    named = f"#{index + 1}" + (f" (id {ident}" if isinstance(ident, str) else " (")
    named += f", {title!r})" if isinstance(title, str) else ")"
    return named.replace(" ()", "")


def read_bundle(path: Path) -> Bundle:
    """The bundle at ``path`` checked and validated, or BundleError saying what is wrong."""
    path = Path(path)
    archive = _open_zip(path)
    with archive:
        entries = _check_directory(archive)
        manifest = _manifest(archive, entries)
        records: dict[str, list[Any]] = {}
        for kind, entry in manifest.records.items():
            records[kind] = _records(kind, _read(archive, entries[entry], MAX_ENTRY_BYTES),
                                     manifest.includes_personal_data)
            expected = manifest.counts.get(kind)
            if expected is not None and expected != len(records[kind]):
                raise BundleError(_("{entry} holds {count} records but manifest.json says {expected}; the bundle "
                    "is damaged.")
                    .format(entry=entry, count=len(records[kind]), expected=expected))
    seen: dict[str, str] = {}
    for kind, items in records.items():
        if KIND_BY_NAME[kind].table is None:
            continue
        for record in items:
            other = seen.get(record.id)
            if other is not None and other != kind:
                raise BundleError(_("The id {id} is used for two kinds of record ({label} and {label2}); the bundle "
                    "was not imported.")
                    .format(id=record.id, label=KIND_BY_NAME[other].shown, label2=KIND_BY_NAME[kind].shown))
            if other == kind:
                raise BundleError(_("records/{kind}.json holds the {label} {id} twice.")
                    .format(kind=kind, label=KIND_BY_NAME[kind].shown, id=record.id))
            seen[record.id] = kind
    return Bundle(manifest, records)


def write_bundle(target: Path, manifest: dict[str, Any], records: Mapping[str, bytes]) -> Path:
    """Write the zip next to ``target`` and move it into place (an existing file stays until then)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
    os.close(handle)
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            for kind, data in records.items():
                archive.writestr(f"records/{kind}.json", data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
