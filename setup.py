"""Build hook: the message catalogs (resources/locale/<lang>/LC_MESSAGES/inducci.po) are compiled into the wheel
as .mo files; compiled catalogs are built, never committed. Everything else is declared in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path(__file__).resolve().parent / "resources" / "locale"


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(LOCALE.glob("*/LC_MESSAGES/inducci.po")):
            language = po.parent.parent.name
            target = Path(self.build_lib) / "inducci_desktop" / "resources" / "locale" / language / "LC_MESSAGES"
            target.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, locale=language, domain="inducci")
            with (target / "inducci.mo").open("wb") as out:
                write_mo(out, catalog, use_fuzzy=False)


setup(cmdclass={"build_py": BuildWithCatalogs})
