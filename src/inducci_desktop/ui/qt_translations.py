"""Qt's own words (standard buttons, the text fields' context menu, the message box's details button).

Qt's ``qtbase_<lang>.qm`` is loaded from Qt's translations folder where the Qt wheels ship it; where they
ship none (Slovene) or lack a string, ``CatalogTranslator`` answers Qt's contexts from the app's gettext
catalog, where the strings below are extracted with their Qt context (``msgctxt``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

from inducci_desktop.domain.i18n import NC_, pgettext

log = logging.getLogger(__name__)

#: (Qt context, Qt's source text) of the Qt strings a person meets in this app
QT_STRINGS: tuple[tuple[str, str], ...] = (
    NC_("QPlatformTheme", "OK"), NC_("QPlatformTheme", "Save"), NC_("QPlatformTheme", "Save All"),
    NC_("QPlatformTheme", "Open"), NC_("QPlatformTheme", "&Yes"), NC_("QPlatformTheme", "Yes to &All"),
    NC_("QPlatformTheme", "&No"), NC_("QPlatformTheme", "N&o to All"), NC_("QPlatformTheme", "Abort"),
    NC_("QPlatformTheme", "Retry"), NC_("QPlatformTheme", "Ignore"), NC_("QPlatformTheme", "Close"),
    NC_("QPlatformTheme", "Cancel"), NC_("QPlatformTheme", "Discard"), NC_("QPlatformTheme", "Help"),
    NC_("QPlatformTheme", "Apply"), NC_("QPlatformTheme", "Reset"), NC_("QPlatformTheme", "Restore Defaults"),
    NC_("QMessageBox", "Show Details..."), NC_("QMessageBox", "Hide Details..."),
    NC_("QWidgetTextControl", "&Undo"), NC_("QWidgetTextControl", "&Redo"), NC_("QWidgetTextControl", "Cu&t"),
    NC_("QWidgetTextControl", "&Copy"), NC_("QWidgetTextControl", "&Paste"), NC_("QWidgetTextControl", "Delete"),
    NC_("QWidgetTextControl", "Select All"), NC_("QWidgetTextControl", "Copy &Link Location"),
    NC_("QLineEdit", "&Undo"), NC_("QLineEdit", "&Redo"), NC_("QLineEdit", "Cu&t"), NC_("QLineEdit", "&Copy"),
    NC_("QLineEdit", "&Paste"), NC_("QLineEdit", "Delete"), NC_("QLineEdit", "Select All"),
    NC_("QFileDialog", "Look in:"), NC_("QFileDialog", "File &name:"), NC_("QFileDialog", "Files of type:"),
    NC_("QFileDialog", "&Open"), NC_("QFileDialog", "&Save"), NC_("QFileDialog", "Back"),
    NC_("QFileDialog", "Forward"), NC_("QFileDialog", "Parent Directory"), NC_("QFileDialog", "Create New Folder"),
    NC_("QFileDialog", "List View"), NC_("QFileDialog", "Detail View"), NC_("QFileDialog", "All Files (*)"),
    NC_("QFileSystemModel", "Name"), NC_("QFileSystemModel", "Size"), NC_("QFileSystemModel", "Type"),
    NC_("QFileSystemModel", "Date Modified"),
    NC_("QAbstractSpinBox", "&Select All"), NC_("QAbstractSpinBox", "&Step up"), NC_("QAbstractSpinBox", "Step &down"),
    NC_("QShortcut", "Ctrl"), NC_("QShortcut", "Shift"), NC_("QShortcut", "Alt"),
)
_CONTEXTS = frozenset(context for context, _text in QT_STRINGS)


class CatalogTranslator(QTranslator):
    """Answers Qt's own contexts from the app's catalog (installed after qtbase, so asked first)."""

    def translate(self, context: str, source: str,
                  disambiguation: str | None = None, n: int = -1) -> str | None:
        # None (a null string) lets Qt ask the next translator (qtbase); "" would be taken as the translation
        if context not in _CONTEXTS:
            return None
        found = pgettext(context, source)
        return None if found == source else found

    def isEmpty(self) -> bool:
        return False


class QtLanguage(QObject):
    """The Qt translators of the interface language, replaced as a whole on every switch."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []

    def use(self, code: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        if code == "en":
            return
        qtbase = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qtbase.load(f"qtbase_{code}", folder):
            app.installTranslator(qtbase)
            self._installed.append(qtbase)
        else:
            log.info("Qt ships no qtbase catalog for %s; Qt's words come from the app's catalog", code)
        ours = CatalogTranslator(self)
        app.installTranslator(ours)
        self._installed.append(ours)
