"""Babel's Python extractor, plus the messages marked inside f-strings.

On Python 3.11 the tokenizer hands an f-string to Babel as one string token, so ``f"<h2>{_('Notes')}</h2>"``
was never extracted and the text stayed English in every language. This extractor yields what Babel's own
finds, then walks the syntax tree for keyword calls with literal arguments inside f-strings (babel.cfg names it
for every .py file; tools/catalogs.py extract runs it).
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from typing import IO, Any

from babel.messages.extract import extract_python


def extract(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
            options: dict[str, Any]) -> Iterator[tuple[int, str, str | tuple[str | None, ...], list[str]]]:
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    tree = ast.parse(source.decode(options.get("encoding", "utf-8")))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            inside.update(id(part) for value in node.values for part in ast.walk(value))
    for node in ast.walk(tree):
        if id(node) not in inside or not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name not in keywords:
            continue
        # as Babel's extractor yields them: the literal arguments (None for any other), one alone as a string;
        # Babel then picks the message, plural and context by the keyword's spec
        values = tuple(arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
                       for arg in node.args)
        if not values or all(value is None for value in values):
            continue  # a variable: marked where it is defined (N_)
        yield node.lineno, name, values[0] if len(values) == 1 else values, []
