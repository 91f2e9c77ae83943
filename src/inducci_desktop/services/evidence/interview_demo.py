"""The demo interview and stakeholders: an interview with the administration guide in the demo region, the
interviewee recorded by role and organisation only (no name), and two entries in the stakeholder register.
All people and answers are fictional."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from inducci_desktop.domain.evidence import Activity, InterviewInput, StakeholderInput
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import NotFoundError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

ANSWERS = (
    ("q1", "Head of the business support unit; we advise small firms and run the regional start-up grants.",
     "Department of about 12 people."),
    ("q2", "Designers and game studios first; theatres and museums only on second thought.", ""),
    ("q5", "Mostly permits for events and the temporary use of empty shops; some funding applications.",
     "Exact words: “they come when it is already too late”."),
    ("q6", "Works well when there is a named contact; gets stuck when an application falls between culture "
           "and economy.", ""),
    ("q8", "Our grants require a registered company with two years of accounts, which excludes many "
           "freelancers.", "Check the grant rules before the training."),
    ("q15", "One day is realistic, or two half days a month apart.", ""),
    ("q21", "A short list of creative contacts and a way to pass enquiries to culture colleagues.", ""),
)


def demo_interview_step(services: Services) -> list[str]:
    interview_id = demo_id("interview:bielsko-biala-administration")
    region_id = demo_id("region:Śląskie (Silesia)")
    try:
        services.interviews.summary(interview_id)
        return []
    except NotFoundError:
        pass
    try:
        services.regions.get(region_id)
    except NotFoundError:
        return []
    held_on = date.today() - timedelta(days=30)
    services.interviews.create(InterviewInput(
        "interview-administration", region_id, held_on, "Regional Development Agency, CCI team",
        "Head of business support unit", "City Office Bielsko-Biała (fictional)", consent=True,
        notes="Held in the city office, 40 minutes; notes taken with consent, answers quoted anonymously."),
        interview_id=interview_id)
    for key, answer, note in ANSWERS:
        services.interviews.set_answer(interview_id, key, answer)
        if note:
            services.interviews.set_note(interview_id, key, note)
    services.stakeholders.add_from_interview(interview_id)
    services.stakeholders.add(StakeholderInput(
        region_id, "organisation", organisation="Cluster of design studios Podbeskidzie (fictional)",
        role="Members' association", consent=True, consent_date=held_on,
        activities=(Activity("focus_group", "Focus group on vacant industrial halls"),)),
        stakeholder_id=demo_id("stakeholder:design-cluster"))
    return [_("an interview with the administration guide ({answers} answers) and {people} people consulted")
            .format(answers=len(ANSWERS), people=2)]
