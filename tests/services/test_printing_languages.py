"""Printouts in a document language: translated toolbox texts with "Translation not yet reviewed", English
fallbacks with "Available in English only", English printouts with neither (PDFs read back)."""

from __future__ import annotations

import pytest

from inducci_desktop.domain import i18n
from inducci_desktop.services.container import Services
from inducci_desktop.services.documents import DocumentRequest, build

from ..printing.conftest import page_texts

UNREVIEWED = "Translation not yet reviewed"
ENGLISH_ONLY = "Available in English only."


@pytest.fixture
def ready(services: Services) -> Services:
    services.prepare()
    return services


def text_of(services: Services, request: DocumentRequest) -> str:
    return " ".join(" ".join(page_texts(build(services, request).data)).split())


def test_a_blank_checklist_in_slovene_says_it_is_not_reviewed(ready: Services) -> None:
    text = text_of(ready, DocumentRequest("checklist-form", "checklist-cci-needs", language="sl"))
    assert UNREVIEWED in text
    assert "Potrebe lokalnih KKI" in text
    english = text_of(ready, DocumentRequest("checklist-form", "checklist-cci-needs", language="en"))
    assert UNREVIEWED not in english and ENGLISH_ONLY not in english and "Needs of local CCI" in english


def test_a_format_card_in_german_and_a_guide_that_exists_only_in_english(ready: Services) -> None:
    card = text_of(ready, DocumentRequest("format", "format-hackathon", language="de"))
    assert "Hackathon mit industriellen Aufgabenstellungen" in card and UNREVIEWED in card
    guide = text_of(ready, DocumentRequest("guide", "guide-mapping-cci", language="de"))
    assert ENGLISH_ONLY in guide and UNREVIEWED not in guide


def test_the_handout_pack_marks_each_item(ready: Services) -> None:
    text = text_of(ready, DocumentRequest("pack", records=("format-hackathon", "guide-mapping-cci"),
                                          language="pl", with_glossary=True))
    assert text.count(UNREVIEWED) >= 2  # the format card and the glossary
    assert ENGLISH_ONLY in text


def test_the_assessment_report_follows_the_document_language_not_the_interface(ready: Services) -> None:
    i18n.use("de")
    try:
        assessment = ready.checklists.create("checklist-cci-needs", "Gorenjska 2026")
        ready.checklists.set_answer(assessment.id, "networks-top-need", "clients")
        czech = text_of(ready, DocumentRequest("assessment-report", assessment.id, language="cs"))
        assert UNREVIEWED in czech and "Klienti a trhy" in czech and "Kunden und Märkte" not in czech
        german = text_of(ready, DocumentRequest("assessment-report", assessment.id))  # the interface language
        assert "Kunden und Märkte" in german
    finally:
        i18n.use("en")
