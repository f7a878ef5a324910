"""Read and validate reference data files, and report what a load did.

Each app that contributes reference data names a loader module in its AppConfig
(`reference_loader`). The module offers `SECTIONS` (the top-level keys it reads),
`parse(data)` (validate, write nothing) and `load(parsed, report)` (write, through
`rihub.directory.records.upsert`).
"""

import importlib
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pydantic
from django.apps import apps
from django.db import models, transaction

S = TypeVar("S", bound=pydantic.BaseModel)
OUTCOMES = ("created", "updated", "unchanged", "kept", "deleted")

# A key names a record for good: lowercase words joined by hyphens.
KEY = pydantic.Field(pattern=r"^[a-z0-9-]+$")


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
                for outcome in OUTCOMES
                if self.counts[(kind, outcome)]
            )
            for kind in kinds
        ]


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
