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

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services.exchange.service import ImportPlan, PlanEntry

GROUPS = (("conflict", N_("Conflicts (edited on both sides; see the choices below)")), ("added", N_("Added")),
          ("updated", N_("Updated")), ("unchanged", N_("Unchanged")))
MAX_SHOWN = 500  # per kind and group; the counts always cover everything


def _stamp(entry: PlanEntry) -> tuple[str, str]:
    here = f"{entry.local_updated:%Y-%m-%d %H:%M}" if entry.local_updated else ""
    there = f"{entry.incoming_updated:%Y-%m-%d %H:%M}" if entry.incoming_updated else ""
    return here, there


class ImportPreviewDialog(QDialog):
    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Import {name}").format(name=plan.source.name))
        self.resize(1040, 580)
        layout = QVBoxLayout(self)
        made = _(" by {name}").format(name=plan.created_by) if plan.created_by else ""
        personal = _("with") if plan.includes_personal_data else _("without")
        summary = QLabel(
            _("<b>{name}</b> — made {created_at:%Y-%m-%d %H:%M} UTC{made} with InduCCI Desktop {app_version}, "
                "{personal} participants' personal data.<br>{count} added · {count2} updated · {count3} unchanged · "
                    "<b>{count4} conflicts</b>. A record changed only on one side since the last exchange is taken; "
                        "one changed on both sides is a conflict, which you decide.")
                .format(name=plan.source.name, created_at=plan.created_at, made=made, app_version=plan.app_version,
                    personal=personal, count=len(plan.added), count2=len(plan.updated), count3=len(plan.unchanged),
                        count4=len(plan.conflicts)))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("What the import would do"))
        self.tree.setHeaderLabels([_("Record"), _("Reason"), _("Changed here"), _("Changed in the file")])
        for column, width in enumerate((400, 330, 135)):
            self.tree.setColumnWidth(column, width)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self._fill()
        self.choices: dict[tuple[str, str], QComboBox] = {}
        if plan.conflicts:
            layout.addWidget(QLabel(_("<b>Conflicts</b> — both versions side by side. Undecided ones stay open in "
                                    "the Conflicts list of the Exchange page, with this machine's version in place.")))
            self.conflicts = self._conflict_table()
            layout.addWidget(self.conflicts, 1)
        if not plan.changes_anything:
            note = QLabel(_("Nothing to apply: this machine has every record of the file already, or keeps its own "
                          "newer version (conflicts)."))
            layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(_("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
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
        table.setAccessibleName(_("Conflicts"))
        table.setHorizontalHeaderLabels([_("Record"), _("This machine's version"), _("The file's version"), _("Keep")])
        for row, entry in enumerate(self.plan.conflicts):
            mine, theirs, fields = self.plan.versions.get((entry.kind, entry.id), ({}, {}, ()))
            table.setItem(row, 0, QTableWidgetItem(f"{_(entry.label)}: {entry.title}"))
            table.setItem(row, 1, QTableWidgetItem(side_text(mine, fields, _("this data folder"))))
            table.setItem(row, 2, QTableWidgetItem(side_text(theirs, fields, _("data folder"))))
            choice = QComboBox()
            choice.setAccessibleName(_("Keep for {title}").format(title=entry.title))
            choice.addItem(_("Decide later"), "")
            choice.addItem(_("Keep mine"), "mine")
            choice.addItem(_("Take theirs"), "theirs")
            if any(isinstance(mine.get(f), str) and isinstance(theirs.get(f), str) for f in fields):
                choice.addItem(_("Keep both (text)"), "both")
            table.setCellWidget(row, 3, choice)
            self.choices[(entry.kind, entry.id)] = choice
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        return table

    def _fill(self) -> None:
        for action, title in GROUPS:
            entries = self.plan.having(action)
            group = QTreeWidgetItem([f"{_(title)} ({len(entries)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setData(0, Qt.ItemDataRole.UserRole, action)
            self.tree.addTopLevelItem(group)
            by_kind: dict[str, list[PlanEntry]] = {}
            for entry in entries:
                by_kind.setdefault(entry.label, []).append(entry)
            for label, found in by_kind.items():
                kind = QTreeWidgetItem([f"{_(label)} ({len(found)})"])
                group.addChild(kind)
                for entry in found[:MAX_SHOWN]:
                    here, there = _stamp(entry)
                    item = QTreeWidgetItem([entry.title, entry.reason, here, there])
                    item.setToolTip(0, f"{_(entry.label)} {entry.id}")
                    item.setToolTip(1, entry.reason)
                    kind.addChild(item)
                if len(found) > MAX_SHOWN:
                    kind.addChild(QTreeWidgetItem([_("… and {value} more").format(value=len(found) - MAX_SHOWN)]))
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
    made = _("a 0.1.0 bundle") if by is None else (who if who == _("this data folder") else f"{who} {str(by)[:8]}")
    lines.append(f"— {made}, {str(version.get('updated_at', ''))[:16].replace('T', ' ')}")
    return "\n".join(lines)


def _value(value: Any) -> str:
    text = _("(empty)") if value in (None, "") else str(value)
    return text if len(text) <= 120 else text[:119] + "…"
