"""Minutes: drafted, circulated, commented, revised, adopted and then locked."""

import datetime as dt

from django.contrib.auth.models import User
from django.core import mail
from django.test import TestCase
from django.utils import timezone
from wagtail.models import ModelLogEntry

from rihub.directory.models import Person
from rihub.governance.errors import GovernanceError
from rihub.governance.models import Meeting, Minutes, MinutesComment
from rihub.governance.services import minutes as service
from rihub.governance.tests.world import World

DRAFT = "## Opening\nThe chair opened the meeting.\n## Reporting\nTemplate adopted.\n"
REVISED = (
    "## Opening\nThe co-chairs opened the meeting.\n## Reporting\nTemplate adopted.\n"
)


class MinutesLifeTests(TestCase):
    world: World
    meeting: Meeting
    editor: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.meeting = cls.world.task_force_meeting(dt.date(2016, 11, 9))
        cls.editor = cls.world.people.secretariat_editor

    def circulated(self) -> Minutes:
        minutes = service.draft(self.meeting, DRAFT, self.editor)
        until = timezone.localdate() + dt.timedelta(days=14)
        return service.circulate(minutes, until, self.editor)

    def test_every_version_is_kept_with_a_readable_diff(self) -> None:
        minutes = service.draft(self.meeting, DRAFT, self.editor)
        service.revise(minutes, REVISED, "Co-chairs named", self.editor)

        first, second = minutes.versions.order_by("number")
        changes = [
            (line.change, line.text)
            for line in service.diff(first, second)
            if line.change != "same"
        ]

        self.assertEqual([first.number, second.number], [1, 2])
        self.assertEqual(
            changes,
            [
                ("removed", "The chair opened the meeting."),
                ("added", "The co-chairs opened the meeting."),
            ],
        )

    def test_circulating_mails_every_member_the_link_and_deadline(self) -> None:
        Person.objects.filter(user=self.world.member_nrcp).update(email="n@example.org")
        Person.objects.filter(user=self.world.people.delegate).update(
            email="d@example.org"
        )
        Person.objects.filter(user=self.world.outsider_nrcp).update(
            email="o@example.org"
        )
        record = service.draft(self.meeting, DRAFT, self.editor)

        with self.captureOnCommitCallbacks(execute=True):
            service.circulate(record, dt.date(2030, 1, 31), self.editor)

        recipients = sorted(message.to[0] for message in mail.outbox)
        self.assertEqual(recipients, ["d@example.org", "n@example.org"])
        self.assertIn("31 January 2030", mail.outbox[0].body)
        self.assertIn("/minutes/draft/", mail.outbox[0].body)

    def test_members_comment_on_a_section_while_the_minutes_circulate(self) -> None:
        minutes = self.circulated()

        comment = service.comment(
            minutes, "Please name both co-chairs.", self.world.member_nrcp, "Opening"
        )

        self.assertEqual(comment.version.number, 1)
        self.assertEqual(comment.section, "Opening")

    def test_outsiders_cannot_comment(self) -> None:
        minutes = self.circulated()
        for user in (self.world.outsider_nrcp, self.world.people.partner):
            with self.subTest(user=user.username), self.assertRaises(GovernanceError):
                service.comment(minutes, "A remark.", user)
        self.assertFalse(MinutesComment.objects.exists())

    def test_comments_close_at_the_deadline(self) -> None:
        minutes = service.draft(self.meeting, DRAFT, self.editor)
        service.circulate(minutes, dt.date(2016, 12, 1), self.editor)

        with self.assertRaisesMessage(GovernanceError, "time for comments has ended"):
            service.comment(minutes, "Late.", self.world.member_nrcp)
        self.assertFalse(MinutesComment.objects.exists())

    def test_a_comment_on_an_unknown_section_is_refused(self) -> None:
        minutes = self.circulated()
        with self.assertRaisesMessage(GovernanceError, "no section of that name"):
            service.comment(minutes, "Typo.", self.world.member_nrcp, "Closing")

    def test_adopted_minutes_are_locked(self) -> None:
        minutes = service.adopt(self.circulated(), dt.date(2017, 9, 19), self.editor)

        with self.assertRaisesMessage(GovernanceError, "locked"):
            service.revise(minutes, REVISED, "Late change", self.editor)
        with self.assertRaises(GovernanceError):
            service.comment(minutes, "Too late.", self.world.member_nrcp)
        with self.assertRaisesMessage(GovernanceError, "adopted already"):
            service.adopt(minutes, dt.date(2017, 9, 20), self.editor)

        self.assertEqual(minutes.versions.count(), 1)
        self.assertEqual(minutes.adopted_by, Minutes.Adoption.WRITTEN_PROCEDURE)
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.status, "minutes_adopted")

    def test_adoption_at_a_later_meeting_is_recorded(self) -> None:
        later = self.world.task_force_meeting(dt.date(2017, 9, 19))
        minutes = service.adopt(
            self.circulated(), dt.date(2017, 9, 19), self.editor, at_meeting=later
        )
        self.assertEqual(minutes.adopted_at, later)
        self.assertEqual(minutes.adopted_by, Minutes.Adoption.AT_MEETING)

    def test_minutes_are_circulated_before_they_are_adopted(self) -> None:
        minutes = service.draft(self.meeting, DRAFT, self.editor)
        with self.assertRaisesMessage(GovernanceError, "circulated before"):
            service.adopt(minutes, dt.date(2016, 12, 5), self.editor)
        minutes.refresh_from_db()
        self.assertEqual(minutes.state, Minutes.State.DRAFT)

    def test_dates_before_the_meeting_are_refused(self) -> None:
        minutes = service.draft(self.meeting, DRAFT, self.editor)
        with self.assertRaisesMessage(GovernanceError, "before the meeting"):
            service.circulate(minutes, dt.date(2016, 1, 1), self.editor)

    def test_only_the_secretariat_keeps_the_minutes(self) -> None:
        with self.assertRaisesMessage(GovernanceError, "Only the secretariat"):
            service.draft(self.meeting, DRAFT, self.world.member_nrcp)
        self.assertFalse(Minutes.objects.exists())

    def test_every_step_is_in_the_audit_trail(self) -> None:
        minutes = service.adopt(self.circulated(), dt.date(2017, 9, 19), self.editor)

        actions = ModelLogEntry.objects.for_instance(minutes).values_list(
            "action", "user"
        )

        self.assertEqual(
            sorted(actions),
            [
                ("rihub.minutes.adopt", self.editor.pk),
                ("rihub.minutes.circulate", self.editor.pk),
                ("rihub.minutes.draft", self.editor.pk),
            ],
        )
