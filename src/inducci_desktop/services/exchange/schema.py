"""The records of an exchange bundle (``.inducci``), one pydantic model per kind, and how they map to tables.

A kind is one file ``records/<kind>.json`` holding a list of records. Every user record carries its UUID and
its created/updated/deleted timestamps, so a receiving machine merges by id. ``KINDS`` lists the kinds in
the order they are written to the database (parents before children).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import N_, Nn_, _, ngettext
from inducci_desktop.store.models import (
    ActionItem,
    AgendaBlock,
    Assessment,
    AssessmentAnswer,
    Attendance,
    Base,
    FeedbackQuestion,
    FeedbackResponse,
    Finding,
    Interview,
    InterviewAnswer,
    Measure,
    PaperBlock,
    PaperSection,
    Participant,
    Pilot,
    PilotCriterion,
    PilotLesson,
    PilotPhoto,
    PilotVoice,
    Priority,
    Recommendation,
    RecommendationItem,
    RecommendationTopic,
    Region,
    ReviewComment,
    Stakeholder,
    StrategyPaper,
    Topic,
    UserTemplateVersion,
    Workshop,
    WorkshopDay,
    WorkshopOutcome,
)

FORMAT = "inducci-bundle"
FORMAT_VERSION = 2  # 2: versions (vv, rev_by), the data folder in the manifest, anonymous participants

RecordId = Annotated[str, Field(pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                                        r"[0-9a-fA-F]{12}$")]


# --- field types derived from domain/rules.py: a bundle cannot bring a value the app would refuse ------


def _line(value: str) -> str:
    return rules.check_text(value, N_("text"), multiline=False)


def _paragraphs(value: str) -> str:
    return rules.check_text(value, N_("text"))


def _day(value: date) -> date:
    return rules.check_date(value)


def _iso_day(value: str) -> str:
    return rules.check_date(date.fromisoformat(value)).isoformat() if value else ""


def _stamp(value: datetime) -> datetime:
    # only the calendar range: another laptop's clock may be far ahead or behind, and no merge decision rests on
    # a clock (versions decide, issue of the exchange), so a stamp ahead of ours is no reason to refuse a bundle
    return rules.check_timestamp(value)


Day = Annotated[date, AfterValidator(_day)]
#: a time stamp: inside the declared range and not in the future (it would win every later merge)
Stamp = Annotated[AwareDatetime, AfterValidator(_stamp)]
Slug = Annotated[str, Field(min_length=1, max_length=rules.SLUG), AfterValidator(_line)]
Title = Annotated[str, Field(min_length=1, max_length=rules.TITLE), AfterValidator(_line)]
Text300 = Annotated[str, Field(max_length=rules.TITLE), AfterValidator(_line)]
Text200 = Annotated[str, Field(max_length=rules.NAME), AfterValidator(_line)]
LongText = Annotated[str, Field(max_length=rules.WORKSHOP_TEXT), AfterValidator(_paragraphs)]
ResultText = Annotated[str, Field(max_length=rules.RESULT_TEXT), AfterValidator(_paragraphs)]
Minutes = Annotated[StrictInt, Field(ge=0, le=rules.MINUTES_PER_DAY)]
Position = Annotated[StrictInt, Field(ge=rules.POSITION[0], le=rules.POSITION[1])]
Version = Annotated[StrictInt, Field(ge=rules.TEMPLATE_VERSION[0], le=rules.TEMPLATE_VERSION[1])]
RegionKind = Annotated[str, AfterValidator(rules.REGION_KIND.check)]
AssessmentStatus = Annotated[str, AfterValidator(rules.ASSESSMENT_STATUS.check)]
WorkshopMode = Annotated[str, AfterValidator(rules.WORKSHOP_MODE.check)]
WorkshopStatus = Annotated[str, AfterValidator(rules.WORKSHOP_STATUS.check)]
BlockKind = Annotated[str, AfterValidator(rules.BLOCK_KIND.check)]
OutcomeKind = Annotated[str, AfterValidator(rules.OUTCOME_KIND.check)]
ActionStatus = Annotated[str, AfterValidator(rules.ACTION_STATUS.check)]
QuestionKind = Annotated[str, AfterValidator(rules.QUESTION_KIND.check)]
ResponseSource = Annotated[str, AfterValidator(rules.RESPONSE_SOURCE.check)]
PilotStatus = Annotated[str, AfterValidator(rules.PILOT_STATUS.check)]
PilotRepeat = Annotated[str, AfterValidator(rules.PILOT_REPEAT.check)]
StepStatus = Annotated[str, AfterValidator(rules.STEP_STATUS.check)]
LessonAudience = Annotated[str, AfterValidator(rules.LESSON_AUDIENCE.check)]
PilotText = Annotated[str, Field(max_length=rules.PILOT_TEXT), AfterValidator(_paragraphs)]
PilotItem = Annotated[str, Field(min_length=1, max_length=rules.PILOT_ITEM), AfterValidator(_paragraphs)]
CriterionValue = Annotated[str, Field(max_length=rules.CRITERION_VALUE), AfterValidator(_line)]
Budget = Annotated[StrictInt, Field(ge=rules.BUDGET[0], le=rules.BUDGET[1])]
#: a photo's JPEG as base64 (the stored copy is at most MAX_SIDE pixels: a few hundred kB)
PHOTO_BASE64_MAX = 24 * 1024 * 1024
FindingStrength = Annotated[str, AfterValidator(rules.FINDING_STRENGTH.check)]
FindingSource = Annotated[str, AfterValidator(rules.FINDING_SOURCE.check)]
InterviewGuide = Annotated[str, AfterValidator(rules.INTERVIEW_GUIDE.check)]
StakeholderKind = Annotated[str, AfterValidator(rules.STAKEHOLDER_KIND.check)]
ActivityKind = Annotated[str, AfterValidator(rules.ACTIVITY_KIND.check)]
PaperStatus = Annotated[str, AfterValidator(rules.PAPER_STATUS.check)]
Commonality = Annotated[str, AfterValidator(rules.COMMONALITY.check)]
PolicyLevel = Annotated[str, AfterValidator(rules.POLICY_LEVEL.check)]
ExampleKind = Annotated[str, AfterValidator(rules.EXAMPLE_KIND.check)]
SectionText = Annotated[str, Field(max_length=rules.SECTION_TEXT), AfterValidator(_paragraphs)]
MeasureText = Annotated[str, Field(max_length=rules.MEASURE_TEXT), AfterValidator(_paragraphs)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Counter = Annotated[StrictInt, Field(ge=0)]


class RecordModel(_Strict):
    id: RecordId
    created_at: Stamp
    updated_at: Stamp
    deleted_at: Stamp | None = None
    #: the version: data folder id → its clock at its latest edit included (None: made by 0.1.0, no history)
    vv: dict[RecordId, Counter] | None = None
    rev_by: RecordId | None = None  # the data folder that made this version


class RegionRecord(RecordModel):
    name: Annotated[str, Field(min_length=1, max_length=rules.NAME), AfterValidator(_line)]
    kind: RegionKind = "region"
    country: Annotated[str, Field(max_length=rules.COUNTRY), AfterValidator(_line)] = ""
    notes: Annotated[str, Field(max_length=rules.REGION_NOTES), AfterValidator(_paragraphs)] = ""
    parent_id: RecordId | None = None

    @model_validator(mode="after")
    def _not_its_own_parent(self) -> RegionRecord:
        if self.parent_id is not None and self.parent_id.lower() == self.id.lower():
            raise ValueError(_("a region cannot be its own parent (parent_id)"))
        return self


class TemplateRecord(RecordModel):
    """One stored version of a user's own checklist template."""

    template_id: Slug
    version: Version
    title: Text300
    data: dict[str, Any]


class ToolboxTemplateRecord(_Strict):
    """A toolbox template version an assessment pins, carried in case the receiver's pack lacks it."""

    id: Slug
    version: Version
    title: Text300
    summary: LongText = ""
    section: Annotated[str, Field(max_length=100)] | None = None
    data: dict[str, Any]


class AssessmentRecord(RecordModel):
    title: Title
    template_id: Slug
    template_version: Version
    region_id: RecordId | None = None
    subject: Text300 = ""
    assessor: Annotated[str, Field(max_length=rules.ASSESSOR), AfterValidator(_line)] = ""
    assessed_on: Annotated[str, Field(max_length=rules.ISO_DATE), AfterValidator(_iso_day)] = ""
    round: Annotated[StrictInt, Field(ge=rules.ROUND[0], le=rules.ROUND[1])] = 1
    previous_id: RecordId | None = None
    status: AssessmentStatus = "draft"
    completed_at: Stamp | None = None
    archived_at: Stamp | None = None


class AnswerRecord(RecordModel):
    """The value is checked against its item's type when the bundle is planned (that needs the template)."""

    assessment_id: RecordId
    item_key: Slug
    value: Any = None
    note: Annotated[str, Field(max_length=rules.ANSWER_NOTE), AfterValidator(_paragraphs)] = ""


class WorkshopRecord(RecordModel):
    title: Title
    venue: Text300 = ""
    mode: WorkshopMode = "in_person"
    region_id: RecordId | None = None
    organisation: Text300 = ""
    trainers: LongText = ""
    target_group: LongText = ""
    objectives: LongText = ""
    status: WorkshopStatus = "planned"
    copied_from: RecordId | None = None
    # added with schema 0006; optional, so bundles made before still import
    place: Text200 = ""
    certificate_date: Day | None = None
    certificate_minutes: Annotated[StrictInt, Field(gt=0, le=rules.MAX_DAYS * rules.MINUTES_PER_DAY)] | None = None


class DayRecord(RecordModel):
    workshop_id: RecordId
    day: Day
    start_minutes: Minutes
    end_minutes: Minutes

    @model_validator(mode="after")
    def _ends_after_start(self) -> DayRecord:
        if not self.start_minutes < self.end_minutes:
            raise ValueError(_("a day must end after it starts (start_minutes, end_minutes)"))
        return self


class BlockRecord(RecordModel):
    day_id: RecordId
    position: Position
    kind: BlockKind = "session"
    title: Title
    format_id: Annotated[str, Field(max_length=rules.SLUG), AfterValidator(_line)] | None = None
    duration_minutes: Annotated[StrictInt, Field(ge=rules.BLOCK_MINUTES[0], le=rules.BLOCK_MINUTES[1])]
    responsible: Text300 = ""
    materials: LongText = ""
    notes: LongText = ""


class ParticipantRecord(RecordModel):
    """Personal fields are null when the bundle was made without personal data."""

    workshop_id: RecordId
    name: Text200 | None
    organisation: Text200 | None
    department: Text200 | None
    email: Text200 | None
    consent: StrictBool = False
    consent_date: Day | None = None
    erased_at: Stamp | None = None
    anonymous: StrictBool = False  # imported somewhere without personal data: the name is a placeholder


class AttendanceRecord(RecordModel):
    participant_id: RecordId
    day_id: RecordId
    present: StrictBool = True


class OutcomeRecord(RecordModel):
    workshop_id: RecordId
    kind: OutcomeKind
    text: ResultText
    position: Position = 0


class ActionRecord(RecordModel):
    workshop_id: RecordId
    text: ResultText
    owner: Text200 | None  # a person's name: personal data
    due: Day | None = None
    status: ActionStatus = "open"


class QuestionRecord(RecordModel):
    workshop_id: RecordId
    position: Position
    kind: QuestionKind
    text: Annotated[str, Field(min_length=1, max_length=rules.QUESTION_TEXT), AfterValidator(_paragraphs)]


class ResponseRecord(RecordModel):
    workshop_id: RecordId
    answers: dict[str, Any]  # checked against the questions' kinds when the bundle is planned
    source: ResponseSource = "paper"


class PartnerEntry(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=rules.NAME), AfterValidator(_line)]
    role: Text300 = ""


class StepEntry(_Strict):
    title: Title
    status: StepStatus = "planned"


class ParticipantEntry(_Strict):
    type: Annotated[str, Field(min_length=1, max_length=rules.NAME), AfterValidator(_line)]
    count: Annotated[StrictInt, Field(ge=rules.PARTICIPANT_COUNT[0], le=rules.PARTICIPANT_COUNT[1])]


def _rows_limit(value: list[Any]) -> list[Any]:
    if len(value) > rules.MAX_PILOT_ROWS:
        raise ValueError(_("at most {count} entries").format(count=rules.MAX_PILOT_ROWS))
    return value


class PilotRecord(RecordModel):
    title: Title
    region_id: RecordId | None = None
    format_id: Annotated[str, Field(max_length=rules.SLUG), AfterValidator(_line)] | None = None
    status: PilotStatus = "idea"
    repeat: PilotRepeat = "undecided"
    repeat_note: PilotText = ""
    partners: Annotated[list[PartnerEntry], AfterValidator(_rows_limit)] = []
    start_date: Day | None = None
    end_date: Day | None = None
    places: PilotText = ""
    challenge: PilotText = ""
    target_groups: PilotText = ""
    budget_planned: Budget | None = None
    budget_spent: Budget | None = None
    currency: Annotated[str, Field(min_length=1, max_length=rules.SHORT_CODE), AfterValidator(_line)] = "EUR"
    steps: Annotated[list[StepEntry], AfterValidator(_rows_limit)] = []
    participants: Annotated[list[ParticipantEntry], AfterValidator(_rows_limit)] = []
    changes: PilotText = ""
    problems: PilotText = ""
    outputs: PilotText = ""
    assessment_id: RecordId | None = None  # the planning checklist (it may not travel with the pilot)
    workshop_ids: Annotated[list[RecordId], AfterValidator(_rows_limit)] = []
    published_at: Stamp | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> PilotRecord:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(_("a pilot cannot end before it starts (start_date, end_date)"))
        return self


class CriterionRecord(RecordModel):
    pilot_id: RecordId
    position: Position = 0
    text: PilotItem
    baseline: CriterionValue = ""
    target: CriterionValue = ""
    achieved: CriterionValue = ""


class LessonRecord(RecordModel):
    pilot_id: RecordId
    position: Position = 0
    audience: LessonAudience = "setting"
    text: PilotItem


class VoiceRecord(RecordModel):
    """A voice whose consent was withdrawn travels without its words (so that they disappear there too)."""

    pilot_id: RecordId
    position: Position = 0
    text: Annotated[str, Field(max_length=rules.PILOT_ITEM), AfterValidator(_paragraphs)]
    speaker: Text200 = ""
    consent: StrictBool = False
    consent_date: Day | None = None

    @model_validator(mode="after")
    def _words_only_with_consent(self) -> VoiceRecord:
        if self.text and not self.consent and self.deleted_at is None:
            raise ValueError(_("a statement without the speaker's consent cannot travel (text, consent)"))
        return self


class PhotoRecord(RecordModel):
    """``image``: the stored JPEG as base64; absent when the photo's consent is withdrawn."""

    pilot_id: RecordId
    position: Position = 0
    file: Annotated[str, Field(pattern=r"^[0-9a-f]{32}\.jpg$")]
    caption: Annotated[str, Field(max_length=rules.PILOT_ITEM), AfterValidator(_paragraphs)] = ""
    credit: Text200 = ""
    consent: StrictBool = False
    width: Annotated[StrictInt, Field(ge=0, le=100_000)] = 0
    height: Annotated[StrictInt, Field(ge=0, le=100_000)] = 0
    image: Annotated[str, Field(max_length=PHOTO_BASE64_MAX, pattern=r"^[A-Za-z0-9+/]*={0,2}$")] | None = None

    @model_validator(mode="after")
    def _image_only_with_consent(self) -> PhotoRecord:
        if self.image is not None and not self.consent:
            raise ValueError(_("a photo without consent cannot travel with its image (image, consent)"))
        return self
class TopicRecord(RecordModel):
    name: Annotated[str, Field(min_length=1, max_length=rules.TOPIC), AfterValidator(_line)]


class FindingRecord(RecordModel):
    region_id: RecordId
    statement: Annotated[str, Field(min_length=1, max_length=rules.FINDING_TEXT), AfterValidator(_paragraphs)]
    source_kind: FindingSource = "note"
    source_ref: Annotated[str, Field(max_length=rules.SOURCE_REF), AfterValidator(_line)] = ""
    source_title: Text300 = ""
    citation: Text300 = ""
    observed_on: Day
    strength: FindingStrength = "moderate"
    topic_ids: Annotated[list[RecordId], Field(max_length=rules.MAX_TOPICS)] = []


class InterviewRecord(RecordModel):
    """The interviewee's name, organisation and role are personal: null in a bundle without personal data."""

    guide_id: InterviewGuide
    region_id: RecordId
    held_on: Day
    interviewer: Text200 = ""
    interviewee_role: Text200 | None
    interviewee_organisation: Text200 | None
    interviewee_name: Text200 | None
    consent: StrictBool = False
    name_consent: StrictBool = False
    notes: Annotated[str, Field(max_length=rules.INTERVIEW_ANSWER), AfterValidator(_paragraphs)] = ""
    erased_at: Stamp | None = None


class InterviewAnswerRecord(RecordModel):
    interview_id: RecordId
    question_key: Slug
    answer: Annotated[str, Field(max_length=rules.INTERVIEW_ANSWER), AfterValidator(_paragraphs)] = ""
    note: Annotated[str, Field(max_length=rules.INTERVIEW_ANSWER), AfterValidator(_paragraphs)] = ""


class Activity(_Strict):
    kind: ActivityKind
    ref: Annotated[str, Field(max_length=rules.SOURCE_REF), AfterValidator(_line)] = ""
    label: Text300 = ""


class StakeholderRecord(RecordModel):
    """A person's name, e-mail, organisation and role are personal: null without personal data."""

    region_id: RecordId | None = None
    kind: StakeholderKind = "person"
    name: Text200 | None
    organisation: Text200 | None
    role: Text200 | None
    email: Text200 | None
    consent: StrictBool = False
    consent_date: Day | None = None
    activities: Annotated[list[Activity], Field(max_length=rules.MAX_ACTIVITIES)] = []
    erased_at: Stamp | None = None


# --- strategy papers and recommendations (services/strategy) ---------------------------------------------


class PaperRecord(RecordModel):
    region_id: RecordId
    lineage_id: RecordId
    version: Annotated[StrictInt, Field(ge=rules.PAPER_VERSION[0], le=rules.PAPER_VERSION[1])]
    title: Title
    status: PaperStatus = "draft"
    adopted_by: Text200 = ""
    adopted_on: Day | None = None
    frozen_at: Stamp | None = None


class SectionRecord(RecordModel):
    paper_id: RecordId
    position: Position
    outline_key: Annotated[str, Field(max_length=rules.SLUG), AfterValidator(_line)] = ""
    title: Annotated[str, Field(min_length=1, max_length=rules.SECTION_TITLE), AfterValidator(_line)]
    body: SectionText = ""


Cell = Annotated[str, Field(max_length=rules.MEASURE_TEXT), AfterValidator(_paragraphs)]


class ChartValue(_Strict):
    categories: Annotated[list[Cell], Field(max_length=200)]
    series: Annotated[list[Annotated[list[Annotated[float, Field(ge=0, le=1)] | None], Field(max_length=200)]],
                      Field(max_length=20)]
    names: Annotated[list[Cell], Field(max_length=20)]


class BlockValueRecord(_Strict):
    """A frozen block's value (domain.strategy.BlockValue.to_json)."""

    title: Cell
    columns: Annotated[list[Cell], Field(max_length=30)] = []
    rows: Annotated[list[Annotated[list[Cell], Field(max_length=30)]], Field(max_length=2000)] = []
    chart: ChartValue | None = None
    note: Cell = ""
    taken_on: Day | None = None


class PaperBlockRecord(RecordModel):
    section_id: RecordId
    position: Position
    kind: Annotated[str, Field(min_length=1, max_length=rules.BLOCK_KIND_KEY), AfterValidator(_line)]
    params: dict[Annotated[str, Field(max_length=40)],
                 Annotated[str, Field(max_length=rules.SOURCE_REF)] | Annotated[list[RecordId],
                                                                               Field(max_length=rules.MAX_SUPPORT)]]
    frozen: BlockValueRecord | None = None
    taken_on: Day | None = None


class PriorityRecord(RecordModel):
    paper_id: RecordId
    position: Position
    title: Annotated[str, Field(min_length=1, max_length=rules.SECTION_TITLE), AfterValidator(_line)]
    description: MeasureText = ""


class IndicatorValue(_Strict):
    name: Text200
    baseline: Text200 = ""
    target: Text200 = ""


class MeasureRecord(RecordModel):
    priority_id: RecordId
    position: Position
    what: Annotated[str, Field(min_length=1, max_length=rules.MEASURE_TEXT), AfterValidator(_paragraphs)]
    responsible: Text200 = ""
    due: Day | None = None
    resources: MeasureText = ""
    funding: Text200 = ""
    indicators: Annotated[list[IndicatorValue], Field(max_length=rules.MAX_INDICATORS)] = []
    finding_ids: Annotated[list[RecordId], Field(max_length=rules.MAX_SUPPORT)] = []
    topic_ids: Annotated[list[RecordId], Field(max_length=rules.MAX_TOPICS)] = []
    assumption: StrictBool = False


class CommentRecord(RecordModel):
    """A peer-review comment; the reviewer's name is personal (empty without personal data)."""

    section_id: RecordId
    author: Text200 = ""
    text: Annotated[str, Field(min_length=1, max_length=rules.MEASURE_TEXT), AfterValidator(_paragraphs)]
    resolved: StrictBool = False


class ExampleValue(_Strict):
    paper_id: RecordId
    kind: ExampleKind
    ref: RecordId


class RecommendationRecord(RecordModel):
    title: Title
    status: PaperStatus = "draft"
    paper_ids: Annotated[list[RecordId], Field(max_length=100)] = []
    intro: SectionText = ""


class RecommendationTopicRecord(RecordModel):
    recommendation_id: RecordId
    topic_id: RecordId
    common: Commonality | None = None
    policy: MeasureText = ""
    gap: MeasureText = ""
    level: PolicyLevel = "eu"
    actor: Text200 = ""
    examples: Annotated[list[ExampleValue], Field(max_length=rules.MAX_SUPPORT)] = []


class RecommendationItemRecord(RecordModel):
    recommendation_id: RecordId
    position: Position
    topic_id: Annotated[str, Field(max_length=36), AfterValidator(_line)] = ""
    title: Title
    reasoning: MeasureText = ""
    level: PolicyLevel = "eu"
    actor: Text200 = ""
    examples: Annotated[list[ExampleValue], Field(max_length=rules.MAX_SUPPORT)] = []


@dataclass(frozen=True)
class Kind:
    """One kind of record in a bundle: its file, schema, table and what it refers to."""

    name: str
    label: str  # singular, for messages (English, marked with N_: ``shown`` is in the language ``_`` speaks)
    schema: type[_Strict]
    table: type[Base] | None  # None: toolbox templates (not a user record)
    parents: tuple[tuple[str, str], ...] = ()  # (column, kind) the column must name a record of
    natural_key: tuple[str, ...] = ()  # a unique key besides the id (two machines may each have made one)
    personal: tuple[str, ...] = ()  # fields left out (null) unless personal data is included
    title_field: str = ""
    named: tuple[str, ...] = ()  # free text that names people: empty unless personal data is included

    @property
    def shown(self) -> str:
        """The label in the language ``_`` speaks."""
        return _(self.label)


KINDS: tuple[Kind, ...] = (
    Kind("regions", N_("region"), RegionRecord, Region, (("parent_id", "regions"),), title_field="name"),
    Kind("toolbox_templates", N_("toolbox template"), ToolboxTemplateRecord, None, title_field="title"),
    Kind("templates", N_("own template version"), TemplateRecord, UserTemplateVersion,
         natural_key=("template_id", "version"), title_field="title"),
    Kind("assessments", N_("assessment"), AssessmentRecord, Assessment, (("region_id", "regions"),),
         title_field="title"),
    Kind("answers", N_("answer"), AnswerRecord, AssessmentAnswer, (("assessment_id", "assessments"),),
         natural_key=("assessment_id", "item_key"), title_field="item_key"),
    Kind("workshops", N_("workshop"), WorkshopRecord, Workshop, (("region_id", "regions"),), title_field="title",
         named=("trainers",)),
    Kind("workshop_days", N_("workshop day"), DayRecord, WorkshopDay, (("workshop_id", "workshops"),),
         title_field="day"),
    Kind("agenda_blocks", N_("agenda block"), BlockRecord, AgendaBlock, (("day_id", "workshop_days"),),
         title_field="title", named=("responsible",)),
    Kind("participants", N_("participant"), ParticipantRecord, Participant, (("workshop_id", "workshops"),),
         personal=("name", "organisation", "department", "email"), title_field="name"),
    Kind("attendance", N_("attendance mark"), AttendanceRecord, Attendance,
         (("participant_id", "participants"), ("day_id", "workshop_days")),
         natural_key=("participant_id", "day_id")),
    Kind("outcomes", N_("workshop outcome"), OutcomeRecord, WorkshopOutcome, (("workshop_id", "workshops"),),
         title_field="text"),
    Kind("actions", N_("action item"), ActionRecord, ActionItem, (("workshop_id", "workshops"),),
         personal=("owner",), title_field="text"),
    Kind("feedback_questions", N_("feedback question"), QuestionRecord, FeedbackQuestion,
         (("workshop_id", "workshops"),), title_field="text"),
    Kind("feedback_responses", N_("feedback form"), ResponseRecord, FeedbackResponse,
         (("workshop_id", "workshops"),)),
    Kind("pilots", "pilot action", PilotRecord, Pilot, (("region_id", "regions"),), title_field="title"),
    Kind("pilot_criteria", "success criterion", CriterionRecord, PilotCriterion, (("pilot_id", "pilots"),),
         title_field="text"),
    Kind("pilot_lessons", "lesson learned", LessonRecord, PilotLesson, (("pilot_id", "pilots"),),
         title_field="text"),
    Kind("pilot_voices", "voice", VoiceRecord, PilotVoice, (("pilot_id", "pilots"),), title_field="text",
         named=("speaker",)),
    Kind("pilot_photos", "photo", PhotoRecord, PilotPhoto, (("pilot_id", "pilots"),), title_field="caption"),
    Kind("topics", "topic", TopicRecord, Topic, title_field="name"),  # matched by name too (merge.py)
    Kind("findings", "finding", FindingRecord, Finding, (("region_id", "regions"),), title_field="statement"),
    Kind("interviews", "interview", InterviewRecord, Interview, (("region_id", "regions"),),
         personal=("interviewee_role", "interviewee_organisation", "interviewee_name"), title_field="guide_id",
         named=("interviewer",)),
    Kind("interview_answers", "interview answer", InterviewAnswerRecord, InterviewAnswer,
         (("interview_id", "interviews"),), natural_key=("interview_id", "question_key"),
         title_field="question_key"),
    Kind("stakeholders", "person or organisation consulted", StakeholderRecord, Stakeholder,
         (("region_id", "regions"),), personal=("name", "organisation", "role", "email"), title_field="name"),
    Kind("papers", "strategy paper", PaperRecord, StrategyPaper, (("region_id", "regions"),),
         natural_key=("lineage_id", "version"), title_field="title"),
    Kind("paper_sections", "paper section", SectionRecord, PaperSection, (("paper_id", "papers"),),
         title_field="title"),
    Kind("paper_blocks", "evidence block", PaperBlockRecord, PaperBlock, (("section_id", "paper_sections"),),
         title_field="kind"),
    Kind("priorities", "priority", PriorityRecord, Priority, (("paper_id", "papers"),), title_field="title"),
    Kind("measures", "measure", MeasureRecord, Measure, (("priority_id", "priorities"),), title_field="what"),
    Kind("review_comments", "review comment", CommentRecord, ReviewComment, (("section_id", "paper_sections"),),
         title_field="text", named=("author",)),
    Kind("recommendations", "recommendation", RecommendationRecord, Recommendation, title_field="title"),
    Kind("recommendation_topics", "topic of a recommendation", RecommendationTopicRecord, RecommendationTopic,
         (("recommendation_id", "recommendations"),), natural_key=("recommendation_id", "topic_id"),
         title_field="topic_id"),
    Kind("recommendation_items", "recommendation", RecommendationItemRecord, RecommendationItem,
         (("recommendation_id", "recommendations"),), title_field="title"),
)
KIND_BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
RECORD_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS if k.table is not None)
#: the placeholder name of a participant imported without personal data (numbered per workshop)
PLACEHOLDER_NAME = "Anonymous participant"


class Manifest(_Strict):
    format: str
    format_version: StrictInt
    app_version: Annotated[str, Field(max_length=50)]
    created_at: Stamp
    created_by: Text200 | None = None
    includes_personal_data: StrictBool
    counts: dict[str, Annotated[StrictInt, Field(ge=0)]]
    records: dict[str, str]  # kind → entry name in the zip
    folder_id: RecordId | None = None  # the data folder that made the bundle (None: 0.1.0)
    clock: Counter | None = None  # that folder's clock when it made the bundle

#: "{count} region" / "{count} regions" for each kind's label, for the counts a person reads
COUNTED: dict[str, tuple[str, str]] = {
    "region": Nn_("{count} region", "{count} regions"),
    "toolbox template": Nn_("{count} toolbox template", "{count} toolbox templates"),
    "own template version": Nn_("{count} own template version", "{count} own template versions"),
    "assessment": Nn_("{count} assessment", "{count} assessments"),
    "answer": Nn_("{count} answer", "{count} answers"),
    "workshop": Nn_("{count} workshop", "{count} workshops"),
    "workshop day": Nn_("{count} workshop day", "{count} workshop days"),
    "agenda block": Nn_("{count} agenda block", "{count} agenda blocks"),
    "participant": Nn_("{count} participant", "{count} participants"),
    "attendance mark": Nn_("{count} attendance mark", "{count} attendance marks"),
    "workshop outcome": Nn_("{count} workshop outcome", "{count} workshop outcomes"),
    "action item": Nn_("{count} action item", "{count} action items"),
    "feedback question": Nn_("{count} feedback question", "{count} feedback questions"),
    "feedback form": Nn_("{count} feedback form", "{count} feedback forms"),
}


def counted(label: str, count: int) -> str:
    """``2 regions``, ``2 regiony``: a number of records of one kind in the language ``_`` speaks."""
    forms = COUNTED.get(label)
    return ngettext(*forms, count).format(count=count) if forms else f"{count} × {_(label)}"
