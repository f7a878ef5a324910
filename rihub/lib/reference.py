"""Load reference data into the database without overwriting editors' work.

Each app that contributes reference data names a loader module in its AppConfig
(`reference_loader`). The module offers `SECTIONS` (the top-level keys it reads),
`parse(data)` (validate, write nothing) and `load(parsed, report)` (write).
"""

import hashlib
import importlib
import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pydantic
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction

M = TypeVar("M", bound=models.Model)
S = TypeVar("S", bound=pydantic.BaseModel)


class ReferenceDataError(Exception):
    """A fault in the reference data, with a message that names the record."""


class Record(pydantic.BaseModel):
    """A record of the data file; unknown keys are faults, not silently ignored."""

    model_config = pydantic.ConfigDict(extra="forbid", str_strip_whitespace=True)


def parse_records(schema: type[S], data: dict[str, Any], section: str) -> list[S]:
    """Validate each record of a section, naming the first faulty one."""
    items = data.get(section, [])
    if not isinstance(items, list):
        raise ReferenceDataError(f"{section}: expected a list of records.")
    return [
        parse_record(schema, item, f"{section}[{i}]") for i, item in enumerate(items)
    ]


def parse_record(schema: type[S], item: Any, where: str) -> S:
    try:
        return schema.model_validate(item)
    except pydantic.ValidationError as error:
        raise ReferenceDataError(f"{describe(item, where)}: {explain(error)}") from None


def describe(item: Any, where: str) -> str:
    """Name a record by its position and, when it has one, its key or code."""
    if isinstance(item, dict):
        for name in ("key", "code", "name"):
            if isinstance(item.get(name), str):
                return f"{where} ({name} {item[name]!r})"
    return where


def explain(error: pydantic.ValidationError) -> str:
    problems = []
    for problem in error.errors():
        place = ".".join(str(part) for part in problem["loc"]) or "record"
        problems.append(f"{place}: {problem['msg']}")
    return "; ".join(problems)


@dataclass
class LoadReport:
    """What a load did, counted per kind of record and outcome."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, model: type[models.Model], outcome: str) -> None:
        self.counts[(str(model._meta.verbose_name_plural), outcome)] += 1

    def count(self, outcome: str) -> int:
        return sum(n for (_, done), n in self.counts.items() if done == outcome)

    def lines(self) -> list[str]:
        kinds = sorted({kind for kind, _ in self.counts})
        return [
            f"{kind}: "
            + ", ".join(
                f"{self.counts[(kind, outcome)]} {outcome}"
                for outcome in ("created", "updated", "unchanged", "kept")
                if self.counts[(kind, outcome)]
            )
            for kind in kinds
        ]


def digest(values: dict[str, Any]) -> str:
    """Fingerprint field values; related records count by primary key."""

    def plain(value: Any) -> Any:
        if isinstance(value, models.Model):
            return value.pk
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value

    flat = {name: plain(value) for name, value in values.items()}
    text = json.dumps(flat, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def upsert(model: type[M], key: str, values: dict[str, Any], report: LoadReport) -> M:
    """Create or refresh the record with this reference key.

    1. Missing: create it from the reference values.
    2. It holds the reference values already: leave it (unchanged).
    3. An editor changed it since the last load: leave it (kept).
    4. Otherwise the data file changed: write the new values (updated).
    """
    wanted = digest(values)
    record = model._default_manager.filter(reference_key=key).first()
    if record is None:
        record = model(reference_key=key, reference_digest=wanted, **values)
        save_checked(record, key)
        report.add(model, "created")
        return record

    current = digest({name: record.serializable_value(name) for name in values})
    if current == wanted:
        report.add(model, "unchanged")
        return record
    if current != record.reference_digest:  # type: ignore[attr-defined]
        report.add(model, "kept")
        return record

    for name, value in values.items():
        setattr(record, name, value)
    record.reference_digest = wanted  # type: ignore[attr-defined]
    save_checked(record, key)
    report.add(model, "updated")
    return record


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


def load_file(path: Path) -> LoadReport:
    """Validate the whole file, then load it in one transaction."""
    data = read(path)
    loaders = [
        importlib.import_module(config.reference_loader)
        for config in apps.get_app_configs()
        if hasattr(config, "reference_loader")
    ]

    known = set().union(*(loader.SECTIONS for loader in loaders))
    unknown = sorted(set(data) - known)
    if unknown:
        raise ReferenceDataError(f"unknown section {unknown[0]!r}.")
    parsed = [(loader, loader.parse(data)) for loader in loaders]

    report = LoadReport()
    with transaction.atomic():
        for loader, records in parsed:
            loader.load(records, report)
    return report


def read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise ReferenceDataError("no such file.") from None
    except tomllib.TOMLDecodeError as error:
        raise ReferenceDataError(f"not valid TOML: {error}.") from None
