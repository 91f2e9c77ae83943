"""The coordinator's view: all assessments of one checklist, grouped by region, section scores side by side.

Opens from the Checklists page ("By region…"); the scores come from the compare service, differences are
against the mean of all assessments shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import i18n
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.domain.labels import assessment_status_label
from inducci_desktop.services.checklists.regions import RegionOverview, region_overview
from inducci_desktop.services.checklists.scoring import percent
from inducci_desktop.services.checklists.service import ChecklistService
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.checklists.chart import ScoreChart


def _signed(value: float | None) -> str:
    if value is None:
        return ""
    points = round(value * 100)
    return "±0" if points == 0 else f"{points:+d}"


class RegionOverviewDialog(QDialog):
    def __init__(self, checklists: ChecklistService, template_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklists = checklists
        self.setWindowTitle(_("Assessments by region"))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(_("Checklist"))
        used: dict[str, tuple[str, int]] = {}
        for summary in checklists.list(status="all"):
            title, count = used.get(summary.template_id, (summary.template_title, 0))
            used[summary.template_id] = (title, count + 1)
        for tid, (title, count) in sorted(used.items(), key=lambda t: i18n.sort_key()(t[1][0])):
            self.template_combo.addItem(f"{title} ({count})", tid)
        if template_id is not None:
            self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template_id)))
        self.latest = QCheckBox(_("Latest round per region only"))
        top.addWidget(QLabel(_("Checklist:")))
        top.addWidget(self.template_combo, 1)
        top.addWidget(self.latest)
        layout.addLayout(top)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableWidget()
        self.table.setAccessibleName(_("Section scores by region"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.chart = ScoreChart()
        layout.addWidget(self.chart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.template_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.latest.toggled.connect(lambda _c: self.refresh())
        self.overview: RegionOverview | None = None
        self.refresh()

    def refresh(self) -> None:
        template_id = self.template_combo.currentData()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        if template_id is None:
            self.heading.setText(_("No assessments yet: import the files the officials sent on the Exchange page."))
            self.chart.set_data([], [])
            return
        try:
            overview = region_overview(self.checklists, template_id, latest_round_only=self.latest.isChecked())
        except ServiceError as exc:
            self.heading.setText(str(exc))
            return
        self.overview = overview
        count = len(overview.columns)
        assessments = ngettext("{count} assessment", "{count} assessments", count).format(count=count)
        regions = ngettext("{count} region", "{count} regions", overview.regions).format(count=overview.regions)
        self.heading.setText(_("<b>{template_title}</b>: {assessments} from {regions}. Each cell: the score and, in "
                               "brackets, the difference from the mean in percentage points.")
            .format(template_title=overview.template_title, assessments=assessments, regions=regions))
        self.table.setColumnCount(count + 1)
        self.table.setRowCount(len(overview.rows))
        # short headers (region, round, status); the assessment's title is in the tooltip: long titles in
        # a stretched column were clipped on both sides
        for c, column in enumerate(overview.columns):
            label = QTableWidgetItem(_("{region}\nround {round} · {assessment_status_label}")
                .format(region=column.region, round=column.round,
                    assessment_status_label=assessment_status_label(column.status)))
            label.setToolTip(_("{title} — {region}, round {round}")
                .format(title=column.title, region=column.region, round=column.round))
            self.table.setHorizontalHeaderItem(c, label)
        self.table.setHorizontalHeaderItem(count, QTableWidgetItem(_("Mean")))
        self.table.setVerticalHeaderLabels([r.title for r in overview.rows])
        bold = QFont()
        bold.setBold(True)
        for r, row in enumerate(overview.rows):
            for c, score in enumerate(row.scores):
                diff = row.differences[c]
                text = percent(score) + (f"  ({_signed(diff)})" if diff is not None and count > 1 else "")
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if diff is not None and abs(diff) >= 0.1 and count > 1:
                    item.setForeground(QBrush(QColor("#1b7f3b" if diff > 0 else "#b3261e")))
                if row.key == "":
                    item.setFont(bold)
                self.table.setItem(r, c, item)
            mean = QTableWidgetItem(percent(row.mean))
            mean.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            mean.setFont(bold)
            self.table.setItem(r, count, mean)
        # every column as wide as its header and cells (scrolling sideways when there are many regions);
        # the section names on the left wrap instead of pushing the scores out of view
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.table.verticalHeader().setMaximumWidth(320)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        sections = [r for r in overview.rows if r.key]
        self.chart.set_data([r.title for r in sections],
                            [[r.scores[c] for r in sections] for c in range(count)],
                            [_("{region} (round {round})")
                                .format(region=col.region, round=col.round) for col in overview.columns])
