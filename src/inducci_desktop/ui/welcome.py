"""The welcome page shown on the first start: what the app is for, who uses it, and a first choice.

"Load example data" runs the same steps as ``inducci-desktop demo`` (services/demo.py) on a background
job; "Start with an empty database" goes straight to the Library. Either choice is remembered, so the
page is not shown again on its own (Help → Welcome Page shows it on request).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inducci_desktop import APP_NAME
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.ui.icons import icon

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


ROLES = (
    (N_("Trainers"), N_("prepare and run trainings: agendas from the toolbox's formats, participants and check-in, "
                 "outcomes and feedback, sign-in sheets and certificates (Workshops, Library, Print Center).")),
    (N_("Regional officials"), N_("assess their region's Cultural and Creative Industries with the checklists, "
                           "round after round, and print the reports (Checklists).")),
    (N_("Coordinators"), N_("collect the work of colleagues as exchange files, compare regions and export tables "
                     "for spreadsheets (Exchange, Checklists → By region).")),
)


class WelcomePage(QWidget):
    #: the person chose: True = load the example data, False = start empty
    chosen = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("welcomePage")
        title = QLabel(_("Welcome to {APP_NAME}").format(APP_NAME=APP_NAME))
        title.setObjectName("pageTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        intro = QLabel(
            _("The InduCCI e-Toolbox on your computer: guides, case profiles, workshop formats and checklists "
            "for fostering Cultural and Creative Industries in industrial regions — with the tools to prepare "
            "trainings, assess a region and print handouts. Everything stays on this computer and works "
            "without internet."))
        intro.setWordWrap(True)
        roles = QLabel(_("<p><b>Who it is for</b></p><ul>") + "".join(
            f"<li><b>{_(name)}</b> {_(text)}</li>" for name, text in ROLES) + "</ul>")
        roles.setWordWrap(True)
        roles.setTextFormat(Qt.TextFormat.RichText)
        hint = QLabel(_("New here? The example data shows a workshop with participants and a regional "
                      "assessment in two rounds; you can delete it later. Help → User Guide (F1) explains "
                      "the main tasks step by step."))
        hint.setWordWrap(True)
        self.example_button = QPushButton(_("Load &example data"))
        self.example_button.setIcon(icon("welcome"))
        self.example_button.setDefault(True)
        self.example_button.clicked.connect(lambda: self.chosen.emit(True))
        self.empty_button = QPushButton(_("Start with an empty &database"))
        self.empty_button.clicked.connect(lambda: self.chosen.emit(False))
        self.state_label = QLabel("")
        self.state_label.setObjectName("welcomeState")
        buttons = QHBoxLayout()
        buttons.addWidget(self.example_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)

        column = QVBoxLayout()
        column.setSpacing(12)
        for widget in (title, intro, roles, hint):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.state_label)
        column.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(760)
        body.setLayout(column)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(body, 1)
        outer.addStretch(0)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.example_button.setEnabled(not busy)
        self.empty_button.setEnabled(not busy)
        self.state_label.setText(text)


def load_example(window: QWidget, services: Services, done: Callable[[list[str]], None],
                 failed: Callable[[Exception], None]) -> None:
    """Run the demo steps on a background job with a progress dialog (shown if it takes a while)."""
    from inducci_desktop.services.demo import load_demo
    from inducci_desktop.ui.jobs import Job

    Job(lambda report: load_demo(services, report)).success(done).failure(failed) \
        .progress(window, _("Loading the example data…")).start()
