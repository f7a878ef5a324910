"""Invitations by mail, replies through signed links, and one reminder each.

The mail goes through a real SMTP server on loopback.
"""

import datetime as dt
from io import StringIO
from unittest import mock

from django.core import signing
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from rihub.directory.models import Mandate, Person
from rihub.directory.services import seat_of
from rihub.governance.errors import GovernanceError
from rihub.governance.models import Invitation, Meeting
from rihub.governance.services import invitations
from rihub.governance.tasks import remind_invitees
from rihub.governance.tests.world import NRCP, World
from rihub.tests.smtp import SmtpServerMixin

SOON = 5  # days ahead, within the default seven of the reminder window


class InvitationTests(SmtpServerMixin, TestCase):
    world: World
    meeting: Meeting
    substitute: Person

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        people = cls.world.people
        day = timezone.localdate() + dt.timedelta(days=SOON)
        cls.meeting = cls.world.task_force_meeting(
            day, start_time=dt.time(10), end_time=dt.time(16)
        )
        Person.objects.filter(user=people.nrcp_albania).update(
            email="nrcp.albania@example.org", language="sq"
        )
        Person.objects.filter(user=people.delegate).update(email="delegate@example.org")
        cls.substitute = Person.objects.create(
            given_name="Besa",
            family_name="Substitute",
            email="substitute.albania@example.org",
            organisation=people.albanian_ministry,
        )
        albanian_seat = seat_of(people.task_force, NRCP, people.albania)
        Mandate.objects.filter(seat=albanian_seat).update(substitute=cls.substitute)

    def send(self) -> list[Invitation]:
        return invitations.send_invitations(
            self.meeting, self.world.people.secretariat_editor
        )

    def invitation_of(self, address: str) -> Invitation:
        return Invitation.objects.get(meeting=self.meeting, email=address)

    def test_holders_receive_an_invitation_with_the_meeting_in_their_calendar(self):
        sent = self.send()

        self.assertEqual(len(sent), 2)
        message = self.mailbox.to("nrcp.albania@example.org")[0]
        # In the NRCP's own language: Albanian.
        self.assertIn("Ftesë: Task Force", message["Subject"])
        parts = {part.get_content_type(): part for part in message.walk()}
        body = parts["text/plain"].get_payload(decode=True).decode()
        self.assertIn("/invitations/", body)
        cal = Calendar.from_ical(parts["text/calendar"].get_payload(decode=True))
        start = cal.walk("VEVENT")[0].decoded("dtstart")
        self.assertEqual((start.hour, str(start.tzinfo)), (10, "Europe/Belgrade"))
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.status, Meeting.Status.INVITATIONS_SENT)

    def test_the_substitute_is_invited_when_only_they_have_an_address(self) -> None:
        Person.objects.filter(user=self.world.people.nrcp_albania).update(email="")

        self.send()

        self.assertEqual(len(self.mailbox.to("substitute.albania@example.org")), 1)
        labels = [seat.label for seat in invitations.uninvitable(self.meeting)]
        self.assertNotIn("National Roma Contact Point of Albania", labels)
        self.assertIn("National Roma Contact Point of Serbia", labels)

    def test_sending_again_invites_nobody_twice(self) -> None:
        self.send()
        self.assertEqual(self.send(), [])
        self.assertEqual(len(self.mailbox.messages), 2)

    def test_a_reply_through_the_signed_link_needs_no_sign_in(self) -> None:
        self.send()
        invitation = self.invitation_of("nrcp.albania@example.org")
        link = invitations.reply_link(invitation)

        response = self.client.post(link, {"reply": "accepted"})

        self.assertContains(response, "We recorded your reply")
        invitation.refresh_from_db()
        self.assertEqual(invitation.reply, Invitation.Reply.ACCEPTED)
        self.assertEqual(
            [i.email for i in invitations.not_replied(self.meeting)],
            ["delegate@example.org"],
        )

    def test_a_forged_link_is_refused_and_changes_nothing(self) -> None:
        self.send()
        invitation = self.invitation_of("nrcp.albania@example.org")
        forged = signing.dumps(invitation.pk, salt="somebody-else")

        response = self.client.post(
            reverse("governance:invitation-reply", args=[forged]), {"reply": "declined"}
        )

        self.assertContains(response, "This link is not valid", status_code=400)
        invitation.refresh_from_db()
        self.assertEqual(invitation.reply, "")

    def test_a_link_for_an_invitation_never_sent_is_refused(self) -> None:
        self.send()
        token = signing.dumps(999_999, salt=invitations.SALT)

        response = self.client.post(
            reverse("governance:invitation-reply", args=[token]), {"reply": "accepted"}
        )

        self.assertContains(response, "This invitation was withdrawn", status_code=400)
        self.assertFalse(Invitation.objects.exclude(reply="").exists())

    def test_an_expired_link_is_refused_and_changes_nothing(self) -> None:
        self.send()
        invitation = self.invitation_of("nrcp.albania@example.org")
        link = invitations.reply_link(invitation)

        later = timezone.now() + dt.timedelta(days=121)
        with mock.patch(
            "django.core.signing.time.time", return_value=later.timestamp()
        ):
            response = self.client.post(link, {"reply": "declined"})

        self.assertContains(response, "This link has expired", status_code=400)
        invitation.refresh_from_db()
        self.assertEqual(invitation.reply, "")

    def test_sending_the_substitute_invites_the_substitute(self) -> None:
        self.send()
        invitation = self.invitation_of("nrcp.albania@example.org")

        invitations.record_reply(invitation, Invitation.Reply.SUBSTITUTE)

        self.assertEqual(len(self.mailbox.to("substitute.albania@example.org")), 1)
        invited = self.invitation_of("substitute.albania@example.org")
        self.assertEqual(invited.seat, invitation.seat)

    def test_a_substitute_that_is_not_recorded_is_refused(self) -> None:
        self.send()
        invitation = self.invitation_of("delegate@example.org")

        with self.assertRaisesMessage(GovernanceError, "No substitute"):
            invitations.record_reply(invitation, Invitation.Reply.SUBSTITUTE)

        invitation.refresh_from_db()
        self.assertEqual(invitation.reply, "")

    def test_reminders_go_out_once_and_skip_those_who_declined(self) -> None:
        self.send()
        declined = self.invitation_of("delegate@example.org")
        invitations.record_reply(declined, Invitation.Reply.DECLINED)
        self.mailbox.messages.clear()
        today = timezone.localdate()

        first = invitations.send_reminders(today)
        second = invitations.send_reminders(today)

        self.assertEqual((first, second), (1, 0))
        reminders = self.mailbox.to("nrcp.albania@example.org")
        self.assertEqual(len(reminders), 1)
        self.assertIn("Kujtesë:", reminders[0]["Subject"])
        self.assertEqual(self.mailbox.to("delegate@example.org"), [])

    def test_the_daily_command_and_task_send_the_reminders(self) -> None:
        self.send()
        out = StringIO()

        result = remind_invitees.enqueue()
        call_command("send_reminders", stdout=out)

        self.assertEqual(result.return_value, 2)
        self.assertIn("0 reminders sent.", out.getvalue())

    @override_settings(RIHUB_REMINDER_DAYS=2)
    def test_no_reminder_before_the_window_opens(self) -> None:
        self.send()
        self.assertEqual(invitations.send_reminders(timezone.localdate()), 0)

    def test_only_the_secretariat_sends_invitations(self) -> None:
        with self.assertRaisesMessage(GovernanceError, "Only the secretariat"):
            invitations.send_invitations(self.meeting, self.world.member_nrcp)
        self.assertEqual(self.mailbox.messages, [])
        self.assertFalse(Invitation.objects.exists())
