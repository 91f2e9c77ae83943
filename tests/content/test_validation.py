"""Every kind of content problem is reported with its file and line, all of them at once, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from inducci_desktop.content.loader import check_pack, load_pack
from inducci_desktop.content.problems import ContentError, Problem

from .packs import CASE, CHECKLIST, FORMAT, GUIDE, SOURCE, make_pack


def problems_of(tmp_path: Path, changes: dict[str, str | bytes | None]) -> list[Problem]:
    pack, problems = check_pack(make_pack(tmp_path / "en", changes=changes))
    assert pack is None
    assert problems
    return problems


def assert_problem(problems: list[Problem], file: str, line: int, fragment: str) -> None:
    matching = [p for p in problems if p.file == file and p.line == line and fragment in p.message]
    assert matching, f"no problem {file}:{line} containing {fragment!r} in:\n" + "\n".join(map(str, problems))


def guide(**replace: str) -> str:
    text = GUIDE.format(sources=SOURCE)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def test_the_small_pack_is_valid(tmp_path: Path) -> None:
    pack = load_pack(make_pack(tmp_path / "en"))
    assert set(pack.items) == {"guide-one", "case-one", "format-one", "interview-one"}
    assert pack.checklists["checklist-one"].sections[0].items[1].scale_labels == {1: "not at all", 5: "fully"}
    assert pack.items["format-one"].fields["group_size"] == {"min": 8, "max": 30}
    assert "item:" not in pack.items["guide-one"].text and "the format" in pack.items["guide-one"].text


GUIDE_CASES = [
    # (replace in guide, line, message fragment)
    ({"tags: [mapping, statistics]": "tags: [mapping]\ncolour: blue"}, 7, "unknown key 'colour'"),
    ({"id: guide-one": "id: Guide_One"}, 2, "not valid"),
    ({"id: guide-one": "id: format-two"}, 2, "must start with 'guide-'"),
    ({"section: mapping": "section: nowhere"}, 3, "unknown section 'nowhere'"),
    ({"related: [format-one]": "related: [format-one, guide-missing]"}, 10, "unknown item 'guide-missing'"),
    ({"(item:format-one)": "(item:format-gone)"}, 15, "unknown item 'format-gone'"),
    ({"title: InduCCI e-Toolbox\n": "title: x\n", "  - url: https://toolbox.inducci.eu/\n": ""}, 8, "sources"),
    ({"sources:\n  - url: https://toolbox.inducci.eu/\n    title: InduCCI e-Toolbox\n": "sources: []\n"}, 7,
     "at least 1"),
    ({"sources:\n  - url: https://toolbox.inducci.eu/\n    title: InduCCI e-Toolbox\n": ""}, 2,
     "missing key 'sources'"),
    ({"title: Mapping in Łódź and Bielsko-Biała": "title: ''"}, 4, "title"),
    ({"A second paragraph": "<div>raw</div>\n\nA second paragraph"}, 17, "raw HTML"),
    ({"## Why": "# Why"}, 13, "level-1 heading"),
    ({"A second paragraph": "![a map](images/missing.png)\n\nA second paragraph"}, 17, "image 'images/missing.png'"),
    ({"A second paragraph": "![x](../../outside.png)\n\nA second paragraph"}, 17, "not found in the pack"),
]


@pytest.mark.parametrize(("replace", "line", "fragment"), GUIDE_CASES)
def test_front_matter_and_body_problems_name_file_and_line(
    tmp_path: Path, replace: dict[str, str], line: int, fragment: str
) -> None:
    problems = problems_of(tmp_path, {"guides/one.md": guide(**replace)})
    assert_problem(problems, "guides/one.md", line, fragment)


def test_yaml_syntax_error_has_the_line_in_the_file(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, {"guides/one.md": guide(**{"tags: [mapping, statistics]": "tags: [mapping"})})
    assert len(problems) == 1
    assert problems[0].file == "guides/one.md" and "YAML syntax error" in problems[0].message
    assert problems[0].line in (6, 7)


def test_missing_and_unclosed_front_matter(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, {"guides/one.md": "## Just a body\n", "formats/one.md": "---\nid: x\n"})
    assert_problem(problems, "guides/one.md", 1, "missing front matter")
    assert_problem(problems, "formats/one.md", 1, "not closed")


def test_non_utf8_file_is_a_problem_with_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    raw = guide().encode("utf-8").replace(b"Counting", "Co\xfcnting".encode("latin-1"))
    problems = problems_of(tmp_path, {"guides/one.md": raw})
    assert_problem(problems, "guides/one.md", 15, "not UTF-8")
    assert [p.file for p in problems] == ["guides/one.md"]


def test_case_formats_must_be_format_ids(tmp_path: Path) -> None:
    case = CASE.format(sources=SOURCE).replace("formats: [format-one]", "formats: [guide-one]")
    problems = problems_of(tmp_path, {"cases/one.md": case})
    assert_problem(problems, "cases/one.md", 14, "'guide-one' is a guide, expected a format")


def test_case_and_format_fields_are_required_and_typed(tmp_path: Path) -> None:
    case = CASE.format(sources=SOURCE).replace("region: Silesia\n", "")
    fmt = FORMAT.format(sources=SOURCE).replace("{min: 8, max: 30}", "{min: 8, max: many}")
    problems = problems_of(tmp_path, {"cases/one.md": case, "formats/one.md": fmt})
    assert_problem(problems, "cases/one.md", 1 + 1, "missing key 'region'")
    assert_problem(problems, "formats/one.md", 13, "group_size.max")


def checklist(**replace: str) -> str:
    text = CHECKLIST.format(sources=SOURCE)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


CHECKLIST_CASES = [
    ({"key: level": "key: stats"}, 18, "duplicate item key 'stats'"),
    ({"        type: choice\n        options: [{key: a, label: \"A\", score: 1.0}, {key: b, label: \"B\", score: 0}]\n":
      "        type: choice\n"}, 22, "needs 'options'"),
    ({"        scale: {min: 1, max: 5, labels: {1: \"not at all\", 5: \"fully\"}}\n": ""}, 18, "needs 'scale"),
    ({"weight: 2": "weight: 0"}, 16, "greater than 0"),
    ({"weight: 2": "weight: -1"}, 16, "greater than 0"),
    ({"type: ynp": "type: yesno"}, 15, "type"),
    ({"guide: guide-one": "guide: guide-nowhere"}, 17, "unknown item 'guide-nowhere'"),
    ({"section: mapping\n": "section: nowhere\n"}, 5, "unknown section 'nowhere'"),
    ({"{key: b, label": "{key: a, label"}, 25, "duplicate option key 'a'"),
    ({"min: 1, max: 5": "min: 5, max: 1"}, 21, "'min' must be less than 'max'"),
    ({"unit: companies": "unit: companies\n        options: [{key: x, label: X}]"}, 30, "only for choice"),
    ({"version: 1": "version: one"}, 2, "version"),
    ({"        text: Is there a statistical overview?\n": "        txt: Is there a statistical overview?\n"}, 14,
     "unknown key"),
]


@pytest.mark.parametrize(("replace", "line", "fragment"), CHECKLIST_CASES)
def test_checklist_problems_name_file_and_line(
    tmp_path: Path, replace: dict[str, str], line: int, fragment: str
) -> None:
    problems = problems_of(tmp_path, {"checklists/one.yaml": checklist(**replace)})
    assert_problem(problems, "checklists/one.yaml", line, fragment)


def test_pack_yaml_fields(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, {"pack.yaml": "id: test-pack\nlanguage: english\ntitle: T\nflavour: x\n"})
    assert_problem(problems, "pack.yaml", 1, "missing key 'version'")
    assert_problem(problems, "pack.yaml", 2, "language")
    assert_problem(problems, "pack.yaml", 4, "unknown key 'flavour'")


def test_missing_pack_yaml_and_sections(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, {"pack.yaml": None, "sections.yaml": None})
    assert_problem(problems, "pack.yaml", 0, "missing")
    assert_problem(problems, "sections.yaml", 0, "missing")


def test_duplicate_ids_across_files_and_in_sections(tmp_path: Path) -> None:
    sections = (
        "- id: mapping\n  title: A\n- id: pilots\n  title: B\n- id: policy\n  title: C\n"
        "- id: mapping\n  title: D\n"
    )
    problems = problems_of(tmp_path, {"guides/two.md": guide(), "sections.yaml": sections})
    assert_problem(problems, "guides/two.md", 2, "duplicate id 'guide-one' (first defined in guides/one.md:2)")
    assert_problem(problems, "sections.yaml", 7, "duplicate section id 'mapping'")


def test_glossary_and_links_references(tmp_path: Path) -> None:
    glossary = (
        "- id: cci\n  term: CCI\n  definition: D.\n  see: [guide-one, case-nowhere]\n"
        "- id: cci\n  term: X\n  definition: Y.\n"
    )
    links = "- id: link-x\n  title: X\n  url: ftp://example.org\n  section: nowhere\n"
    problems = problems_of(tmp_path, {"glossary.yaml": glossary, "links.yaml": links})
    assert_problem(problems, "glossary.yaml", 4, "unknown item 'case-nowhere'")
    assert_problem(problems, "glossary.yaml", 5, "duplicate glossary id 'cci'")
    assert_problem(problems, "links.yaml", 3, "url")


def test_every_problem_is_collected_not_just_the_first(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, {
        "guides/one.md": guide(**{"section: mapping": "section: nowhere", "(item:format-one)": "(item:x-y)"}),
        "checklists/one.yaml": checklist(**{"weight: 2": "weight: 0"}),
        "formats/one.md": "no front matter",
        "glossary.yaml": "- id: [unclosed\n",
    })
    files = {p.file for p in problems}
    assert files >= {"guides/one.md", "checklists/one.yaml", "formats/one.md", "glossary.yaml"}
    assert len(problems) >= 5
    with pytest.raises(ContentError) as raised:
        load_pack(tmp_path / "en")
    assert len(raised.value.problems) == len(problems)
    assert all(str(p).startswith(f"{p.file}:{p.line}: ") for p in problems)


def test_a_reference_to_a_broken_file_is_not_reported_twice(tmp_path: Path) -> None:
    fmt = FORMAT.format(sources=SOURCE).replace("purpose: Meet.\n", "")
    problems = problems_of(tmp_path, {"formats/one.md": fmt})
    assert [p.file for p in problems] == ["formats/one.md"]


def test_missing_pack_folder(tmp_path: Path) -> None:
    pack, problems = check_pack(tmp_path / "nowhere")
    assert pack is None and "does not exist" in problems[0].message


@pytest.mark.parametrize(("written", "named"), [
    ('title: "Mapping \\x01 in Łódź"', "control character U+0001"),  # an escape in a quoted string
    ('title: "Mapping\\u2028in Łódź"', "U+2028"),  # (PyYAML refuses most raw ones itself)
])
def test_a_control_character_in_the_front_matter_is_a_problem_with_its_line(
    tmp_path: Path, written: str, named: str
) -> None:
    problems = problems_of(tmp_path, {"guides/one.md": guide(**{"title: Mapping in Łódź and Bielsko-Biała": written})})
    assert_problem(problems, "guides/one.md", 4, named)
