"""A small, valid content pack written to a temporary folder; tests change single files to break it."""

from __future__ import annotations

from pathlib import Path

SOURCE = "sources:\n  - url: https://toolbox.inducci.eu/\n    title: InduCCI e-Toolbox\n"

GUIDE = """---
id: guide-one
section: mapping
title: Mapping in Łódź and Bielsko-Biała
summary: How creatives in Łódź were counted.
tags: [mapping, statistics]
{sources}related: [format-one]
---

## Why

Counting the creative economy of a region helps the Straße team. See [the format](item:format-one).

A second paragraph about Škofja Loka and Padova.
"""

CASE = """---
id: case-one
section: pilots
title: Hackathon in Silesia
summary: An industrial hackathon.
tags: [hackathon]
{sources}where: [Bielsko-Biała, Silesia, Poland]
when: "2020"
region: Silesia
partners: [Regional Development Agency Bielsko-Biała]
formats: [format-one]
results:
  - Ideas.
lessons:
  - Prepare early.
---

## What happened

Teams worked on challenges.
"""

FORMAT = """---
id: format-one
section: pilots
title: Networking lunch
summary: Lunch with creatives.
tags: [networking]
{sources}purpose: Meet.
duration: "2 hours"
duration_minutes: {{min: 90, max: 120}}
group_size: {{min: 8, max: 30}}
materials: [Tables]
steps:
  - Invite.
---

## When to use it

Often.
"""

INTERVIEW = """---
id: interview-one
section: mapping
title: Interview guide for creatives
summary: Questions.
tags: [interview]
{sources}audience: cci
duration: "45 minutes"
---

Introduction.

## Questions

1. What do you need?
"""

CHECKLIST = """id: checklist-one
version: 1
title: Regional status quo
summary: Where the region stands.
section: mapping
{sources}sections:
  - key: presence
    title: Presence
    items:
      - key: stats
        text: Is there a statistical overview?
        type: ynp
        weight: 2
        guide: guide-one
      - key: level
        text: How well networked?
        type: scale
        scale: {{min: 1, max: 5, labels: {{1: "not at all", 5: "fully"}}}}
      - key: kind
        text: Which kind?
        type: choice
        options: [{{key: a, label: "A", score: 1.0}}, {{key: b, label: "B", score: 0}}]
      - key: count
        text: How many?
        type: number
        unit: companies
"""

GLOSSARY = """- id: cci
  term: Cultural and Creative Industries
  definition: Businesses based on creative work.
  see: [guide-one]
- id: hackathon
  term: Hackathon
  definition: A short, intense event.
"""

LINKS = """- id: link-toolbox
  title: InduCCI e-Toolbox
  url: https://toolbox.inducci.eu/
  description: The online toolbox.
  section: policy
"""


def pack_files(version: str = "1") -> dict[str, str]:
    return {
        "pack.yaml": f'id: test-pack\nversion: "{version}"\nlanguage: en\ntitle: Test pack\n',
        "sections.yaml": (
            "- id: understanding\n  title: Understanding\n  children:\n"
            "    - id: mapping\n      title: Mapping\n"
            "- id: practice\n  title: Practice\n  children:\n"
            "    - id: pilots\n      title: Pilots\n"
            "- id: policy\n  title: Policy\n"
        ),
        "guides/one.md": GUIDE.format(sources=SOURCE),
        "cases/one.md": CASE.format(sources=SOURCE),
        "formats/one.md": FORMAT.format(sources=SOURCE),
        "interviews/one.md": INTERVIEW.format(sources=SOURCE),
        "checklists/one.yaml": CHECKLIST.format(sources=SOURCE),
        "glossary.yaml": GLOSSARY,
        "links.yaml": LINKS,
    }


def write_pack(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def make_pack(folder: Path, version: str = "1", changes: dict[str, str | bytes | None] | None = None) -> Path:
    """The test pack in ``folder``, with files replaced (or removed, for None) by ``changes``."""
    files: dict[str, str | bytes] = dict(pack_files(version))
    for name, content in (changes or {}).items():
        if content is None:
            files.pop(name, None)
        else:
            files[name] = content
    return write_pack(folder, files)
