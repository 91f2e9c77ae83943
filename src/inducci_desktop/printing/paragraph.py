"""ReportLab's Paragraph, with its line breaking done once per width.

Platypus wraps most paragraphs two or three times at the same width before drawing them (a heading
kept with the next flowable, containers measuring their content, a frame measuring what it adds, a
table sizing its cells), and each ``wrap`` breaks the lines anew: half of the layout time of a
handout pack. The result depends only on the width (the frags and style are fixed once made), so a
second ``wrap`` at the width of the last one returns the size found then — unless ReportLab dropped
the line breaks meanwhile (``split`` deletes ``blPara`` in some cases), which forces a new break.
Every printing module takes ``Paragraph`` from here; ``split`` makes halves of the same class.
"""

from __future__ import annotations

from reportlab.platypus import paragraph


class Paragraph(paragraph.Paragraph):
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        state = self.__dict__
        if state.get("_inducci_wrapped") == availWidth and "blPara" in state:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._inducci_wrapped = availWidth
        return size
