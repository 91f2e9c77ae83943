"""Block charts as PNG for the DOCX export, drawn with Pillow in the embedded DejaVu font (the PDF draws the
same data with ReportLab's chart, printing/checklists/parts.score_chart)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from inducci_desktop.domain.strategy import ChartData
from inducci_desktop.printing.fonts import _font_path

COLOURS = ["#1F5F8B", "#D9822B", "#3A9D5D", "#8E5EA2", "#C23B3B", "#5A6570"]


def chart_png(chart: ChartData, width: int = 1400) -> bytes:
    """Horizontal bars in percent, one group per category, a legend when there are several series."""
    font = ImageFont.truetype(str(_font_path("DejaVuSans.ttf")), 22)
    bar, gap = 22, 16
    count = max(1, len(chart.series))
    legend = 40 if count > 1 else 0
    height = len(chart.categories) * (bar * count + gap) + 60 + legend
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    label_width = min(int(width * 0.42), max((int(draw.textlength(c, font=font)) for c in chart.categories),
                                             default=60) + 16)
    left, right = label_width, width - 60  # room for the "100 %" under the last grid line
    top = 10 + legend
    for step in range(0, 101, 20):
        x = left + (right - left) * step / 100
        draw.line([(x, top), (x, height - 40)], fill="#E3E9EE", width=2)
        draw.text((x - 16, height - 34), f"{step} %", fill="#5A6570", font=font)
    y = top
    for index, category in enumerate(chart.categories):
        text = category if len(category) <= 48 else category[:47] + "…"
        draw.text((left - 10 - draw.textlength(text, font=font), y + (bar * count) / 2 - 12), text,
                  fill="#222222", font=font)
        for number, series in enumerate(chart.series):
            value = series[index] if index < len(series) else None
            if value is not None:
                draw.rectangle([left, y + number * bar, left + (right - left) * value, y + (number + 1) * bar - 3],
                               fill=COLOURS[number % len(COLOURS)])
        y += bar * count + gap
    if count > 1:
        x = left
        for number, name in enumerate(chart.names):
            draw.rectangle([x, 10, x + 22, 32], fill=COLOURS[number % len(COLOURS)])
            draw.text((x + 30, 8), name, fill="#222222", font=font)
            x += 60 + int(draw.textlength(name, font=font))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
