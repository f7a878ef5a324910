"""One chapter per economy: its commitments, interventions and key documents."""

from django.utils.translation import gettext as _

from rihub.directory.models import Economy
from rihub.governance.models import Assessment, Commitment
from rihub.mainstreaming.models import Intervention
from rihub.monograph.assembly.scope import Scope, day, joined
from rihub.monograph.book import Block, entry, heading, text
from rihub.website.models import Document


class EconomyRecords:
    """The scope's records, sorted once by the economy they belong to."""

    def __init__(self, scope: Scope) -> None:
        self.commitments = scope.commitments()
        self.assessments = {a.economy_id: a for a in scope.assessments()}
        self.interventions = scope.interventions()
        self.documents = scope.documents()

    def blocks(self, economy: Economy) -> list[Block]:
        blocks = (
            [text(economy.designation_footnote)] if economy.designation_footnote else []
        )
        blocks.append(heading(_("Commitments")))
        blocks.extend(
            commitment_entry(c) for c in self.commitments if c.economy_id == economy.pk
        )
        if assessment := self.assessments.get(economy.pk):
            blocks.extend(assessment_blocks(assessment))
        # Interventions and documents by title only: their proposals and
        # summaries are told once, in the mainstreaming chapter and the compendium.
        blocks.append(heading(_("Interventions")))
        blocks.extend(
            intervention_entry(i, summary=False)
            for i in self.interventions
            if economy in i.economies.all()
        )
        blocks.append(heading(_("Key documents")))
        blocks.extend(
            document_entry(d, summary=False)
            for d in self.documents
            if economy in d.economies.all()
        )
        return blocks


def commitment_entry(commitment: Commitment) -> Block:
    """The commitment with its final status, and the evidence reported last."""
    updates = list(commitment.progress_updates.all())
    final = updates[-1] if updates else None
    target = joined(commitment.indicator, target_of(commitment))
    points = [joined(day(final.reported_on), final.evidence)] if final else []
    return entry(
        f"commitment-{commitment.pk}",
        commitment.text,
        meta=joined(commitment.priority_area.name, commitment.get_status_display()),
        summary=target,
        points=points,
        terms=[commitment.economy.name, commitment.priority_area.name],
    )


def target_of(commitment: Commitment) -> str:
    if commitment.target is None:
        return ""
    return _("target %(value)s %(unit)s") % {
        "value": commitment.target.normalize(),
        "unit": commitment.unit,
    }


def assessment_blocks(assessment: Assessment) -> list[Block]:
    return [
        heading(_("Final assessment"), level=2),
        text(_("Achievements: %(text)s") % {"text": assessment.achievements}),
        text(_("Challenges: %(text)s") % {"text": assessment.challenges}),
    ]


def intervention_entry(intervention: Intervention, summary: bool = True) -> Block:
    economies = [economy.name for economy in intervention.economies.all()]
    return entry(
        f"intervention-{intervention.pk}",
        intervention.title,
        meta=joined(
            str(intervention.dimension),
            intervention.body.name,
            intervention.get_status_display(),
        ),
        summary=intervention.proposal if summary else "",
        terms=[*economies, intervention.body.name, intervention.priority_area.name],
    )


def document_entry(document: Document, summary: bool = True) -> Block:
    return entry(
        f"document-{document.pk}",
        document.title,
        meta=joined(document.get_document_type_display(), day(document.date)),
        summary=document.summary if summary else "",
        terms=[economy.name for economy in document.economies.all()]
        + [area.name for area in document.priority_areas.all()],
    )
