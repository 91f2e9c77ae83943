"""The catalogs: plural rules from the .po headers, loading with English as the fallback, the language of
the environment, and the document language on one thread only."""

from __future__ import annotations

import gettext
import logging
import threading
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from inducci_desktop import catalogs
from inducci_desktop.domain import i18n
from inducci_desktop.domain.i18n import _, ngettext

LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale"


@pytest.mark.parametrize(("code", "forms"), [("de", 2), ("nl", 2), ("pl", 3), ("cs", 3), ("sl", 4), ("it", 3)])
def test_plural_forms_come_from_each_po_header(code: str, forms: int) -> None:
    with (LOCALE / code / "LC_MESSAGES" / "inducci.po").open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.num_plurals == forms


@pytest.mark.parametrize(("code", "expected"), [
    ("pl", {1: 0, 2: 1, 4: 1, 5: 2, 12: 2, 22: 1, 25: 2, 101: 2}),  # 1 uczestnik, 2 uczestników … 5 uczestników
    ("cs", {1: 0, 2: 1, 4: 1, 5: 2, 22: 2}),
    ("sl", {1: 0, 2: 1, 3: 2, 4: 2, 5: 3, 101: 0, 102: 1, 103: 2, 111: 3}),  # the dual
    ("de", {1: 0, 2: 1, 0: 1}),
])
def test_the_compiled_catalog_picks_the_plural_form_of_the_language(code: str, expected: dict[int, int]) -> None:
    path = catalogs.mo_file(code)
    assert path is not None
    with path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert {n: translations.plural(n) for n in expected} == expected  # type: ignore[attr-defined]


def _locale_with(tmp_path: Path, code: str, data: bytes | None) -> Path:
    folder = tmp_path / "locale" / code / "LC_MESSAGES"
    folder.mkdir(parents=True)
    if data is not None:
        (folder / "inducci.mo").write_bytes(data)
    return tmp_path / "locale"


@pytest.mark.parametrize("data", [b"not a catalog at all", b"\xde\x12\x04\x95" + b"\0" * 3, None],
                         ids=["garbage", "truncated", "missing"])
def test_a_broken_or_missing_catalog_gives_english_and_one_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, data: bytes | None) -> None:
    monkeypatch.setattr(catalogs, "locale_dir", lambda: _locale_with(tmp_path, "de", data))
    monkeypatch.setattr(catalogs, "_warned", set())
    i18n.set_loader(catalogs.load)
    try:
        with caplog.at_level(logging.WARNING, logger="inducci_desktop.catalogs"):
            i18n.use("de")
            assert _("Settings") == "Settings"
            assert ngettext("{count} page", "{count} pages", 3) == "{count} pages"
            i18n.set_loader(catalogs.load)  # loaded again: still one warning
            i18n.use("de")
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "de catalog cannot be used" in warnings[0].getMessage()
    finally:
        i18n.use("en")
        i18n.set_loader(catalogs.load)


def test_a_checkout_compiles_its_po_files_into_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(catalogs.CACHE_VARIABLE, str(tmp_path / "cache"))
    path = catalogs.mo_file("sl")
    assert path is not None and path.parent == tmp_path / "cache" and path.stat().st_size > 0
    assert catalogs.mo_file("sl") == path  # compiled once per .po content


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "sl:en"}, "sl"),
    ({"LANGUAGE": "fr:pl"}, "pl"),  # the first language the app has
    ({"LC_ALL": "cs_CZ.UTF-8"}, "cs"),
    ({"LANG": "de_AT.UTF-8"}, "de"),
    ({"LC_ALL": "it_IT.UTF-8", "LANG": "nl_NL.UTF-8"}, "it"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_environment_chooses_the_language(environ: dict[str, str], expected: str) -> None:
    assert catalogs.system_language(environ) == expected


def test_the_desktop_language_when_the_environment_says_nothing() -> None:
    assert catalogs.system_language({}, fallback="pl_PL") == "pl"


def test_a_document_language_holds_on_its_own_thread_only() -> None:
    seen: dict[str, str] = {}
    inside = threading.Event()
    leave = threading.Event()

    def printout() -> None:
        with i18n.speaking("sl"):
            seen["worker"] = i18n.language()
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=printout)
    worker.start()
    assert inside.wait(5)
    seen["window"] = i18n.language()
    leave.set()
    worker.join()
    assert seen == {"worker": "sl", "window": "en"}
    assert i18n.language() == "en"


def test_the_pseudo_locale_is_gone_after_the_test_that_used_it() -> None:
    from ..pseudo_locale import is_pseudo, use_pseudo

    with pytest.MonkeyPatch.context() as patch:
        use_pseudo(patch)
        i18n.use("en")  # as the app does when it starts
        assert is_pseudo(_("Settings"))
    assert _("Settings") == "Settings" and i18n.translator("de") is not None
