"""Evidence in bundles: findings with their topics and sources, interviews, people consulted; topics made on
both machines under one name stay one topic; personal data of interviewees stays out unless asked."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from inducci_desktop.domain.evidence import SourceRef
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.exchange.service import ExportSelection
from inducci_desktop.store.models import Interview, Stakeholder
from tests.services.exchange_helpers import dump, folder, read_records

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")

ALL = ExportSelection(everything=True)
SILESIA = demo_id("region:Śląskie (Silesia)")


def test_findings_travel_with_their_topics_and_open_their_sources_there(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "x.inducci", ALL)
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        for table in ("evidence_findings", "evidence_topics"):
            assert dump(b.store.path, local=False)[table] == dump(a.store.path, local=False)[table], table
        for finding in b.evidence.findings.list():
            assert b.evidence.sources.resolve(finding.source).live, finding.statement
        again = b.exchange.plan(tmp_path / "x.inducci")
        assert not again.added and not again.updated and not again.conflicts


def test_a_topic_made_on_both_machines_is_one_topic(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b", demo=True) as b:
        mine = b.evidence.findings.add_topic("Brownfield sites")
        theirs = a.evidence.findings.add_topic("brownfield SITES")
        made = a.evidence.findings.add(SILESIA, "Two brownfield halls wait for creative tenants.", SourceRef("note"),
                                       citation="Site visit, May 2026", observed_on=date(2026, 5, 20),
                                       topic_ids=[theirs.id])
        a.exchange.export(tmp_path / "x.inducci", ALL)
        plan = b.exchange.plan(tmp_path / "x.inducci")
        assert any(e.reason == "taken as the topic of the same name here" for e in plan.unchanged)
        b.exchange.apply(plan)
        assert [t.name for t in b.evidence.findings.topics()].count("Brownfield sites") == 1
        assert b.evidence.findings.get(made.id).topic_names == ("Brownfield sites",)
        assert b.evidence.findings.get(made.id).topics[0].id == mine.id


def test_interviewees_and_people_consulted_stay_out_unless_asked(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        with a.store.db.unit_of_work() as session:
            session.add(Interview(guide_id="interview-administration", region_id=SILESIA,
                                  held_on=date(2026, 5, 2), interviewer="Team", interviewee_role="Head of unit",
                                  interviewee_organisation="Urząd Marszałkowski", interviewee_name="Zdzisław Kłos",
                                  consent=True, name_consent=True))
            session.add(Stakeholder(region_id=SILESIA, name="Bożena Wróbel", organisation="Fabryka Kreatywna",
                                    role="Founder", email="b.wrobel@example.org", consent=True))
        a.exchange.export(tmp_path / "anon.inducci", ALL)
        _head, records = read_records(tmp_path / "anon.inducci")
        assert all(r["interviewee_name"] is None for r in records["interviews"])
        assert all(r["name"] is None and r["email"] is None for r in records["stakeholders"])
        with zipfile.ZipFile(tmp_path / "anon.inducci") as archive:
            text = b"".join(archive.read(name) for name in archive.namelist())
        assert "Kłos".encode() not in text and "Wróbel".encode() not in text
        b.exchange.apply(b.exchange.plan(tmp_path / "anon.inducci"))
        with b.store.db.reading() as session:
            interview = session.query(Interview).filter_by(held_on=date(2026, 5, 2)).one()  # the demo has one too
            assert interview.interviewee_name == "" and interview.guide_id == "interview-administration"
        a.exchange.export(tmp_path / "full.inducci", ExportSelection(everything=True, include_personal_data=True))
        b.exchange.apply(b.exchange.plan(tmp_path / "full.inducci"))
        with b.store.db.reading() as session:
            assert session.query(Interview).filter_by(held_on=date(2026, 5, 2)).one().interviewee_name == (
                "Zdzisław Kłos")
            assert session.query(Stakeholder).filter_by(role="Founder").one().email == "b.wrobel@example.org"


def test_a_finding_with_an_unknown_topic_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.exchange.export(tmp_path / "x.inducci", ALL)
        with zipfile.ZipFile(tmp_path / "x.inducci") as archive:
            entries = {name: archive.read(name) for name in archive.namelist()}
        name = next(n for n in entries if n.endswith("findings.json"))
        findings = json.loads(entries[name])
        findings[0]["topic_ids"] = ["00000000-0000-4000-8000-000000000000"]
        entries[name] = json.dumps(findings).encode()
        with zipfile.ZipFile(tmp_path / "bad.inducci", "w") as archive:
            for entry, data in entries.items():
                archive.writestr(entry, data)
        before = dump(b.store.path)
        with pytest.raises(ServiceError, match="has the topic"):
            b.exchange.plan(tmp_path / "bad.inducci")
        assert dump(b.store.path) == before
