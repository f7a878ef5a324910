"""Write reference data into records without undoing editors' work.

An editor's change to a field is kept; a record an editor deleted stays deleted.
"""

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

from rihub.directory.models import ReferenceRecord, ReferenceTombstone
from rihub.lib.reference import LoadReport, ReferenceDataError

R = TypeVar("R", bound=ReferenceRecord)


class Deleted(Exception):
    """The record was deleted by an editor; whatever depends on it is skipped."""


def upsert(model: type[R], key: str, values: dict[str, Any], report: LoadReport) -> R:
    """Create or refresh the record with this reference key.

    1. Deleted by an editor: leave it deleted (raise Deleted).
    2. Missing: create it from the reference values.
    3. It holds the reference values already: leave it (unchanged).
    4. An editor changed a field since the last load: leave it (kept).
    5. Otherwise the data file changed, or names a field not loaded before: write
       the new values (updated).
    """
    wanted = {name: plain(value) for name, value in values.items()}
    record = model._default_manager.filter(reference_key=key).first()
    if record is None:
        return create(model, key, values, wanted, report)

    current = {name: plain(record.serializable_value(name)) for name in values}
    if current == wanted:
        report.add(model, "unchanged")
        return record

    loaded = record.reference_values
    edited = [
        name for name in current if name in loaded and current[name] != loaded[name]
    ]
    if edited:
        report.add(model, "kept")
        return record

    for name, value in values.items():
        setattr(record, name, value)
    record.reference_values = wanted
    save_checked(record, key)
    report.add(model, "updated")
    return record


def create(
    model: type[R],
    key: str,
    values: dict[str, Any],
    wanted: dict[str, Any],
    report: LoadReport,
) -> R:
    if deleted(model, key):
        report.add(model, "deleted")
        raise Deleted(key)

    record = model(reference_key=key, reference_values=wanted, **values)
    save_checked(record, key)
    report.add(model, "created")
    return record


def plain(value: Any) -> Any:
    """A value as JSON keeps it: related records by primary key, dates as text."""
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is not None and not isinstance(value, bool | int | float | str | list):
        return str(value)
    return value


def save_checked(record: models.Model, key: str) -> None:
    """Save a record after the model's own checks, naming it if one fails."""
    try:
        record.full_clean()
    except ValidationError as error:
        kind = record._meta.verbose_name
        problems = "; ".join(
            f"{name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
        raise ReferenceDataError(f"{kind} {key!r}: {problems}") from None
    record.save()


def bury(record: ReferenceRecord) -> None:
    """Remember that an editor deleted a loaded record."""
    if record.reference_key:
        ReferenceTombstone.objects.get_or_create(
            model=record._meta.label, key=record.reference_key
        )


def deleted(model: type[models.Model], key: str) -> bool:
    return ReferenceTombstone.objects.filter(model=model._meta.label, key=key).exists()
