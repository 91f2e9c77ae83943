"""The one rule for control characters in text that people type, import or receive.

Every entry point (CSV files, service forms, checklist templates, exchange bundles) calls ``check_text``:
text may hold tab and line breaks (multi-line fields only); any other C0/C1 control character, NUL
included, is refused with a message naming the field and the character. ``strip_controls`` is for
text already stored by an older version, on its way out (e.g. into an XLSX cell).
"""

from __future__ import annotations

import re

from inducci_desktop.domain.i18n import N_, _

#: C0 controls except tab, LF and CR; DEL; C1 controls; lone surrogates (only a damaged file or bundle can
#: bring them); and the Unicode non-characters U+FFFE/U+FFFF.
#: The Unicode line and paragraph separators (U+2028/9) are refused too: people type Enter, not those.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")
#: either of the two: what a one-line field may not hold (one scan instead of two)
_CONTROL_OR_BREAK = re.compile(f"{_CONTROL.pattern[:-1]}\n\r]")


class TextError(ValueError):
    """Text with a control character; the message names the field and the character."""


def find_control(value: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """The first forbidden character of ``value`` and its index, or None when the text is clean."""
    match = (_CONTROL if multiline else _CONTROL_OR_BREAK).search(value)
    return (match.start(), match.group()) if match else None


def all_controls(value: str, *, multiline: bool = False) -> list[str]:
    """Every forbidden character of ``value``, in order (empty when the text is clean)."""
    found = [m.group() for m in _CONTROL.finditer(value)]
    if not multiline and _LINE_BREAK.search(value) is not None:  # a scan per character only when one is there
        found = [c for c in value if c in found or _LINE_BREAK.match(c)]
    return found


def describe(char: str) -> str:
    """A control character as a person can read it: ``NUL (U+0000)``."""
    names = {"\x00": "NUL", "\t": N_("tab"), "\n": N_("line break"), "\r": N_("carriage return"),
             "\x0b": N_("vertical tab"), "\x0c": N_("form feed"), "\x1b": N_("escape"), "\x7f": "DEL"}
    code = f"U+{ord(char):04X}"
    return f"{_(names[char])} ({code})" if char in names else _("control character {code}").format(code=code)


def check_text(value: str, field: str, *, multiline: bool = False) -> str:
    """``value`` unchanged when it holds no control character, else a TextError naming ``field``."""
    found = find_control(value, multiline=multiline)
    if found is not None:
        index, char = found
        raise TextError(_("{field} contains a {what} at character {position}; remove it and try again.")
                        .format(field=_(field), what=describe(char), position=index + 1))
    return value


def strip_controls(value: str, *, multiline: bool = True) -> str:
    """``value`` without forbidden characters (for text stored before the rule existed)."""
    value = _CONTROL.sub("", value)
    return value if multiline else _LINE_BREAK.sub(" ", value)
