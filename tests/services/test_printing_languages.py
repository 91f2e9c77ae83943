"""Printouts in a document language: translated toolbox texts with "Translation not yet reviewed", English
fallbacks with "Available in English only", English printouts with neither (PDFs read back)."""

from __future__ import annotations

import pytest

from inducci_desktop import catalogs
from inducci_desktop.domain import i18n
from inducci_desktop.services.container import Services
from inducci_desktop.services.documents import DocumentRequest, build

from ..printing.conftest import page_texts

UNREVIEWED = "Translation not yet reviewed: a native speaker has not checked this text yet."
ENGLISH_ONLY = "Available in English only."


def said_in(code: str, message: str) -> str:
    """``message`` as a printout in ``code`` says it (English where that catalog lacks it)."""
    return catalogs.load(code).gettext(message)


@pytest.fixture
def ready(services: Services) -> Services:
    services.prepare()
    return services


def text_of(services: Services, request: DocumentRequest) -> str:
    return " ".join(" ".join(page_texts(build(services, request).data)).split())


def test_a_blank_checklist_in_slovene_says_it_is_not_reviewed(ready: Services) -> None:
    text = text_of(ready, DocumentRequest("checklist-form", "checklist-cci-needs", language="sl"))
    assert said_in("sl", UNREVIEWED) in text
    assert "Potrebe lokalnih KKI" in text
    english = text_of(ready, DocumentRequest("checklist-form", "checklist-cci-needs", language="en"))
    assert UNREVIEWED not in english and ENGLISH_ONLY not in english and "Needs of local CCI" in english


def test_a_format_card_in_german_and_a_guide_that_exists_only_in_english(ready: Services) -> None:
    card = text_of(ready, DocumentRequest("format", "format-hackathon", language="de"))
    assert said_in("de", UNREVIEWED) != UNREVIEWED  # the notice is in the document's language
    assert "Hackathon mit industriellen Aufgabenstellungen" in card and said_in("de", UNREVIEWED) in card
    guide = text_of(ready, DocumentRequest("guide", "guide-mapping-cci", language="de"))
    assert said_in("de", ENGLISH_ONLY) in guide and said_in("de", UNREVIEWED) not in guide


def test_the_handout_pack_marks_each_item(ready: Services) -> None:
    text = text_of(ready, DocumentRequest("pack", records=("format-hackathon", "guide-mapping-cci"),
                                          language="pl", with_glossary=True))
    assert text.count(said_in("pl", UNREVIEWED)) >= 2  # the format card and the glossary
    assert said_in("pl", ENGLISH_ONLY) in text


def test_the_assessment_report_follows_the_document_language_not_the_interface(ready: Services) -> None:
    i18n.use("de")
    try:
        assessment = ready.checklists.create("checklist-cci-needs", "Gorenjska 2026")
        ready.checklists.set_answer(assessment.id, "networks-top-need", "clients")
        czech = text_of(ready, DocumentRequest("assessment-report", assessment.id, language="cs"))
        assert said_in("cs", UNREVIEWED) in czech and "Klienti a trhy" in czech and "Kunden und Märkte" not in czech
        german = text_of(ready, DocumentRequest("assessment-report", assessment.id))  # the interface language
        assert "Kunden und Märkte" in german
    finally:
        i18n.use("en")


def test_an_english_fallback_guide_keeps_its_images_in_another_document_language(ready: Services) -> None:
    from ..printing.conftest import reader

    for language in ("en", "it"):
        data = build(ready, DocumentRequest("guide", "guide-training-preparation", language=language)).data
        assert any(page.images for page in reader(data).pages), language
