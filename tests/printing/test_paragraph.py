"""The Paragraph that breaks its lines once per width gives what ReportLab's own gives."""

from __future__ import annotations

from reportlab.platypus import paragraph as rl

from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import get_styles

TEXT = "Creative industries in Łódź, Győr and Příbram work with <b>local firms</b>. " * 12


def test_same_size_as_reportlab_at_every_width() -> None:
    style = get_styles().body
    ours, theirs = Paragraph(TEXT, style), rl.Paragraph(TEXT, style)
    for width in (400.0, 200.0, 400.0, 120.0, 400.0):
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        assert len(ours.blPara.lines) == len(theirs.blPara.lines)


def test_breaks_once_per_width() -> None:
    para = Paragraph(TEXT, get_styles().body)
    calls: list[list[float]] = []
    original = para.breakLines
    para.breakLines = lambda widths: (calls.append(widths), original(widths))[1]  # type: ignore[method-assign]
    para.wrap(300, 800)
    para.wrap(300, 500)
    assert len(calls) == 1
    para.wrap(250, 800)
    assert len(calls) == 2
    del para.blPara  # as ReportLab's split does when it moves the whole paragraph on
    para.wrap(250, 800)
    assert len(calls) == 3


def test_split_halves_are_the_same_class_and_fit() -> None:
    para = Paragraph(TEXT, get_styles().body)
    _width, height = para.wrap(300, 800)
    first, second = para.split(300, height / 2)
    assert isinstance(first, Paragraph) and isinstance(second, Paragraph)
    assert first.wrap(300, 800)[1] <= height / 2
