"""The assessment of achievements and challenges, with its figures; the annexes."""

from collections import Counter

from django.utils.translation import gettext as _

from rihub.directory.models import Body, Economy, PriorityArea
from rihub.governance.models import CommitmentStatus
from rihub.lib.charts import Bar, bar_chart, describe
from rihub.mainstreaming.models import InterventionStatus
from rihub.monograph.assembly.scope import Scope, day, when
from rihub.monograph.book import Block, figure, heading, table, text


def assessment(scope: Scope) -> list[Block]:
    blocks: list[Block] = [heading(_("Achievements and challenges"))]
    for found in scope.assessments():
        blocks.append(heading(found.economy.name, level=2))
        blocks.append(text(_("Achievements: %(text)s") % {"text": found.achievements}))
        blocks.append(text(_("Challenges: %(text)s") % {"text": found.challenges}))
    blocks.append(heading(_("Figures")))
    blocks.extend(commitment_figures(scope))
    blocks.extend(meeting_figures(scope))
    blocks.extend(mainstreaming_figure(scope))
    return blocks


def chart(anchor: str, title: str, bars: list[Bar]) -> Block:
    """A bar chart whose text alternative names every bar and its value."""
    return figure(anchor, bar_chart(title, bars, anchor), describe(title, bars), title)


def commitment_figures(scope: Scope) -> list[Block]:
    """Commitments achieved by economy and by priority area, and every status."""
    commitments = scope.commitments()
    statuses = [str(status.label) for status in CommitmentStatus]
    by_economy = Counter((c.economy.name, c.get_status_display()) for c in commitments)
    by_area = Counter(
        (c.priority_area.name, c.get_status_display()) for c in commitments
    )
    economies = [economy.name for economy in Economy.objects.all()]
    areas = [area.name for area in PriorityArea.objects.all()]
    achieved = str(CommitmentStatus.ACHIEVED.label)
    return [
        chart(
            "figure-commitments-economy",
            _("Commitments achieved, by economy"),
            [Bar(name, by_economy[name, achieved]) for name in economies],
        ),
        status_table(
            _("Commitments by economy and status"),
            [_("Economy"), *statuses],
            economies,
            by_economy,
        ),
        chart(
            "figure-commitments-area",
            _("Commitments achieved, by priority area"),
            [Bar(name, by_area[name, achieved]) for name in areas],
        ),
        status_table(
            _("Commitments by priority area and status"),
            [_("Priority area"), *statuses],
            areas,
            by_area,
        ),
    ]


def status_table(
    caption: str,
    columns: list[str],
    names: list[str],
    counts: Counter[tuple[str, str]],
) -> Block:
    """A row per name, a count per status: the first column names the rows."""
    statuses = columns[1:]
    rows = [
        [name, *(str(counts[name, status]) for status in statuses)] for name in names
    ]
    return table(caption, columns, rows)


def meeting_figures(scope: Scope) -> list[Block]:
    """Task Force meetings each year, and the share of seats filled at them."""
    meetings = [m for m in scope.meetings() if m.body.kind == Body.Kind.TASK_FORCE]
    held = Counter(meeting.year for meeting in meetings)
    years = {meeting.pk: meeting.year for meeting in meetings}
    rolls = [a for a in scope.attendance() if a.meeting_id in years]
    seats = Counter(years[a.meeting_id] for a in rolls)
    filled = Counter(years[a.meeting_id] for a in rolls if a.attended)
    period = [str(year) for year in scope.monograph.years]
    return [
        chart(
            "figure-task-force-meetings",
            _("Task Force meetings, by year"),
            [Bar(year, held[int(year)]) for year in period],
        ),
        chart(
            "figure-task-force-attendance",
            _("Seats filled at Task Force meetings, by year (%)"),
            [Bar(year, share(filled[int(year)], seats[int(year)])) for year in period],
        ),
    ]


def share(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def mainstreaming_figure(scope: Scope) -> list[Block]:
    outcomes = Counter(i.status for i in scope.interventions())
    bars = [
        Bar(str(status.label), outcomes[status.value]) for status in InterventionStatus
    ]
    return [chart("figure-interventions", _("Interventions, by outcome"), bars)]


def annexes(scope: Scope) -> list[Block]:
    meetings = [[when(m), m.title, m.body.name, m.place] for m in scope.meetings()]
    documents = [
        [day(d.date), d.title, d.get_document_type_display()] for d in scope.documents()
    ]
    return [
        heading(_("All meetings")),
        table(_("Meetings"), [_("Date"), _("Title"), _("Body"), _("Place")], meetings),
        heading(_("All documents")),
        table(_("Documents"), [_("Date"), _("Title"), _("Type")], documents),
    ]
