"""The layering rules of docs/ARCHITECTURE.md that the import-linter contracts in pyproject.toml do not
express: no Qt even in the package's ``__init__``/``__main__``, domain/ on the standard library only, no
import cycles, a light start-up path. (printing/ and store/ importing nothing above them, the front ends
reaching printing/ and store/ only through services/, and the layers are contracts: ``lint-imports``.)"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "inducci_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve against the file's package
                package = path.relative_to(SRC.parent).with_suffix("").parts[: -node.level]
                module = ".".join((*package, module)) if module else ".".join(package)
            found.add(module)
    return found


def python_files_outside_ui() -> list[Path]:
    """Everything but ui/ and the composition root (app.py builds the GUI on purpose)."""
    return [p for p in SRC.rglob("*.py") if "ui" not in p.relative_to(SRC).parts and p.name != "app.py"]


@pytest.mark.parametrize("path", python_files_outside_ui(), ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_outside_ui_imports_qt_or_the_ui(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6")
           or m.startswith("inducci_desktop.ui")}
    assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


def test_start_up_path_stays_light() -> None:
    """Importing the composition root must not pull in Qt, ReportLab or Alembic."""
    code = (
        "import sys, inducci_desktop.app, inducci_desktop.cli.main, inducci_desktop.bootstrap;"
        "heavy = [m for m in ('PySide6', 'reportlab', 'alembic', 'pypdf', 'openpyxl') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_window_s_arguments_load_no_command_modules() -> None:
    """Parsing the arguments that open the window builds no command parsers: the command modules (and the
    services and documents they import) stay off the window's start-up path; a command or --help gets them."""
    code = (
        "import sys; from inducci_desktop.cli.main import build_parser, names_a_command;"
        "argv = sys.argv[1:]; args = build_parser(commands=names_a_command(argv)).parse_args(argv);"
        "print(args.command, args.data_dir, args.verbose, ','.join(sorted(m for m in sys.modules"
        " if m.startswith(('inducci_desktop.cli.', 'inducci_desktop.services.')) and m not in"
        " ('inducci_desktop.cli.main', 'inducci_desktop.services.errors'))))"
    )
    window = subprocess.run([sys.executable, "-c", code, "--data-dir", "db", "-v"], capture_output=True, text=True,
                            check=True)
    assert window.stdout.split() == ["None", "db", "True"]
    command = subprocess.run([sys.executable, "-c", code, "--data-dir", "x", "db", "check"], capture_output=True,
                             text=True, check=True)
    assert command.stdout.split()[:3] == ["db", "x", "False"] and "inducci_desktop.cli.workshops" in command.stdout


def test_a_command_builds_the_parser_from_its_own_command_module() -> None:
    """``print file`` imports the printing commands alone (not the workshops', the exchange's or the pilots'
    services); db needs none; help and a kind nobody registers get every command module."""
    code = (
        "import sys; from inducci_desktop.cli.main import build_parser;"
        "argv = sys.argv[1:]; args = build_parser(argv=argv).parse_known_args(argv);"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('inducci_desktop.cli.',"
        " 'inducci_desktop.services.')) and m not in ('inducci_desktop.cli.main', 'inducci_desktop.services.errors'))))"
    )

    def loaded(*argv: str) -> set[str]:
        result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
        return {m for m in result.stdout.strip().split(",") if m}

    commands = {m for m in loaded("--data-dir", "x", "--lang", "pl", "print", "file", "notes.md", "-o", "o.pdf")
                if m.startswith("inducci_desktop.cli.")}
    assert commands == {"inducci_desktop.cli.printing"}
    assert not {m for m in loaded("db", "check") if m.startswith("inducci_desktop.cli.")}
    assert "inducci_desktop.services.workshops.documents" not in loaded("print", "file", "notes.md", "-o", "o.pdf")
    listing = {m for m in loaded("list", "pilots") if m.startswith("inducci_desktop.cli.")}
    assert listing == {"inducci_desktop.cli.pilots"}


def test_the_command_index_names_what_each_module_registers() -> None:
    """COMMAND_INDEX (which module adds which command) is exactly what the command modules register."""
    import argparse
    import importlib

    from inducci_desktop.cli.main import COMMAND_INDEX, COMMAND_MODULES

    registered: dict[str | tuple[str, str], str] = {}
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        for hook, prefix in (("register", None), ("register_print", "print"), ("register_list", "list")):
            if hasattr(module, hook):
                choices = argparse.ArgumentParser().add_subparsers()
                getattr(module, hook)(choices)
                for word in choices.choices:
                    registered[word if prefix is None else (prefix, word)] = name.rsplit(".", 1)[1]
    assert registered == COMMAND_INDEX


def test_opening_the_services_loads_no_parsers_or_printing(tmp_path: Path) -> None:
    """With a current database and pack, building the services imports no YAML, pydantic, ReportLab or Qt."""
    first = "from inducci_desktop.app import main; main(['--data-dir', {d!r}, 'db', 'upgrade'])"
    then = (
        "import sys; from inducci_desktop.bootstrap import open_services; from inducci_desktop.paths import AppPaths;"
        "services = open_services(AppPaths.resolve({d!r}));"
        "print(','.join(m for m in ('yaml', 'pydantic', 'reportlab', 'PySide6') if m in sys.modules))"
    )
    data = str(tmp_path / "data")
    subprocess.run([sys.executable, "-c", first.format(d=data)], capture_output=True, text=True, check=True)
    result = subprocess.run([sys.executable, "-c", then.format(d=data)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def runtime_imports(path: Path) -> set[str]:
    """Modules ``path`` imports when it runs (what sits under ``if TYPE_CHECKING:`` is left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
    return found


@pytest.mark.parametrize("path", sorted((SRC / "domain").rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_domain_imports_only_the_standard_library(path: Path) -> None:
    stdlib = sys.stdlib_module_names | {"__future__"}
    bad = {m for m in runtime_imports(path)
           if not m.startswith("inducci_desktop.domain") and m.split(".")[0] not in stdlib}
    assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


# --- import cycles ---------------------------------------------------------------------------------------

#: pairs of modules allowed to import each other for now (none)
CYCLE_EXEMPT: frozenset[frozenset[str]] = frozenset()


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def package_imports(path: Path, known: set[str], root: Path = SRC) -> set[str]:
    """Modules of the package that ``path`` imports anywhere (inside functions too), except under
    ``if TYPE_CHECKING:``. ``from package import name`` counts ``package.name`` when that is a module."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for other in child.orelse:
                    visit_one(other)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                package = path.relative_to(root.parent).with_suffix("").parts[: -node.level]
                module = ".".join((*package, module)) if module else ".".join(package)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        else:
            visit(node)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return {m for m in found if m in known}


def import_cycles() -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), exempt pairs left out."""
    files = {_module_name(p): p for p in SRC.rglob("*.py")}
    known = set(files)
    graph = {name: {m for m in package_imports(path, known) if m != name
                    and frozenset({name, m}) not in CYCLE_EXEMPT} for name, path in files.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            connect(name)
    return groups


def test_no_import_cycles() -> None:
    assert import_cycles() == []


def test_the_cycle_finder_counts_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a.b\n"
                      "def f():\n    from a import c\n", encoding="utf-8")
    assert package_imports(module, {"a.b", "a.c"}, root=tmp_path) == {"a.c"}
