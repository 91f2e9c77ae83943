"""The interview record and the "people consulted" annex, built through the document registry and read back."""

from __future__ import annotations

from datetime import date

import pytest

from inducci_desktop.domain.evidence import Activity, InterviewInput, StakeholderInput
from inducci_desktop.services.container import Services
from inducci_desktop.services.documents import DocumentRequest, build, document
from inducci_desktop.services.evidence.people_documents import INTERVIEW_RECORD, PEOPLE_ANNEX

from .conftest import all_text, iter_fonts, pdf_title


@pytest.fixture
def ready(services: Services) -> Services:
    services.prepare()
    return services


def _interview(services: Services, *, name_consent: bool) -> str:
    rid = services.regions.add("Moravskoslezský kraj").id
    iid = services.interviews.create(InterviewInput(
        "interview-administration", rid, date(2026, 4, 7), "Bożena Kłos", "Vedoucí odboru",
        "Magistrát města Ostravy", "Jiří Dvořák", True, name_consent, "Rozhovor v kanceláři; Straße & Köln")).id
    services.interviews.set_answer(iid, "q1", "Odbor pro strategický rozvoj, cílové skupiny: malé firmy.")
    services.interviews.set_note(iid, "q1", "mluví rychle")
    services.interviews.set_answer(iid, "q13", "Spolupráce s Dolní oblastí Vítkovice – Győr, Łódź.")
    return iid


def test_interview_record_prints_questions_answers_and_notes(ready: Services) -> None:
    iid = _interview(ready, name_consent=False)
    built = build(ready, DocumentRequest(INTERVIEW_RECORD, iid))
    text = all_text(built.data)
    for expected in ("INTERVIEW RECORD", "Interview guide for administration staff", "7 April 2026",
                     "Bożena Kłos", "Vedoucí odboru, Magistrát města Ostravy", "Role and picture of the sector",
                     "1. What is your role", "Odbor pro strategický rozvoj", "Note: mluví rychle",
                     "24. Is there anything else", "Not answered.", "Dolní oblastí Vítkovice – Győr, Łódź",
                     "Rozhovor v kanceláři; Straße & Köln", "Yes (not to be named)"):
        assert expected in text, expected
    assert "Jiří Dvořák" not in text  # no name without consent
    assert "How to conduct" not in text
    assert pdf_title(built.data) == "Interview record – Interview guide for administration staff"
    assert built.file_name == "Interview-Magistrát-města-Ostravy-2026-04-07.pdf"
    assert all("Helvetica" not in str(font.get("/BaseFont")) for font in iter_fonts(built.data))
    assert [c[0] for c in document(INTERVIEW_RECORD).list_choices(ready)] == [iid]


def test_interview_record_and_annex_speak_the_document_language(ready: Services) -> None:
    iid = _interview(ready, name_consent=False)
    text = all_text(build(ready, DocumentRequest(INTERVIEW_RECORD, iid, language="pl")).data)
    for expected in ("PROTOKÓŁ WYWIADU", "Data", "7 kwietnia 2026", "Prowadzący", "Rozmówca", "Zgoda",
                     "Tak (bez podawania nazwiska)", "Brak odpowiedzi.", "Uwaga: mluví rychle"):
        assert expected in text, expected
    for english in ("Interview record", "INTERVIEW RECORD", "Not answered", "Consent", "Note:", "Interviewer"):
        assert english not in text, english
    rid = ready.interviews.get(iid).summary.region_id
    ready.stakeholders.add(StakeholderInput(rid, name="Agnieszka Szczęsna", organisation="Urząd Marszałkowski",
                                            role="Kierowniczka", consent=True, consent_date=date(2026, 1, 5)))
    annex = all_text(build(ready, DocumentRequest(PEOPLE_ANNEX, rid, language="pl")).data)
    for expected in ("ZAŁĄCZNIK", "Organizacja", "Konsultowano 1 osobę lub organizację.",
                     "Nazwiska drukowane są tylko dla 1 osoby, która wyraziła zgodę."):
        assert expected in annex, expected
    assert "consulted" not in annex and "Annex" not in annex


def test_interview_record_names_the_interviewee_with_consent_and_nothing_after_erasure(ready: Services) -> None:
    iid = _interview(ready, name_consent=True)
    text = all_text(build(ready, DocumentRequest(INTERVIEW_RECORD, iid)).data)
    assert "Jiří Dvořák (Vedoucí odboru, Magistrát města Ostravy)" in text
    ready.interviews.erase(iid)
    text = all_text(build(ready, DocumentRequest(INTERVIEW_RECORD, iid)).data)
    assert "Erased on request" in text and "were erased on request" in text
    for gone in ("Dvořák", "Magistrát", "Odbor pro strategický", "mluví"):
        assert gone not in text


def test_people_annex_is_a_table_with_names_only_with_consent(ready: Services) -> None:
    rid = ready.regions.add("Śląskie").id
    reg = ready.stakeholders
    reg.add(StakeholderInput(rid, name="Agnieszka Szczęsna", organisation="Regionalna Agencja Rozwoju",
                             role="Kierowniczka", consent=True, consent_date=date(2026, 1, 5),
                             activities=(Activity("focus_group", "Focus group: vacant halls in Żywiec"),
                                         Activity("pilot", "Pilot: Kulturcafé"))))
    reg.add(StakeholderInput(rid, name="Tomasz Łęcki", organisation="Urząd Gminy Wilkowice", role="Referent"))
    reg.add(StakeholderInput(rid, "organisation", organisation="Galeria Bielska BWA"))
    built = build(ready, DocumentRequest(PEOPLE_ANNEX, rid))
    text = all_text(built.data)
    for expected in ("People consulted", "Śląskie", "Organisation Role Name Activities", "Agnieszka", "Szczęsna",
                     "Kierowniczka", "Regionalna Agencja", "vacant halls in", "Żywiec", "Pilot: Kulturcafé",
                     "Urząd Gminy Wilkowice", "Galeria Bielska BWA",
                     "Names are printed only for the 1 who agreed"):
        assert expected in text, expected
    assert "Łęcki" not in text
    assert built.file_name == "People-consulted-Śląskie.pdf"
    empty = all_text(build(ready, DocumentRequest(PEOPLE_ANNEX, ready.regions.add("Gorenjska").id)).data)
    assert "Nobody is recorded as consulted yet." in empty
