"""Hostile exchange bundles, each made from the 0.1.0 demo bundle with one thing wrong.

``CASES`` maps a name to how the bundle is spoiled and what the refusal must say. Run this module to write
every case as a file: ``python -m tests.hostile.bundles.make OUTPUT_FOLDER``.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "bundle-0.1.0-demo.inducci"

Records = dict[str, list[dict[str, Any]]]
Manifest = dict[str, Any]


@dataclass(frozen=True)
class Case:
    spoil: Callable[[Manifest, Records], bytes | None]  # bytes: a manifest.json written as is
    expected: tuple[str, ...]  # what the message must name (all of them)


def base() -> tuple[Manifest, Records]:
    with zipfile.ZipFile(FIXTURE) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        records = {kind: json.loads(archive.read(entry)) for kind, entry in manifest["records"].items()}
    return manifest, records


def write(path: Path, manifest: Manifest, records: Records, raw_manifest: bytes | None = None) -> Path:
    manifest["counts"] = {kind: len(rows) for kind, rows in records.items()}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", raw_manifest if raw_manifest is not None else json.dumps(manifest))
        for kind, rows in records.items():
            archive.writestr(f"records/{kind}.json", json.dumps(rows))
    return path


def make(name: str, folder: Path) -> Path:
    manifest, records = base()
    raw = CASES[name].spoil(manifest, records)
    return write(folder / f"{name}.inducci", manifest, records, raw)


# --- the spoilers -------------------------------------------------------------------------------------

WORKSHOP = "0e0738d2-4dc6-5b57-84fd-741eb78369e0"
GORENJSKA = "a286c4ab-4cd4-5180-8654-6ae1ab95c0f2"
SILESIA = "de629e9f-40a4-58c6-881a-f0acfffdd3f4"


def _set(kind: str, field: str, value: Any, index: int = 0) -> Callable[[Manifest, Records], None]:
    def spoil(_manifest: Manifest, records: Records) -> None:
        records[kind][index][field] = value
    return spoil


def _bogus_workshop(_manifest: Manifest, records: Records) -> None:
    records["workshops"][0].update(status="bogus", mode="teleport")


def _deep_manifest(manifest: Manifest, _records: Records) -> bytes:
    depth = 100_000
    text = json.dumps(manifest)
    return (text[:-1] + ', "created_by": ' + "[" * depth + "]" * depth + "}").encode()


def _deep_answer(_manifest: Manifest, records: Records) -> None:
    # json.dumps cannot write it (it recurses too); splice the text in afterwards instead
    records["answers"][0]["value"] = "@DEEP@"


def _region_cycle(_manifest: Manifest, records: Records) -> None:
    regions = records["regions"]
    third = dict(regions[0], id="0b1f7d36-0000-4000-8000-00000000c1c1", name="Kraina", parent_id=SILESIA)
    by_id = {r["id"]: r for r in regions}
    by_id[GORENJSKA]["parent_id"] = third["id"]
    by_id[SILESIA]["parent_id"] = GORENJSKA
    regions.append(third)


def _answer_not_fitting(_manifest: Manifest, records: Records) -> None:
    for answer in records["answers"]:
        if answer["item_key"] == "presence-statistics":  # a yes / partly / no item
            answer["value"] = 42


def _rating_not_fitting(_manifest: Manifest, records: Records) -> None:
    response = records["feedback_responses"][0]
    ratings = [q["id"] for q in records["feedback_questions"] if q["kind"] == "rating"]
    response["answers"][ratings[0]] = 9


def _personal(name: str) -> Callable[[Manifest, Records], None]:
    def spoil(manifest: Manifest, records: Records) -> None:
        manifest["includes_personal_data"] = True
        for row in records["participants"]:
            row.update(name="Zofia Wójcik", organisation="", department="", email="")
        for row in records["actions"]:
            row["owner"] = ""
        records["participants"][0]["name"] = name
    return spoil


CASES: dict[str, Case] = {
    "workshop-status-and-mode": Case(_bogus_workshop, ("records/workshops.json", "the workshop", WORKSHOP,
                                                       "status", "'bogus'", "mode", "'teleport'")),
    "date-9999-with-time-zone": Case(_set("workshops", "created_at", "9999-12-31T23:00:00-05:00"),
                                     ("records/workshops.json", WORKSHOP, "created_at", "outside 1970–2199")),
    "updated-at-9999": Case(_set("regions", "updated_at", "9999-12-31T23:59:59+00:00"),
                            ("records/regions.json", "Gorenjska", "updated_at", "outside 1970–2199")),
    "manifest-nested-100000-deep": Case(_deep_manifest, ("manifest.json", "nested too deeply")),
    "answer-nested-100000-deep": Case(_deep_answer, ("records/answers.json",)),
    "workshop-day-in-year-1": Case(_set("workshop_days", "day", "0001-01-01"),
                                   ("records/workshop_days.json", "day", "0001-01-01", "outside 1970–2199")),
    "day-ends-before-it-starts": Case(_set("workshop_days", "end_minutes", 300),
                                      ("records/workshop_days.json", "must end after it starts")),
    "region-its-own-parent": Case(_set("regions", "parent_id", GORENJSKA),
                                  ("records/regions.json", "Gorenjska", "its own parent")),
    "regions-in-a-cycle": Case(_region_cycle, ("records/regions.json", "circle", "Gorenjska", "Kraina",
                                               "Śląskie (Silesia)")),
    "nul-in-a-workshop-title": Case(_set("workshops", "title", "Training\x00day"),
                                    ("records/workshops.json", WORKSHOP, "title", "U+0000")),
    "control-character-in-a-region-name": Case(_set("regions", "name", "Gorenj\x01ska"),
                                               ("records/regions.json", "name", "U+0001")),
    "vertical-tab-in-a-venue": Case(_set("workshops", "venue", "Bielsko\x0bBiała"),
                                    ("records/workshops.json", "venue", "U+000B")),
    "nul-in-a-participant-name": Case(_personal("Zofia\x00Wójcik"),
                                      ("records/participants.json", "name", "U+0000")),
    "line-break-in-a-participant-name": Case(_personal("Zofia\u2028Wójcik"),
                                             ("records/participants.json", "name", "U+2028")),
    "answer-not-fitting-its-item": Case(_answer_not_fitting, ("records/answers.json", "presence-statistics",
                                                              "Silesia CCI status quo", "42")),
    "rating-not-fitting-its-question": Case(_rating_not_fitting, ("records/feedback_responses.json",
                                                                  "rating", "1 to 5")),
    "outcome-of-an-unknown-kind": Case(_set("outcomes", "kind", "wish"), ("records/outcomes.json", "kind", "'wish'")),
    "action-with-an-unknown-status": Case(_set("actions", "status", "someday"),
                                          ("records/actions.json", "status", "'someday'")),
    "block-of-no-minutes": Case(_set("agenda_blocks", "duration_minutes", 0),
                                ("records/agenda_blocks.json", "duration_minutes")),
}


def write_case(name: str, folder: Path) -> Path:
    """The case's bundle in ``folder`` (the deep answer is spliced in as text: json cannot write it)."""
    path = make(name, folder)
    if name == "answer-nested-100000-deep":
        manifest, records = base()
        _deep_answer(manifest, records)
        depth = 100_000
        entries = {"manifest.json": json.dumps(manifest).encode()}
        for kind, rows in records.items():
            text = json.dumps(rows)
            entries[f"records/{kind}.json"] = text.replace('"@DEEP@"', "[" * depth + "]" * depth).encode()
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for entry, data in entries.items():
                archive.writestr(entry, data)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        print(write_case(case, target))
