"""The feedback form: default questions (from the toolbox guide on evaluating a training) and the summary.

Pure functions; the service stores questions per workshop and answers per returned form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.workshops import (
    CHOICES,
    FEEDBACK_KINDS,
    RATING_SCALE,
    FeedbackSummary,
    Question,
    QuestionSummary,
)
from inducci_desktop.services.errors import ValidationError

KINDS = FEEDBACK_KINDS
KIND_LABELS = rules.QUESTION_KIND.labels
MAX_QUESTIONS = rules.MAX_QUESTIONS
MAX_TEXT = rules.FEEDBACK_TEXT

#: (kind, text): the "short form" of guide-training-evaluation ("five to eight questions at most"),
#: plus the reaction level's "well organised".
DEFAULT_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("rating", N_("How useful was the training for your daily work?")),
    ("rating", N_("How well was the training organised?")),
    ("choice", N_("Do you now know whom to contact in the creative scene?")),
    ("text", N_("Which part was most valuable?")),
    ("text", N_("Which part could be shorter or dropped?")),
    ("text", N_("What will you do differently in the next month?")),
    ("text", N_("Would you attend a follow-up? On which topic?")),
)


def clean_answer(kind: str, value: object) -> int | str | None:
    """An answer as stored: a rating 1–5, one of CHOICES, a text; None for no answer."""
    if value is None or value == "":
        return None
    if kind == "rating":
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValidationError(_("A rating is a whole number from 1 to 5 (not “{value}”).")
                .format(value=value)) from None
        if number not in RATING_SCALE:
            raise ValidationError(_("A rating is a whole number from 1 to 5 (not {number}).").format(number=number))
        return number
    if kind == "choice":
        text = str(value).strip().casefold()
        aliases = {"y": "yes", "p": "partly", "n": "no"}
        text = aliases.get(text, text)
        if text not in CHOICES:
            raise ValidationError(_("Answer yes, partly or no (not “{value}”).").format(value=value))
        return text
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(_("A comment can be at most {MAX_TEXT} characters long.").format(MAX_TEXT=MAX_TEXT))
    return text or None


def summarise(questions: Sequence[Question], answers: Sequence[Mapping[str, object]]) -> FeedbackSummary:
    """Averages and distributions per question over all returned forms (answers keyed by question id)."""
    result: list[QuestionSummary] = []
    for question in questions:
        given = [a.get(question.id) for a in answers]
        given = [v for v in given if v not in (None, "")]
        if question.kind == "rating":
            numbers = [int(v) for v in given if isinstance(v, int | str) and str(v).isdigit()]
            counts = tuple((str(n), numbers.count(n)) for n in RATING_SCALE)
            average = round(sum(numbers) / len(numbers), 2) if numbers else None
            result.append(QuestionSummary(question, len(numbers), average, counts, ()))
        elif question.kind == "choice":
            counts = tuple((c, sum(1 for v in given if v == c)) for c in CHOICES)
            result.append(QuestionSummary(question, sum(n for _c, n in counts), None, counts, ()))
        else:
            comments = tuple(str(v) for v in given)
            result.append(QuestionSummary(question, len(comments), None, (), comments))
    return FeedbackSummary(len(answers), tuple(result))
