"""No user-facing error is raised with an English sentence that bypasses the catalog.

An error the user reads (a StoreError, a ServiceError, an InputFileError, …) must take its text from ``_()`` or
``ngettext``; ``raise BackupError(f"Backup {x} is damaged")`` would reach a Polish official in English. The
check walks the source tree: it knows which classes are user-facing from the class statements themselves
(every subclass of the roots below, wherever it is declared). Programming errors (RuntimeError "the store is
not open", ValueError "naive datetime…", AttributeError of a module's ``__getattr__``) are not among them and
stay English, as do the migrations' internals.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "inducci_desktop"

#: errors whose text is shown to the user as it is (services/errors.py, store/errors.py, printing/errors.py,
#: domain/inputs.py, domain/text.py, paths.py); their subclasses are found in the source
USER_FACING_ROOTS = frozenset({"StoreError", "ServiceError", "InputFileError", "TextError", "PrintError",
                               "DataDirError"})
TRANSLATING = frozenset({"_", "ngettext", "pgettext", "npgettext"})


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def user_facing_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """The roots and every class declared (in ``trees``) as a subclass of one, however deep."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(n for n in map(_name, node.bases) if n)
    found = set(USER_FACING_ROOTS)
    grew = True
    while grew:
        grew = False
        for cls, parents in bases.items():
            if cls not in found and parents & found:
                found.add(cls)
                grew = True
    return found


def english_literal(node: ast.expr) -> str | None:
    """The literal text of a message built without the catalog (a sentence: it has a space), else None.

    Caught: "a literal", f"an {f}-string", "a literal {x}".format(...), and "concatenations " + of_them.
    A call of ``_``/``ngettext`` (even followed by ``.format``) is the catalog's text.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if " " in node.value.strip() else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        return text if " " in text.strip() else None
    if isinstance(node, ast.Call):
        if _name(node.func) in TRANSLATING:
            return None
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return english_literal(node.func.value)
        return None
    if isinstance(node, ast.BinOp):
        return english_literal(node.left) or english_literal(node.right)
    return None


def english_raises(path: Path, tree: ast.Module, user_facing: set[str]) -> Iterator[tuple[int, str, str]]:
    """(line, class, literal) of each user-facing error raised with an untranslated sentence."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        cls = _name(node.exc.func)
        if cls not in user_facing:
            continue
        for arg in (*node.exc.args, *(k.value for k in node.exc.keywords)):
            text = english_literal(arg)
            if text is not None:
                yield node.lineno, cls, text


def sources() -> dict[Path, ast.Module]:
    # migrations are internal (their errors end in MigrationError's translated sentence)
    return {path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for path in sorted(SRC.rglob("*.py")) if "migrations" not in path.parts}


def test_every_user_facing_error_takes_its_text_from_the_catalog() -> None:
    trees = sources()
    user_facing = user_facing_classes(trees)
    found = []
    for path, tree in trees.items():
        where = path.relative_to(SRC).as_posix()
        for line, cls, text in english_raises(path, tree, user_facing):
            found.append(f"{where}:{line}: {cls}({text[:70]!r})")
    assert not found, "user-facing errors raised with English text (wrap it in _()):\n" + "\n".join(found)


def test_the_user_facing_classes_are_found_in_every_layer() -> None:
    classes = user_facing_classes(sources())
    assert {"BackupError", "UnknownBackupError", "NewerDatabaseError", "DatabaseUrlError", "MoveError",
            "ValidationError", "NotFoundError", "BundleError", "InputFileError", "PrintError"} <= classes
    assert not {"RuntimeError", "ValueError", "AttributeError", "Unreadable"} & classes


@pytest.mark.parametrize("raise_site", [
    # the kinds of raise site this check was written against (as they were before they went through the catalog)
    'raise BackupError(f"Backup {backup_id} is damaged: {exc}") from exc',
    'raise UnknownBackupError(f"There is no backup called {backup_id!r} in {self.folder}; "\n'
    '                         "\'backup list\' shows the backups there are.")',
    'raise DatabaseUrlError("The database URL is empty.")',
    'raise InputFileError(f"The {what} {path} cannot be read: it does not exist.") from None',
    'raise NotFoundError("The toolbox has no item {x!r}.".format(x=record))',
    'raise MoveError(message="The copy did not arrive " + where)',
])
def test_the_check_catches_english_text(raise_site: str) -> None:
    tree = ast.parse(raise_site)
    found = list(english_raises(Path("x.py"), tree, user_facing_classes(sources())))
    assert len(found) == 1


@pytest.mark.parametrize("raise_site", [
    'raise BackupError(_("Backup {backup_id} is damaged: {reason}").format(backup_id=b, reason=e)) from e',
    'raise MigrationError(ngettext("{count} reference", "{count} references", n).format(count=n))',
    'raise BackupError(message)',  # built elsewhere (e.g. server_backup_message), through the catalog there
    'raise RuntimeError("the store is not open")',  # a programming error: not for the user
    'raise ValueError(f"naive datetime given to a UTC column")',
])
def test_the_check_lets_catalog_text_and_programming_errors_pass(raise_site: str) -> None:
    tree = ast.parse(raise_site)
    assert list(english_raises(Path("x.py"), tree, user_facing_classes(sources()))) == []
