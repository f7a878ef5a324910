"""Background work on the directory."""

from pathlib import Path

from django.conf import settings
from django_tasks import task

from rihub.lib.reference import OUTCOMES, load_file


@task()
def load_reference_data(path: str = "") -> dict[str, int]:
    """Load the reference data in the worker; count the records by outcome."""
    report = load_file(Path(path) if path else settings.RIHUB_REFERENCE_DATA)
    return {outcome: report.count(outcome) for outcome in OUTCOMES}
