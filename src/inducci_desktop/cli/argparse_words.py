"""argparse's own words ("usage: ", "options", "show this help message and exit", its error messages) from
the app's catalog: argparse asks gettext's "argparse" domain, which no installation of the app provides."""

from __future__ import annotations

import argparse

from inducci_desktop.domain.i18n import NC_, npgettext, pgettext

CONTEXT = "argparse"
#: the words a person meets in ``--help`` and in a usage error (the programming errors stay English)
WORDS = (
    NC_("argparse", "usage: "), NC_("argparse", "options"), NC_("argparse", "positional arguments"),
    NC_("argparse", "show this help message and exit"), NC_("argparse", "show program's version number and exit"),
    NC_("argparse", "%(prog)s: error: %(message)s\n"), NC_("argparse", "argument %(argument_name)s: %(message)s"),
    NC_("argparse", "the following arguments are required: %s"), NC_("argparse", "unrecognized arguments: %s"),
    NC_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    NC_("argparse", "invalid %(type)s value: %(value)r"), NC_("argparse", "expected one argument"),
    NC_("argparse", "expected at least one argument"), NC_("argparse", "expected at most one argument"),
    NC_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    NC_("argparse", "not allowed with argument %s"), NC_("argparse", "one of the arguments %s is required"),
    NC_("argparse", "ignored explicit argument %r"), NC_("argparse", "can't open '%(filename)s': %(error)s"),
)


def _text(message: str) -> str:
    return pgettext(CONTEXT, message)


def _plural(singular: str, plural: str, n: int) -> str:
    return npgettext(CONTEXT, singular, plural, n)


def install() -> None:
    """Make argparse look its words up in the app's catalog (in the language ``_`` speaks)."""
    argparse._ = _text  # type: ignore[attr-defined]
    argparse.ngettext = _plural  # type: ignore[attr-defined]
