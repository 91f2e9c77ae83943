"""The import preview: what a bundle would add, update, leave alone, and where it conflicts — then Apply or Cancel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.services.exchange.service import ImportPlan, PlanEntry

GROUPS = (("conflict", "Conflicts (edited on both sides; see the choices below)"), ("added", "Added"),
          ("updated", "Updated"), ("unchanged", "Unchanged"))
MAX_SHOWN = 500  # per kind and group; the counts always cover everything


def _stamp(entry: PlanEntry) -> tuple[str, str]:
    here = f"{entry.local_updated:%Y-%m-%d %H:%M}" if entry.local_updated else ""
    there = f"{entry.incoming_updated:%Y-%m-%d %H:%M}" if entry.incoming_updated else ""
    return here, there


class ImportPreviewDialog(QDialog):
    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Import {plan.source.name}")
        self.resize(1040, 580)
        layout = QVBoxLayout(self)
        made = f" by {plan.created_by}" if plan.created_by else ""
        personal = "with" if plan.includes_personal_data else "without"
        summary = QLabel(
            f"<b>{plan.source.name}</b> — made {plan.created_at:%Y-%m-%d %H:%M} UTC{made} with InduCCI Desktop "
            f"{plan.app_version}, {personal} participants' personal data.<br>"
            f"{len(plan.added)} added · {len(plan.updated)} updated · {len(plan.unchanged)} unchanged · "
            f"<b>{len(plan.conflicts)} conflicts</b>. A record changed only on one side since the last exchange "
            "is taken; one changed on both sides is a conflict, which you decide.")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("What the import would do")
        self.tree.setHeaderLabels(["Record", "Reason", "Changed here", "Changed in the file"])
        for column, width in enumerate((400, 330, 135)):
            self.tree.setColumnWidth(column, width)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self._fill()
        self.choices: dict[tuple[str, str], QComboBox] = {}
        if plan.conflicts:
            layout.addWidget(QLabel("<b>Conflicts</b> — both versions side by side. Undecided ones stay open in "
                                    "the Conflicts list of the Exchange page, with this machine's version in place."))
            self.conflicts = self._conflict_table()
            layout.addWidget(self.conflicts, 1)
        if not plan.changes_anything:
            note = QLabel("Nothing to apply: this machine has every record of the file already, or keeps its own "
                          "newer version (conflicts).")
            layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(plan.changes_anything or bool(plan.conflicts))
        self.apply_button.setDefault(plan.changes_anything or bool(plan.conflicts))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def decisions(self) -> dict[tuple[str, str], str]:
        """(kind, record id) → mine | theirs | both, for the conflicts decided in the preview."""
        return {key: str(box.currentData()) for key, box in self.choices.items() if box.currentData()}

    def _conflict_table(self) -> QTableWidget:
        table = QTableWidget(len(self.plan.conflicts), 4)
        table.setAccessibleName("Conflicts")
        table.setHorizontalHeaderLabels(["Record", "This machine's version", "The file's version", "Keep"])
        for row, entry in enumerate(self.plan.conflicts):
            mine, theirs, fields = self.plan.versions.get((entry.kind, entry.id), ({}, {}, ()))
            table.setItem(row, 0, QTableWidgetItem(f"{entry.label}: {entry.title}"))
            table.setItem(row, 1, QTableWidgetItem(side_text(mine, fields, "this data folder")))
            table.setItem(row, 2, QTableWidgetItem(side_text(theirs, fields, "data folder")))
            choice = QComboBox()
            choice.setAccessibleName(f"Keep for {entry.title}")
            choice.addItem("Decide later", "")
            choice.addItem("Keep mine", "mine")
            choice.addItem("Take theirs", "theirs")
            if any(isinstance(mine.get(f), str) and isinstance(theirs.get(f), str) for f in fields):
                choice.addItem("Keep both (text)", "both")
            table.setCellWidget(row, 3, choice)
            self.choices[(entry.kind, entry.id)] = choice
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        return table

    def _fill(self) -> None:
        for action, title in GROUPS:
            entries = self.plan.having(action)
            group = QTreeWidgetItem([f"{title} ({len(entries)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setData(0, Qt.ItemDataRole.UserRole, action)
            self.tree.addTopLevelItem(group)
            by_kind: dict[str, list[PlanEntry]] = {}
            for entry in entries:
                by_kind.setdefault(entry.label, []).append(entry)
            for label, found in by_kind.items():
                kind = QTreeWidgetItem([f"{label} ({len(found)})"])
                group.addChild(kind)
                for entry in found[:MAX_SHOWN]:
                    here, there = _stamp(entry)
                    item = QTreeWidgetItem([entry.title, entry.reason, here, there])
                    item.setToolTip(0, f"{entry.label} {entry.id}")
                    item.setToolTip(1, entry.reason)
                    kind.addChild(item)
                if len(found) > MAX_SHOWN:
                    kind.addChild(QTreeWidgetItem([f"… and {len(found) - MAX_SHOWN} more"]))
            group.setExpanded(action in ("conflict", "added", "updated") and len(entries) <= 200)
            if action == "conflict":
                for n in range(group.childCount()):
                    child = group.child(n)
                    if child is not None:
                        child.setExpanded(True)


def side_text(version: dict[str, Any], fields: tuple[str, ...] | list[str], who: str) -> str:
    """One side of a conflict: the differing fields, then which data folder made it and when."""
    lines = [f"{field}: {_value(version.get(field))}" for field in fields]
    by = version.get("rev_by")
    made = "a 0.1.0 bundle" if by is None else (who if who == "this data folder" else f"{who} {str(by)[:8]}")
    lines.append(f"— {made}, {str(version.get('updated_at', ''))[:16].replace('T', ' ')}")
    return "\n".join(lines)


def _value(value: Any) -> str:
    text = "(empty)" if value in (None, "") else str(value)
    return text if len(text) <= 120 else text[:119] + "…"
