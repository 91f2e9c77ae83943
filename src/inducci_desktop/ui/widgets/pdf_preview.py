"""The real PDF shown inside the app (QtPdf), and printing a PDF through a QPrinter at a capped resolution.

QPrinter's HighResolution mode reports 1200 dpi; rendering every page at that size makes print jobs of
hundreds of megabytes. Pages are rendered at ``min(printer dpi, MAX_PRINT_DPI)`` and scaled onto the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from inducci_desktop.domain.i18n import N_, _, ngettext
from inducci_desktop.services.documents import PaperSize

MAX_PRINT_DPI = 300
ZOOMS = ((N_("Fit width"), None), (N_("Whole page"), None), ("50 %", 0.5), ("75 %", 0.75), ("100 %", 1.0),
         ("150 %", 1.5), ("200 %", 2.0))


class PdfPreview(QWidget):
    """A QPdfView over PDF bytes, with the page count, a zoom choice and a busy bar."""

    def __init__(self) -> None:
        super().__init__()
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.data = b""
        self.view = QPdfView()
        self.view.setAccessibleName(_("Print preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.title = QLabel(_("<b>Preview</b>"))
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)  # a long title wraps on its own line; it never runs into the page count
        self.pages_label = QLabel(_("No preview yet"))
        self.pages_label.setObjectName("pageCount")
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(_("Zoom"))
        for label, factor in ZOOMS:
            self.zoom.addItem(_(label), factor)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addWidget(self.busy)
        bar.addStretch(1)
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def show_pdf(self, data: bytes, title: str) -> None:
        """Show ``data``; keeps the page the reader was on when the same kind of document is refreshed."""
        page = self.view.pageNavigator().currentPage()
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.data = data
        count = self.document.pageCount()
        self.view.setEnabled(True)
        self.title.setText(f"<b>{_escape(title)}</b>")
        self.pages_label.setText(ngettext("{count} page", "{count} pages", count).format(count=count))
        if 0 < page < count:
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def clear(self, message: str) -> None:
        self.document.close()
        self.data = b""
        self.view.setEnabled(True)
        self.pages_label.setText(message)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def set_updating(self) -> None:
        """Say at once that what is shown is about to change (the new PDF is being made)."""
        self.busy.setVisible(True)
        self.pages_label.setText(_("Updating…"))
        self.view.setEnabled(False)

    @property
    def updating(self) -> bool:
        return not self.view.isEnabled()

    def _zoom_changed(self, index: int) -> None:
        factor = self.zoom.itemData(index)
        if index == 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif index == 1:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(factor))


def page_size(paper: PaperSize) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A4 if paper is PaperSize.A4 else QPageSize.PageSizeId.Letter)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def print_pdf(pdf_path: str, printer: QPrinter, report: Callable[[int, int], None] | None = None) -> int:
    """Render every page of the PDF at ``pdf_path`` onto ``printer``; returns the number of pages.

    Safe on a worker thread (QPainter on a QPrinter and QImage is; the QPdfDocument is made here and used
    only here). Pages keep their aspect ratio and are centred on the printer's full page.
    """
    document = QPdfDocument()
    if document.load(pdf_path) != QPdfDocument.Error.None_:
        raise RuntimeError(_("The PDF could not be opened for printing ({name}).").format(name=document.error().name))
    count = document.pageCount()
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    printer.setFullPage(True)
    printer.setDocName(document.metaData(QPdfDocument.MetaDataField.Title) or "InduCCI Desktop")
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(_("The printer could not be started."))
    try:
        target_page = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        options = QPdfDocumentRenderOptions()
        for page in range(count):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size, options)
            if image.isNull():
                raise RuntimeError(_("Page {value} could not be rendered.").format(value=page + 1))
            painter.drawImage(_fit(target_page, image), image)
            if report:
                report(page + 1, count)
    finally:
        painter.end()
        document.close()
    return count


def _fit(page: QRectF, image: QImage) -> QRectF:
    scale = min(page.width() / image.width(), page.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(page.x() + (page.width() - width) / 2, page.y() + (page.height() - height) / 2, width, height)

