"""Translated content packs: loading with English fallback item by item, search per language, assessments
compared by key across languages, and ``content check`` naming file and line of every structural difference."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from inducci_desktop.app import run
from inducci_desktop.content.loader import load_pack
from inducci_desktop.content.packinfo import shipped_pack
from inducci_desktop.content.translation import LANGUAGES, compare, load_translations
from inducci_desktop.domain import i18n
from inducci_desktop.services.container import Services

from .packs import GUIDE, SOURCE, make_pack

META = '{language: de, translated_by: "test", reviewed: false}'


@pytest.fixture
def german() -> Iterator[None]:
    """The interface language is German for the test (the library reads it at every call)."""
    i18n.use("de")
    try:
        yield
    finally:
        i18n.use("en")


@pytest.fixture
def loaded(services: Services) -> Services:
    services.prepare()
    return services


def copy_packs(tmp_path: Path, *languages: str) -> Path:
    """The shipped English pack and the given translations, copied to tmp; returns the English folder."""
    for code in ("en", *languages):
        shutil.copytree(shipped_pack(code), tmp_path / "content" / code)
    return tmp_path / "content" / "en"


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


# --- the shipped packs ---------------------------------------------------------------------------------


def test_every_shipped_translation_has_exactly_the_english_ids_and_keys() -> None:
    english = load_pack()
    packs = load_translations(english, shipped_pack())
    assert set(packs.languages) == set(LANGUAGES), packs.problems
    for code in LANGUAGES[1:]:
        assert compare(shipped_pack(), shipped_pack(code), code) == [], code
        pack = packs.languages[code]
        assert list(pack.items) == list(english.items)
        assert [t.id for t in pack.glossary] == [t.id for t in english.glossary]
        for template in pack.checklists.values():
            assert template.language == code  # all six translated
            english_template = english.checklists[template.id]
            assert [[(i.key, [o.key for o in i.options]) for i in s.items] for s in template.sections] == \
                [[(i.key, [o.key for o in i.options]) for i in s.items] for s in english_template.sections]
            assert template.translation is not None and not template.translation.reviewed


def test_content_check_of_the_shipped_packs_reports_coverage(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["--data-dir", str(tmp_path / "data"), "content", "check"])
    out = capsys.readouterr().out
    assert code == 0, out
    for lang in LANGUAGES[1:]:
        assert f"{lang}: guide 0/18, case 0/8, format 12/12, interview 3/3, checklist 6/6, checklist item 103/103" \
            in out


# --- the library in another language ---------------------------------------------------------------------


def test_a_translated_item_says_it_is_not_reviewed_and_a_missing_one_falls_back(loaded: Services,
                                                                                german: None) -> None:
    card = loaded.library.item("format-hackathon")
    assert card.language == "de" and card.text_language == "de"
    assert card.title == "Hackathon mit industriellen Aufgabenstellungen"
    assert card.unreviewed and not card.fallback
    guide = loaded.library.item("guide-mapping-cci")  # guides are not translated: English, marked so
    assert guide.language == "de" and guide.text_language == "en"
    assert guide.fallback and not guide.unreviewed
    assert loaded.library.sections()[0].title == "Die Kultur- und Kreativwirtschaft der Region verstehen"
    i18n.use("en")
    english = loaded.library.item("format-hackathon")
    assert english.title == "Hackathon with industrial challenges" and not english.fallback and not english.unreviewed


def test_an_unknown_interface_language_reads_english(loaded: Services) -> None:
    i18n.use("fr")
    try:
        assert loaded.library.current_language() == "en"
        assert loaded.library.item("format-hackathon").title == "Hackathon with industrial challenges"
    finally:
        i18n.use("en")


def test_search_looks_in_the_interface_language_and_english_fallback(loaded: Services, german: None) -> None:
    titles = {h.id: h.title for h in loaded.library.search("Aufgabenstellungen")}
    assert titles.get("format-hackathon") == "Hackathon mit industriellen Aufgabenstellungen"
    # guides exist only in English: the German index holds their English text
    assert "guide-mapping-cci" in {h.id for h in loaded.library.search("mapping")}
    # German spelled without umlauts, or with them dropped, finds "Unterstützung"
    for query in ("unterstuetzung", "unterstutzung", "Unterstützung"):
        hits = loaded.library.search(query)
        assert hits, query
        assert any("Unterstützung" in h.snippet or "Unterstützung" in h.title for h in hits), query
    assert loaded.library.search("Aufgabenstellungen", language="en") == []


def test_italian_and_slovene_search_fold_their_letters(loaded: Services) -> None:
    assert loaded.library.search("citta", language="it")
    assert any("città" in h.snippet for h in loaded.library.search("citta", language="it"))
    assert loaded.library.search("skofja", language="sl")


def test_notes_are_found_in_every_language(loaded: Services, german: None) -> None:
    loaded.library.set_note("format-hackathon", "Notiz zu Łódź")
    assert [h.id for h in loaded.library.search("lodz")] == ["format-hackathon"]
    assert [h.id for h in loaded.library.search("lodz", language="pl")] == ["format-hackathon"]


def test_search_folds_the_letters_of_all_seven_languages(services: Services, tmp_path: Path) -> None:
    text = "München, Krško, città, Łódź, Straße, Ørsted, Đakovo, Žatec, Brno–Ústí, Ĳsselmeer"
    body = GUIDE.format(sources=SOURCE).replace("A second paragraph about Škofja Loka and Padova.", text)
    services.library.ensure_content(make_pack(tmp_path / "en", changes={"guides/one.md": body}))
    for query in ("muenchen", "munchen", "krsko", "citta", "lodz", "strasse", "orsted", "dakovo", "zatec",
                  "usti", "ijsselmeer"):
        hits = services.library.search(query)
        assert [h.id for h in hits] == ["guide-one"], query
        assert hits[0].ranges, query
    hit = services.library.search("muenchen")[0]
    start, end = hit.ranges[0]
    assert hit.snippet[start:end] == "München"


# --- checklists: same keys in every language ---------------------------------------------------------------


def test_assessments_in_polish_and_german_compare_item_by_item(loaded: Services) -> None:
    checklists = loaded.checklists
    i18n.use("pl")
    try:
        polish = checklists.create("checklist-cci-needs", "Śląskie 2026")
        view = checklists.get(polish.id)
        assert view.template.language == "pl"
        assert view.template.sections[0].items[0].text.startswith("Czy w ciągu ostatnich dwóch lat")
        checklists.set_answer(polish.id, "knowledge-survey", "yes")
        checklists.set_answer(polish.id, "networks-top-need", "clients")
        i18n.use("de")
        german_one = checklists.create("checklist-cci-needs", "Sachsen 2026")
        checklists.set_answer(german_one.id, "knowledge-survey", "partly")
        checklists.set_answer(german_one.id, "networks-top-need", "clients")
        comparison = checklists.compare([polish.id, german_one.id])
        assert comparison.template.title == "Bedarfe der örtlichen Kreativwirtschaft"
        survey = next(row for row in comparison.items if row.item.key == "knowledge-survey")
        assert survey.scores[0] == 1.0 and survey.scores[1] == 0.5
        need = next(row for row in comparison.items if row.item.key == "networks-top-need")
        assert need.answers == ("Kunden und Märkte", "Kunden und Märkte")
        # the same assessment shown in Polish again: the answers are the same, only the texts change
        polish_again = checklists.compare([polish.id, german_one.id], language="pl")
        need = next(row for row in polish_again.items if row.item.key == "networks-top-need")
        assert need.answers[0] != "Kunden und Märkte" and need.answers[0] == need.answers[1]
    finally:
        i18n.use("en")
    english = checklists.get(polish.id)
    assert english.template.language == "en" and english.answers["knowledge-survey"].value == "yes"


def test_a_translation_with_other_keys_is_not_used(services: Services, tmp_path: Path, german: None) -> None:
    english = copy_packs(tmp_path, "de")
    path = english.parent / "de" / "checklists" / "cci-needs.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("key: knowledge-date", "key: knowledge-when"),
                    encoding="utf-8")
    services.library.ensure_content(english)
    template = services.library.checklist_template("checklist-cci-needs")
    assert template.language == "en" and template.title == "Needs of local CCI"
    assert services.library.checklist_template("checklist-pilot-action").language == "de"


# --- content check of a broken translation ---------------------------------------------------------------


def check(tmp_path: Path, english: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = run(["--data-dir", str(tmp_path / "data"), "content", "check", "--pack", str(english)])
    return code, capsys.readouterr().out.splitlines()


def test_content_check_names_file_and_line_of_extra_and_missing_keys(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    english = copy_packs(tmp_path, "de")
    de = english.parent / "de"
    checklist = de / "checklists" / "cci-needs.yaml"
    text = checklist.read_text(encoding="utf-8")
    text = text.replace("key: knowledge-date", "key: knowledge-when")  # an extra key and a missing one
    text = text.replace('          - {key: growth, label: "Personal einstellen und wachsen"}\n', "")
    text = text.replace('{key: space, label: "Bezahlbare Räume"}', '{key: rooms, label: "Bezahlbare Räume"}')
    checklist.write_text(text, encoding="utf-8")
    code, lines = check(tmp_path, english, capsys)
    assert code == 1
    when = line_of(checklist, "key: knowledge-when")
    assert f"de/checklists/cci-needs.yaml:{when}: extra item key 'knowledge-when': English has none" in lines
    assert any(line.startswith("de/checklists/cci-needs.yaml:") and "missing item key 'knowledge-date'" in line
               for line in lines)
    assert any("missing option key 'growth' of item 'business-topics'" in line for line in lines)
    rooms = line_of(checklist, "key: rooms")
    assert f"de/checklists/cci-needs.yaml:{rooms}: extra option key 'rooms' of item 'networks-top-need': " \
           "English has none" in lines
    assert any("missing option key 'space' of item 'networks-top-need'" in line for line in lines)


def test_content_check_names_changed_structure_metadata_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = copy_packs(tmp_path, "de")
    de = english.parent / "de"
    (de / "formats" / "role-play.md").unlink()
    card = de / "formats" / "hackathon.md"
    card.write_text(card.read_text(encoding="utf-8")
                    .replace("duration_minutes: {min: 1440, max: 4680}", "duration_minutes: {min: 60, max: 4680}")
                    .replace("(item:guide-analog-digital-training)", "(item:format-living-lab)")
                    .replace(f"translation: {META.replace('test', 'InduCCI Desktop team (machine-assisted)')}\n", ""),
                    encoding="utf-8")
    glossary = de / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + f"- id: extra-term\n  term: Extra\n  definition: X.\n"
                        f"  translation: {META}\n", encoding="utf-8")
    weights = de / "checklists" / "pilot-action.yaml"
    weights.write_text(weights.read_text(encoding="utf-8").replace("language: de,", "language: pl,", 1),
                       encoding="utf-8")
    code, lines = check(tmp_path, english, capsys)
    assert code == 1
    assert "de/formats/role-play.md:0: missing file: it must be translated (the English pack has it)" in lines
    minutes = line_of(card, "duration_minutes:")
    assert any(line.startswith(f"de/formats/hackathon.md:{minutes}: differs from English: 'duration_minutes'")
               for line in lines)
    assert any(line.startswith("de/formats/hackathon.md:2: missing translation metadata") for line in lines)
    assert any(line.startswith("de/formats/hackathon.md:") and "links to items" in line for line in lines)
    extra = line_of(glossary, "id: extra-term")
    assert f"de/glossary.yaml:{extra}: extra glossary term id 'extra-term': English has none" in lines
    language = line_of(weights, "translation:")
    assert f"de/checklists/pilot-action.yaml:{language}: translation.language of the checklist is 'pl', " \
           "expected 'de'" in lines
    assert lines[-1].endswith("problems found in translated packs")


def test_a_broken_translated_pack_falls_back_to_english_and_says_why(tmp_path: Path, services: Services,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     german: None) -> None:
    english = copy_packs(tmp_path, "de")
    sections = english.parent / "de" / "sections.yaml"
    sections.write_text("- id: [broken\n", encoding="utf-8")
    code, lines = check(tmp_path, english, capsys)
    assert code == 1
    assert any(line.startswith("de/sections.yaml:") and "YAML syntax error" in line for line in lines)
    assert "de: not usable" in "\n".join(lines)
    services.library.ensure_content(english)  # loads English, skips the broken German pack
    assert services.library.languages() == ["en"]
    item = services.library.item("format-hackathon")
    assert item.text_language == "en" and item.language == "en"


def test_content_check_of_one_missing_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = copy_packs(tmp_path)
    code = run(["--data-dir", str(tmp_path / "data"), "content", "check", "--pack", str(english),
                "--language", "sl"])
    out = capsys.readouterr().out
    assert code == 1 and "sl: no translated pack" in out
