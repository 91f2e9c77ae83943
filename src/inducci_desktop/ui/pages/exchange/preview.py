"""The import preview: what a bundle would add, update, leave alone, and where it conflicts — then Apply or Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.services.exchange.service import ImportPlan, PlanEntry

GROUPS = (("conflict", "Conflicts (this machine's version is kept)"), ("added", "Added"),
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
            f"<b>{len(plan.conflicts)} conflicts</b>. Records merge by id; the newer change wins.")
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
        if not plan.changes_anything:
            note = QLabel("Nothing to apply: this machine has every record of the file already, or keeps its own "
                          "newer version (conflicts).")
            layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(plan.changes_anything)
        self.apply_button.setDefault(plan.changes_anything)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

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
