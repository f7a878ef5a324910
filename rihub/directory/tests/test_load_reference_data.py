"""The reference data command: idempotent, respectful of editors, all or nothing."""

import datetime as dt
import tempfile
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import CommandError, call_command
from django.test import TestCase

from rihub.directory.models import (
    Body,
    Economy,
    Mandate,
    Organisation,
    PriorityArea,
    Seat,
    SeatDefinition,
)
from rihub.directory.services import holder_on
from rihub.mainstreaming.models import Dimension, Strategy
from rihub.website.models import TopicPage

REFERENCE = settings.RIHUB_REFERENCE_DATA


def snapshot() -> str:
    """Every row of the directory and the strategies, as text."""
    models = [
        *apps.get_app_config("directory").get_models(),
        *apps.get_app_config("mainstreaming").get_models(),
    ]
    return "\n".join(
        serializers.serialize("json", model._default_manager.order_by("pk"))
        for model in models
    )


def load(path: Path = REFERENCE) -> str:
    out = StringIO()
    call_command("load_reference_data", str(path), stdout=out)
    return out.getvalue()


class LoadingTheProjectTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        load()

    def test_loads_the_seven_economies_in_order(self) -> None:
        codes = list(Economy.objects.values_list("code", flat=True))
        self.assertEqual(codes, ["AL", "BA", "XK", "ME", "MK", "RS", "TR"])

    def test_kosovo_carries_its_designation_footnote(self) -> None:
        kosovo = Economy.objects.get(code="XK")
        self.assertEqual(kosovo.name, "Kosovo*")
        self.assertIn("UNSCR 1244/1999", kosovo.designation_footnote)
        self.assertEqual(list(Economy.objects.with_footnote()), [kosovo])

    def test_loads_the_six_priority_areas(self) -> None:
        slugs = list(PriorityArea.objects.values_list("slug", flat=True))
        self.assertEqual(
            slugs,
            [
                "education",
                "employment",
                "housing",
                "health",
                "civil-registration",
                "non-discrimination",
            ],
        )

    def test_task_force_has_its_seats(self) -> None:
        task_force = Body.objects.get(kind=Body.Kind.TASK_FORCE)
        labels = [seat.label for seat in Seat.objects.of_body(task_force).labelled()]

        self.assertEqual(len(labels), 7 + 2 + 3)
        self.assertIn("National Roma Contact Point of Serbia", labels)
        self.assertIn("Regional Roma civil-society delegate 2", labels)
        fixed = Seat.objects.of_body(task_force).filter(
            definition__organisation__acronym__in=["DG NEAR", "OSF", "RCC"]
        )
        self.assertEqual(fixed.count(), 3)

    def test_every_economy_has_a_recorded_nrcp_institution(self) -> None:
        nrcp_seats = Seat.objects.filter(definition__reference_key="task-force/nrcp")
        for seat in nrcp_seats:
            with self.subTest(economy=seat.economy):
                self.assertTrue(Mandate.objects.filter(seat=seat).exists())

    def test_loads_the_see_2020_strategy(self) -> None:
        strategy = Strategy.objects.get(slug="see2020")
        self.assertEqual(strategy.pillars.count(), 5)
        self.assertEqual(strategy.bodies.count(), 4)
        free_trade = Dimension.objects.get(reference_key="see2020/free-trade-area")
        self.assertEqual(free_trade.code, "A")

    def test_loading_twice_changes_nothing(self) -> None:
        before = snapshot()

        output = load()

        self.assertEqual(snapshot(), before)
        self.assertNotIn("created", output)
        self.assertNotIn("updated", output)

    def test_an_editors_change_survives_a_reload(self) -> None:
        ministry = Organisation.objects.get(
            reference_key="rs-ministry-labour-employment-veteran-social-affairs"
        )
        ministry.name = "Ministry of Labour (name corrected by the secretariat)"
        ministry.save()

        output = load()

        ministry.refresh_from_db()
        self.assertEqual(
            ministry.name, "Ministry of Labour (name corrected by the secretariat)"
        )
        self.assertIn("organisations: 24 unchanged, 1 kept", output)

    def test_a_record_an_editor_deleted_stays_deleted(self) -> None:
        # An area with a topic page cannot go before its page does.
        TopicPage.objects.get(priority_area__slug="housing").delete()
        PriorityArea.objects.get(slug="housing").delete()
        Mandate.objects.get(reference_key="rs-nrcp-1").delete()
        before = snapshot()

        output = load()

        self.assertEqual(snapshot(), before)
        self.assertFalse(PriorityArea.objects.filter(slug="housing").exists())
        self.assertFalse(Mandate.objects.filter(reference_key="rs-nrcp-1").exists())
        self.assertIn("priority areas: 5 unchanged, 1 deleted", output)

    def test_a_new_seat_definition_brings_its_seats(self) -> None:
        task_force = Body.objects.get(reference_key="task-force")
        definition = SeatDefinition.objects.create(
            body=task_force, role="Observer economy", per_economy=True
        )

        self.assertEqual(definition.seats.count(), 7)


class RefreshingFromAChangedFileTests(TestCase):
    def test_an_unedited_record_follows_the_file(self) -> None:
        load()
        changed = REFERENCE.read_text().replace(
            'short_name = "BiH"', 'short_name = "B&H"'
        )
        path = write(self, changed)

        output = load(path)

        self.assertEqual(Economy.objects.get(code="BA").short_name, "B&H")
        self.assertIn("economies: 1 updated, 6 unchanged", output)

    def test_a_field_new_to_the_file_is_filled_in_unedited_records(self) -> None:
        load()
        # As if the last load was made before bodies had a quorum.
        task_force = Body.objects.get(reference_key="task-force")
        task_force.reference_values.pop("quorum")
        task_force.save()
        changed = REFERENCE.read_text().replace(
            'key = "task-force"\n', 'key = "task-force"\nquorum = 6\n'
        )

        load(write(self, changed))

        self.assertEqual(Body.objects.get(reference_key="task-force").quorum, 6)

    def test_an_edited_record_does_not_follow_the_file(self) -> None:
        load()
        Economy.objects.filter(code="BA").update(short_name="Bosnia-Herz.")
        changed = REFERENCE.read_text().replace(
            'short_name = "BiH"', 'short_name = "B&H"'
        )

        load(write(self, changed))

        self.assertEqual(Economy.objects.get(code="BA").short_name, "Bosnia-Herz.")


class BadFileTests(TestCase):
    """A faulty file names itself and the record, and nothing is written."""

    def assert_refused(self, text: str, *fragments: str) -> None:
        path = write(self, text)
        before = snapshot()

        with self.assertRaises(CommandError) as refused:
            load(path)

        message = str(refused.exception)
        self.assertIn(str(path), message)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertIn("Nothing was changed", message)
        self.assertEqual(snapshot(), before)

    def test_malformed_toml(self) -> None:
        self.assert_refused('[[economies]]\ncode = "AL\n', "not valid TOML", "line 2")

    def test_a_record_missing_a_field(self) -> None:
        text = REFERENCE.read_text().replace('name = "Montenegro"\n', "", 1)
        self.assert_refused(text, "economies[3] (code 'ME')", "name: Field required")

    def test_an_unknown_kind(self) -> None:
        text = REFERENCE.read_text().replace(
            'kind = "foundation"', 'kind = "charity"', 1
        )
        self.assert_refused(
            text, "organisations[", "(key 'open-society-foundations')", "kind"
        )

    def test_a_reference_to_an_unknown_record_late_in_the_file(self) -> None:
        # The mandates come after economies and organisations: those must not stay.
        text = REFERENCE.read_text().replace(
            'organisation = "tr-', 'organisation = "nowhere-', 1
        )
        self.assert_refused(text, "mandates[", "no organisation with key 'nowhere-")
        self.assertFalse(Economy.objects.exists())

    def test_a_mandate_ending_before_it_starts(self) -> None:
        text = REFERENCE.read_text().replace(
            'key = "rs-nrcp-1"',
            'key = "rs-nrcp-1"\nstart = 2018-01-01\nend = 2017-01-01',
        )
        self.assert_refused(
            text, "mandates[", "(key 'rs-nrcp-1')", "end is before start"
        )

    def test_an_unknown_section(self) -> None:
        text = REFERENCE.read_text() + '\n[[newsletters]]\nkey = "q1"\n'
        self.assert_refused(text, "unknown section 'newsletters'")

    def test_a_missing_file(self) -> None:
        with self.assertRaises(CommandError) as refused:
            load(Path("/nonexistent/reference.toml"))
        self.assertIn(
            "/nonexistent/reference.toml: no such file", str(refused.exception)
        )


class HistoryFromTheReferenceDataTests(TestCase):
    def test_an_undated_mandate_is_an_open_period(self) -> None:
        load()
        seat = Seat.objects.get(
            definition__reference_key="task-force/nrcp", economy__code="TR"
        )
        mandate = holder_on(seat, dt.date(2017, 9, 13))
        assert mandate is not None and mandate.organisation is not None
        self.assertEqual(
            mandate.organisation.name, "Ministry of Family and Social Policy"
        )


def write(case: TestCase, text: str) -> Path:
    folder = tempfile.TemporaryDirectory()
    case.addCleanup(folder.cleanup)
    path = Path(folder.name) / "reference.toml"
    path.write_text(text)
    return path
