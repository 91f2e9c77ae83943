"""--lang and the environment choose the language of messages and documents; --second-lang prints the fixed
text of participant documents in two languages side by side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inducci_desktop import catalogs

from ..printing.conftest import page_texts
from .test_cli_workshops import cli


@pytest.fixture
def workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    folder = tmp_path / "data"
    assert cli(capsys, "--data-dir", str(folder), "demo")[0] == 0
    _code, out, _err = cli(capsys, "--data-dir", str(folder), "list", "workshops", "--json")
    return folder, json.loads(out)[0]["id"]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2009", " ").split())


def test_lang_chooses_the_messages(workshop: tuple[Path, str], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    data, workshop_id = workshop
    target = tmp_path / "agenda.pdf"
    code, out, _err = cli(capsys, "--lang", "de", "--data-dir", str(data), "print", "workshop", workshop_id,
                          "--kind", "agenda", "-o", str(target))
    assert code == 0 and out.strip() == f"{target} geschrieben"
    code, _out, err = cli(capsys, "--lang", "pl", "--data-dir", str(data), "print", "workshop", workshop_id,
                          "--kind", "agenda", "-o", str(tmp_path / "missing" / "a.pdf"))
    assert code != 0 and err.startswith("błąd: ")


def test_the_environment_chooses_when_lang_is_not_given(workshop: tuple[Path, str], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    data, workshop_id = workshop
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "cs_CZ.UTF-8")
    target = tmp_path / "agenda.pdf"
    code, out, _err = cli(capsys, "--data-dir", str(data), "print", "workshop", workshop_id, "--kind", "agenda",
                          "-o", str(target))
    assert code == 0 and out.strip() == f"zapsáno {target}"
    text = _flat("\n".join(page_texts(target.read_bytes())))
    months = ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
              "listopadu", "prosince")
    assert any(month in text for month in months)  # the agenda's dates in Czech


@pytest.mark.parametrize("kind", ["certificates", "signin", "feedback"])
def test_a_bilingual_polish_and_english_participant_document(workshop: tuple[Path, str], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str], kind: str) -> None:
    data, workshop_id = workshop
    target = tmp_path / f"{kind}.pdf"
    code, _out, err = cli(capsys, "--lang", "pl", "--data-dir", str(data), "print", "workshop", workshop_id,
                          "--kind", kind, "--second-lang", "en", "-o", str(target))
    assert code == 0, err
    text = _flat("\n".join(page_texts(target.read_bytes())))
    polish = catalogs.load("pl")
    english_words = {"certificates": "took part in the training", "signin": "Sign-in sheet",
                     "feedback": "Thank you!"}[kind]
    # the sheet's heading is set in capitals: compare without case
    assert english_words.casefold() in text.casefold()
    assert _flat(polish.gettext(english_words)).casefold() in text.casefold()
    if kind == "certificates":
        assert "w dniu " in text and " on " in text  # the dates in Polish and in English
    monolingual = tmp_path / f"{kind}-pl.pdf"
    assert cli(capsys, "--lang", "pl", "--data-dir", str(data), "print", "workshop", workshop_id,
               "--kind", kind, "-o", str(monolingual))[0] == 0
    only_polish = _flat("\n".join(page_texts(monolingual.read_bytes())))
    if polish.gettext(english_words) != english_words:
        assert english_words.casefold() not in only_polish.casefold()


def test_argparse_speaks_the_language_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Its own words ("usage:", "options", the -h help, its errors) come from the app's catalog."""
    german = catalogs.load("de")
    with pytest.raises(SystemExit):
        cli(capsys, "--lang", "de", "--data-dir", str(tmp_path / "data"), "--help")
    out = capsys.readouterr().out
    usage = german.pgettext("argparse", "usage: ")
    assert usage != "usage: " and out.startswith(usage)
    assert german.pgettext("argparse", "show this help message and exit") in out
    assert f"\n{german.pgettext('argparse', 'options')}:" in out and "\noptions:" not in out
    with pytest.raises(SystemExit):
        cli(capsys, "--lang", "sl", "--data-dir", str(tmp_path / "data"), "no-such-command")
    err = capsys.readouterr().err
    assert "uporaba: " in err and "napaka: " in err and "error:" not in err


@pytest.mark.parametrize(("count", "expected"), [(1, "1 warsztat"), (3, "3 warsztaty"), (5, "5 warsztatów")])
def test_counted_records_take_every_plural_form(count: int, expected: str) -> None:
    from inducci_desktop.domain import i18n
    from inducci_desktop.services.exchange.schema import counted

    with i18n.speaking("pl"):
        assert counted("workshop", count) == expected
