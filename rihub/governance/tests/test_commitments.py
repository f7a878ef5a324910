"""Progress on commitments: who may report it, and what is refused."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.test import TestCase
from django.utils import timezone
from wagtail.models import ModelLogEntry

from rihub.directory.models import Economy
from rihub.governance.errors import GovernanceError
from rihub.governance.models import Commitment, ProgressUpdate
from rihub.governance.services.commitments import report_progress
from rihub.governance.tests.world import World


class ProgressTests(TestCase):
    world: World
    albanian: Commitment
    serbian: Commitment

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        launch = cls.world.launch()
        people = cls.world.people

        def commitment(economy: Economy, text: str) -> Commitment:
            return Commitment.objects.create(
                meeting=launch,
                economy=economy,
                text=text,
                priority_area=cls.world.priority_area(),
                indicator="Share of Roma children registered at birth",
                unit="%",
                baseline=Decimal(80),
                target=Decimal(100),
                lowest=Decimal(0),
                highest=Decimal(100),
            )

        cls.albanian = commitment(people.albania, "Register every Roma child")
        cls.serbian = commitment(people.serbia, "Register every Roma child")

    def test_an_nrcp_reports_on_their_own_economys_commitment(self) -> None:
        update = report_progress(
            self.albanian,
            self.world.member_nrcp,
            "on_track",
            dt.date(2018, 6, 1),
            value=Decimal("91.5"),
            evidence="Civil registry figures for 2017.",
        )

        self.albanian.refresh_from_db()
        self.assertEqual(self.albanian.status, "on_track")
        self.assertEqual(update.reported_by, self.world.member_nrcp)
        self.assertTrue(ModelLogEntry.objects.for_instance(self.albanian).exists())

    def test_an_nrcp_of_albania_cannot_report_on_serbias_commitment(self) -> None:
        with self.assertRaisesMessage(GovernanceError, "your own economy"):
            report_progress(
                self.serbian, self.world.member_nrcp, "achieved", dt.date(2018, 6, 1)
            )
        self.serbian.refresh_from_db()
        self.assertEqual(self.serbian.status, "not_started")
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_delegates_partners_and_visitors_cannot_report(self) -> None:
        people = self.world.people
        for user in (people.delegate, people.partner, AnonymousUser()):
            with self.subTest(user=str(user)), self.assertRaises(GovernanceError):
                report_progress(self.albanian, user, "achieved", dt.date(2018, 6, 1))
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_a_value_outside_the_indicators_range_is_refused(self) -> None:
        with self.assertRaisesMessage(GovernanceError, "between 0 and 100"):
            report_progress(
                self.albanian,
                self.world.people.secretariat_editor,
                "on_track",
                dt.date(2018, 6, 1),
                value=Decimal(140),
            )
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_a_future_date_is_refused(self) -> None:
        with self.assertRaisesMessage(GovernanceError, "future"):
            report_progress(
                self.albanian,
                self.world.member_nrcp,
                "achieved",
                timezone.localdate() + dt.timedelta(days=30),
            )

    def test_an_update_for_an_earlier_day_does_not_overrule_a_later_one(self) -> None:
        nrcp = self.world.member_nrcp
        report_progress(self.albanian, nrcp, "achieved", dt.date(2019, 6, 1))
        report_progress(self.albanian, nrcp, "delayed", dt.date(2018, 6, 1))

        self.albanian.refresh_from_db()
        self.assertEqual(self.albanian.status, "achieved")
        self.assertEqual(self.albanian.progress_updates.count(), 2)
