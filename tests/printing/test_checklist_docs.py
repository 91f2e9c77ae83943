"""Checklist documents read back: the paper form, the filled report and the comparison."""

from __future__ import annotations

import pytest

from inducci_desktop.printing.checklists.documents import assessment_report, blank_checklist, comparison_report
from inducci_desktop.printing.options import PaperSize, PrintOptions
from inducci_desktop.services.container import Services
from tests.printing.conftest import all_text, iter_fonts, pdf_title, reader

from ..services.test_checklists import own_template


@pytest.fixture
def svc(services: Services) -> Services:
    services.prepare()
    services.checklists.templates.save(own_template())
    return services


def fonts(data: bytes) -> set[str]:
    return {str(font.get("/BaseFont")) for font in iter_fonts(data)}


def test_blank_form_numbers_every_item_and_embeds_unicode_fonts(svc: Services) -> None:
    template = svc.checklists.templates.template("checklist-regional-status-quo")
    data = blank_checklist(template, PrintOptions(paper=PaperSize.LETTER))
    text = all_text(data)
    count = sum(len(s.items) for s in template.sections)
    assert count >= 12
    for s_index, section in enumerate(template.sections, 1):
        assert section.title in text
        for i_index, item in enumerate(section.items, 1):
            assert f"{s_index}.{i_index} {item.text[:30]}" in text
    assert "Yes Partly No n.a." in text and "Page 1 of" in text
    assert all("DejaVu" in name for name in fonts(data)), fonts(data)
    assert pdf_title(data) == template.title
    width, height = reader(data).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (612, 792)


def test_blank_form_prints_central_european_text(svc: Services) -> None:
    data = blank_checklist(svc.checklists.templates.template("own-test"))
    text = all_text(data)
    assert "Erste Sektion – Łódź" in text
    assert "required" in text and "weight 2" in text and "companies" in text and "YYYY-MM-DD" in text


def test_filled_report_and_comparison(svc: Services) -> None:
    one = svc.checklists.create("own-test", "Příbram 2025", subject="Středočeský kraj", assessor="Jiří Dvořák",
                                assessed_on="2025-05-02")
    svc.checklists.set_answer(one.id, "q-ynp", "partly")
    svc.checklists.set_answer(one.id, "q-multi", ["a", "b"])
    svc.checklists.set_note(one.id, "q-ynp", "Übersicht für Győr & Łódź <b>not bold</b>")
    two = svc.checklists.next_round(one.id, assessed_on="2026-05-02")
    svc.checklists.set_answer(two.id, "q-ynp", "yes")

    report = assessment_report(svc.checklists.get(one.id))
    text = all_text(report)
    for expected in ("Příbram 2025", "Středočeský kraj", "Jiří Dvořák", "Partly", "Alpha, Beta",
                     "Übersicht für Győr & Łódź <b>not bold</b>", "Scores", "Total", "not answered",
                     "Required items not answered yet", "2.1 Name one"):
        assert expected in text, expected
    # section 1: (2*0.5 + 0.75) / 3 = 58 %
    assert "58 %" in text
    assert all("DejaVu" in name for name in fonts(report))

    comparison = comparison_report(svc.checklists.compare([one.id, two.id]))
    text = all_text(comparison)
    for expected in ("Příbram 2025 – round 2", "Scores by section", "B−A", "+33", "92 %", "Partly", "Yes"):
        assert expected in text, expected
    assert all("DejaVu" in name for name in fonts(comparison))


def test_kept_answers_are_printed(svc: Services) -> None:
    from dataclasses import replace

    a = svc.checklists.create("own-test", "kept")
    svc.checklists.set_answer(a.id, "q-long", "Words that must not vanish")
    template = svc.checklists.templates.template("own-test")
    first, second = template.sections
    svc.checklists.templates.save(replace(template, sections=(first, replace(second, items=second.items[:1]))))
    svc.checklists.move_to_version(a.id)
    text = all_text(assessment_report(svc.checklists.get(a.id)))
    assert "Answers kept from an earlier template version" in text and "Words that must not vanish" in text
