"""The one safe-filename rule."""

from __future__ import annotations

import doctest

from inducci_desktop.domain import files
from inducci_desktop.domain.files import safe_filename


def test_letters_of_every_language_stay_and_the_rest_becomes_hyphens() -> None:
    assert safe_filename("Łódź / Straße: ovaj čas?", ".pdf") == "Łódź-Straße-ovaj-čas.pdf"
    assert safe_filename('a<b>c:"d|e?*f\\\\g', ".json") == "a-b-c-d-e-f-g.json"
    assert safe_filename("../../etc/passwd") == "etc-passwd"


def test_empty_reserved_and_long_names() -> None:
    assert safe_filename("???", ".pdf") == "document.pdf"
    assert safe_filename("CON", fallback="checklist") == "checklist"
    assert len(safe_filename("ż" * 200, ".pdf")) == 80 + 4


def test_docstring_example() -> None:
    assert doctest.testmod(files).failed == 0
