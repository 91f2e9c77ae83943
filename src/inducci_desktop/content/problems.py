"""Problems found in a content pack, each naming a file and a line (kept free of YAML and pydantic)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path inside the pack, with '/' separators
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """A content pack that cannot be used; ``problems`` lists everything found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        first = f"; first: {self.problems[0]}" if self.problems else ""
        super().__init__(f"the content pack has {count} problem{'s' if count != 1 else ''}{first}")
