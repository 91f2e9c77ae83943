"""Bad bundles: each refused with a message naming the problem, the database left exactly as it was."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inducci_desktop.services.container import Services
from inducci_desktop.services.exchange import bundle as exchange_bundle
from inducci_desktop.services.exchange.bundle import BundleError
from inducci_desktop.services.exchange.service import ExportSelection
from tests.services.exchange_helpers import (
    ASSESSMENT,
    REGION,
    assessment,
    bundle,
    dump,
    folder,
    manifest,
    region,
    write_zip,
)

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Services]:
    with folder(tmp_path / "receiver", demo=True) as services:
        yield services


def refused(services: Services, path: Path, *expected: str) -> str:
    before = dump(services.store.path)
    with pytest.raises(BundleError) as caught:
        services.exchange.plan(path)
    message = str(caught.value)
    for text in expected:
        assert text in message, message
    assert dump(services.store.path) == before
    return message


def good_records() -> dict[str, list[dict[str, Any]]]:
    return {"regions": [region()], "assessments": [assessment()]}


def test_a_good_hand_made_bundle_is_accepted(receiver: Services, tmp_path: Path) -> None:
    plan = receiver.exchange.plan(bundle(tmp_path / "ok.inducci", good_records()))
    assert {e.label for e in plan.added} == {"region", "assessment"}


def test_not_a_zip(receiver: Services, tmp_path: Path) -> None:
    path = tmp_path / "letter.inducci"
    path.write_text("Dear coordinator, here are my results.")
    refused(receiver, path, "letter.inducci", "not a zip file")
    empty = tmp_path / "empty.inducci"
    empty.write_bytes(b"")
    refused(receiver, empty, "not a zip file")


def test_truncated_file(receiver: Services, tmp_path: Path) -> None:
    receiver.exchange.export(tmp_path / "full.inducci", ExportSelection(everything=True))
    data = (tmp_path / "full.inducci").read_bytes()
    for cut in (len(data) // 2, len(data) - 30):
        path = tmp_path / f"cut{cut}.inducci"
        path.write_bytes(data[:cut])
        refused(receiver, path, "damaged or incomplete")


def test_damaged_entry_data(receiver: Services, tmp_path: Path) -> None:
    receiver.exchange.export(tmp_path / "full.inducci", ExportSelection(everything=True))
    data = bytearray((tmp_path / "full.inducci").read_bytes())
    with zipfile.ZipFile(tmp_path / "full.inducci") as archive:
        info = archive.getinfo("records/answers.json")
    start = info.header_offset + 30 + len(info.filename) + 20
    data[start:start + 40] = bytes(40)  # scribble over compressed bytes; the directory stays intact
    path = tmp_path / "scribbled.inducci"
    path.write_bytes(bytes(data))
    refused(receiver, path, "records/answers.json")


@pytest.mark.parametrize("name", ["/etc/passwd", "records/../../evil.json", "..\\..\\evil.json",
                                  "C:/Windows/evil.json", "records/a\\..\\b.json"])
def test_unsafe_entry_paths(receiver: Services, tmp_path: Path, name: str) -> None:
    records = good_records()
    path = tmp_path / "unsafe.inducci"
    write_zip(path, {"manifest.json": json.dumps(manifest(records)), name: "[]",
                     **{f"records/{k}.json": json.dumps(v) for k, v in records.items()}})
    refused(receiver, path, "unsafe path", repr(name))


def test_oversized_entry(receiver: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exchange_bundle, "MAX_ENTRY_BYTES", 1000)
    records = good_records()
    records["regions"][0]["notes"] = "x" * 5000
    refused(receiver, bundle(tmp_path / "big.inducci", records), "records/regions.json", "too large")


def test_too_many_entries_or_bytes(receiver: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries: dict[str, bytes | str] = {f"records/x{n}.json": "[]" for n in range(70)}
    refused(receiver, write_zip(tmp_path / "many.inducci", entries), "70 entries")
    monkeypatch.setattr(exchange_bundle, "MAX_TOTAL_BYTES", 500)
    records = good_records()
    records["regions"][0]["notes"] = "y" * 600
    refused(receiver, bundle(tmp_path / "total.inducci", records), "unpacks to")


def test_extremely_compressed_entry(receiver: Services, tmp_path: Path) -> None:
    records = good_records()
    records["regions"][0]["notes"] = " " * (20 * 1024 * 1024)  # 20 MB of spaces pack to ~20 kB
    refused(receiver, bundle(tmp_path / "bomb.inducci", records), "records/regions.json",
            "compressed suspiciously well")


def test_entry_larger_than_its_header_says(receiver: Services, tmp_path: Path) -> None:
    records = good_records()
    path = bundle(tmp_path / "liar.inducci", records)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("records/regions.json")
    # lower the uncompressed size in the central directory entry (and the local header) to 10 bytes
    real = info.file_size.to_bytes(4, "little")
    for offset in [i for i in range(len(data) - 4) if data[i:i + 4] == real]:
        data[offset:offset + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    refused(receiver, path, "records/regions.json")


def test_missing_manifest(receiver: Services, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "nomanifest.inducci", {"records/regions.json": json.dumps([region()])})
    refused(receiver, path, "no manifest.json")


@pytest.mark.parametrize(("version", "expected"), [(3, "newer InduCCI Desktop"), (99, "format version 99"),
                                                   (0, "unknown format version"), ("1", "unknown format version"),
                                                   (None, "unknown format version")])
def test_unknown_or_newer_format_version(receiver: Services, tmp_path: Path, version: Any, expected: str) -> None:
    refused(receiver, bundle(tmp_path / "v.inducci", good_records(), format_version=version), expected)


def test_not_an_inducci_manifest(receiver: Services, tmp_path: Path) -> None:
    refused(receiver, bundle(tmp_path / "f.inducci", good_records(), format="something-else"),
            "does not describe an InduCCI bundle")
    path = write_zip(tmp_path / "m.inducci", {"manifest.json": "{not json"})
    refused(receiver, path, "manifest.json is not valid JSON")


def test_invalid_json(receiver: Services, tmp_path: Path) -> None:
    records = good_records()
    path = write_zip(tmp_path / "json.inducci", {"manifest.json": json.dumps(manifest(records)),
                                                 "records/regions.json": json.dumps([region()]),
                                                 "records/assessments.json": '[{"id": "1d1f7d36-",'})
    refused(receiver, path, "records/assessments.json is not valid JSON")


def test_records_failing_the_schema_name_the_record(receiver: Services, tmp_path: Path) -> None:
    records = good_records()
    records["assessments"] = [assessment(), assessment("1d1f7d36-0000-4000-8000-00000000000a",
                                                       title="Bad round", round="second")]
    message = refused(receiver, bundle(tmp_path / "schema.inducci", records), "records/assessments.json",
                      "1d1f7d36-0000-4000-8000-00000000000a", "'Bad round'", "round")
    assert "#2" in message
    records = good_records()
    records["regions"][0]["id"] = "not-a-uuid"
    refused(receiver, bundle(tmp_path / "id.inducci", records), "records/regions.json", "not-a-uuid", "id")
    records = good_records()
    records["assessments"][0]["secret"] = "x"
    refused(receiver, bundle(tmp_path / "extra.inducci", records), "secret", "Extra inputs")
    records = good_records()
    records["assessments"][0]["updated_at"] = "2026-01-01T10:00:00"  # no time zone
    refused(receiver, bundle(tmp_path / "naive.inducci", records), "updated_at")


def test_counts_must_match_the_manifest(receiver: Services, tmp_path: Path) -> None:
    refused(receiver, bundle(tmp_path / "counts.inducci", good_records(), counts={"assessments": 5}),
            "manifest.json says 5")


def test_reference_to_a_missing_template(receiver: Services, tmp_path: Path) -> None:
    records = {"regions": [region()], "assessments": [assessment(template="no-such-checklist", version=3)]}
    refused(receiver, bundle(tmp_path / "tpl.inducci", records), "'Sokolov'", "no-such-checklist",
            "version 3", "neither in the bundle nor on this machine")


def test_reference_to_a_missing_region_or_assessment(receiver: Services, tmp_path: Path) -> None:
    refused(receiver, bundle(tmp_path / "r.inducci", {"assessments": [assessment()]}), REGION, "region")
    answer = {"id": "1d1f7d36-0000-4000-8000-0000000000a1", "created_at": "2026-01-01T10:00:00Z",
              "updated_at": "2026-01-01T10:00:00Z", "deleted_at": None, "assessment_id": ASSESSMENT,
              "item_key": "presence-statistics", "value": "yes", "note": ""}
    refused(receiver, bundle(tmp_path / "a.inducci", {"answers": [answer]}), ASSESSMENT, "assessment")


def test_same_id_for_different_kinds(receiver: Services, tmp_path: Path) -> None:
    records = {"regions": [region(ASSESSMENT)], "assessments": [assessment(region_id=None)]}
    refused(receiver, bundle(tmp_path / "twice.inducci", records), ASSESSMENT, "two kinds of record")
    local = receiver.checklists.list()[0].id  # an id this machine uses for an assessment, sent as a region
    refused(receiver, bundle(tmp_path / "local.inducci", {"regions": [region(local)]}), local,
            "two kinds of record")


def test_the_same_record_twice(receiver: Services, tmp_path: Path) -> None:
    records = {"regions": [region(), region(name="Other")]}
    refused(receiver, bundle(tmp_path / "dup.inducci", records), "twice")


def test_unlisted_entries(receiver: Services, tmp_path: Path) -> None:
    records = good_records()
    path = write_zip(tmp_path / "extra.inducci", {"manifest.json": json.dumps(manifest(records)),
                                                  "readme.txt": "hello",
                                                  **{f"records/{k}.json": json.dumps(v) for k, v in records.items()}})
    refused(receiver, path, "readme.txt")
    head = manifest(records)
    head["records"] = {"assessments": "records/../assessments.json"}
    path = write_zip(tmp_path / "listed.inducci", {"manifest.json": json.dumps(head)})
    refused(receiver, path, "unexpected entry")
