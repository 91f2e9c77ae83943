"""The app's message catalogs: extract the strings into the .pot, update the .po files, check them.

    python tools/catalogs.py extract   # src → resources/locale/inducci.pot
    python tools/catalogs.py update    # .pot → every resources/locale/<lang>/LC_MESSAGES/inducci.po
    python tools/catalogs.py init LANG # a new language's .po from the .pot
    python tools/catalogs.py check     # Babel's checks (placeholders, plural forms), statistics per language

Compiling is the build's job (setup.py) and, in a checkout, the app's (inducci_desktop.catalogs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
POT = Path(os.environ.get("INDUCCI_POT") or LOCALE / "inducci.pot")  # a test extracts into another file
KEYWORDS = ["--no-default-keywords", "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2",
            "-k", "npgettext:1c,2,3", "-k", "Nn_:1,2", "-k", "Np_:1c,2", "-k", "NC_:1c,2"]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", *args])


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        os.chdir(ROOT)  # locations relative to the checkout (src/inducci_desktop/...), wherever it is
        pybabel("extract", "-F", "babel.cfg", *KEYWORDS, "--sort-by-file", "--project", "InduCCI Desktop",
                "--version", "0.1.0", "--copyright-holder", "InduCCI Desktop developers", "--msgid-bugs-address", "",
                "-c", "TRANSLATORS:", "-w", "100", "-o", str(POT), "src/inducci_desktop")
    elif command == "update":
        pybabel("update", "-i", str(POT), "-d", str(LOCALE), "-D", "inducci", "-w", "100", "--no-fuzzy-matching")
    elif command == "init":
        pybabel("init", "-i", str(POT), "-d", str(LOCALE), "-D", "inducci", "-w", "100", "-l", argv[1])
    elif command == "check":
        from babel.messages.pofile import read_po

        for po in sorted(LOCALE.glob("*/LC_MESSAGES/inducci.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle)
            messages = [m for m in catalog if m.id]
            done = sum(1 for m in messages if m.string and (all(m.string) if isinstance(m.string, tuple) else True)
                       and not m.fuzzy)
            problems = [(m, errors) for m, errors in catalog.check()]
            print(f"{po.parent.parent.name}: {done}/{len(messages)} translated, {len(problems)} with problems")
            for message, errors in problems[:20]:
                print(f"  {message.id!r}: {'; '.join(str(e) for e in errors)}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
