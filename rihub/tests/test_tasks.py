"""Background tasks: run at once in tests, and by the database worker otherwise."""

from io import StringIO

from django.core.management import call_command
from django.test import TransactionTestCase, override_settings
from django_tasks import TaskResultStatus

from rihub.directory.models import Economy
from rihub.directory.tasks import load_reference_data

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class ImmediateTaskTests(TransactionTestCase):
    def test_tests_run_tasks_at_once(self) -> None:
        first = load_reference_data.enqueue()
        second = load_reference_data.enqueue()

        self.assertEqual(first.status, TaskResultStatus.SUCCESSFUL)
        self.assertEqual(Economy.objects.count(), 7)
        assert first.return_value and second.return_value
        self.assertEqual(second.return_value["created"], 0)
        loaded = first.return_value["created"] + first.return_value["updated"]
        # Website pages belong to their editors once created: kept, not compared.
        again = second.return_value["unchanged"] + second.return_value["kept"]
        self.assertEqual(again, loaded)


@override_settings(TASKS=DATABASE_TASKS)
class DatabaseWorkerTests(TransactionTestCase):
    def test_the_worker_runs_a_queued_task(self) -> None:
        result = load_reference_data.enqueue()
        self.assertEqual(result.status, TaskResultStatus.READY)
        self.assertFalse(Economy.objects.exists())

        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())

        result.refresh()
        self.assertEqual(result.status, TaskResultStatus.SUCCESSFUL)
        self.assertEqual(Economy.objects.count(), 7)
        assert result.return_value is not None
        self.assertEqual(result.return_value["unchanged"], 0)
