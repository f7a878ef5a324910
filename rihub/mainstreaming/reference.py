"""The strategies' part of the reference data: pillars, dimensions, targets."""

import datetime as dt
from typing import Any

import pydantic

from rihub.directory.models import Body, Organisation
from rihub.directory.records import Deleted, upsert
from rihub.lib.reference import (
    KEY,
    LoadReport,
    Record,
    ReferenceDataError,
    parse_records,
)
from rihub.mainstreaming.models import Dimension, Pillar, Strategy, Target

SECTIONS = {"strategies"}


class DimensionRecord(Record):
    key: str = KEY
    code: str = ""
    name: str = pydantic.Field(min_length=1)
    coordinator: str | None = None
    note: str = ""


class PillarRecord(Record):
    key: str = KEY
    name: str = pydantic.Field(min_length=1)
    subtitle: str = ""
    source: str = ""
    dimensions: list[DimensionRecord] = []


class TargetRecord(Record):
    key: str = KEY
    text: str = pydantic.Field(min_length=1)
    source: str = ""


class StrategyRecord(Record):
    key: str = KEY
    name: str = pydantic.Field(min_length=1)
    title: str = ""
    adopted: dt.date | None = None
    description: str = ""
    source: str = ""
    bodies: list[str] = []
    pillars: list[PillarRecord] = []
    targets: list[TargetRecord] = []


def parse(data: dict[str, Any]) -> list[StrategyRecord]:
    return parse_records(StrategyRecord, data, "strategies")


def load(records: list[StrategyRecord], report: LoadReport) -> None:
    for i, record in enumerate(records):
        where = f"strategies[{i}] (key {record.key!r})"
        values = record.model_dump(include={"name", "title", "description", "source"})
        values |= {"slug": record.key, "adopted_on": record.adopted}
        try:
            strategy = upsert(Strategy, record.key, values, report)
        except Deleted:
            continue

        add_bodies(strategy, record.bodies, where)
        load_pillars(strategy, record, report, where)
        load_targets(strategy, record, report)


def add_bodies(strategy: Strategy, keys: list[str], where: str) -> None:
    """Link the bodies named, once; later an editor's links stay as they are."""
    if strategy.bodies.exists():
        return
    bodies = Body.objects.filter(reference_key__in=keys)
    missing = set(keys) - {body.reference_key for body in bodies}
    if missing:
        raise ReferenceDataError(f"{where}: no body with key {sorted(missing)[0]!r}.")
    strategy.bodies.set(bodies)


def load_pillars(
    strategy: Strategy, record: StrategyRecord, report: LoadReport, where: str
) -> None:
    coordinators = {org.reference_key: org for org in Organisation.objects.all()}
    for p, pillar_record in enumerate(record.pillars, start=1):
        values = pillar_record.model_dump(include={"name", "subtitle", "source"})
        values |= {"strategy": strategy, "sort_order": p}
        try:
            pillar = upsert(Pillar, f"{record.key}/{pillar_record.key}", values, report)
        except Deleted:
            continue

        for d, dimension in enumerate(pillar_record.dimensions, start=1):
            coordinator = dimension.coordinator
            if coordinator is not None and coordinator not in coordinators:
                raise ReferenceDataError(
                    f"{where} dimension {dimension.key!r}:"
                    f" no organisation with key {coordinator!r}."
                )
            values = dimension.model_dump(include={"code", "name", "note"})
            values |= {
                "pillar": pillar,
                "coordinator": coordinators.get(coordinator or ""),
                "sort_order": d,
            }
            key = f"{record.key}/{dimension.key}"
            try:
                upsert(Dimension, key, values, report)
            except Deleted:
                continue


def load_targets(
    strategy: Strategy, record: StrategyRecord, report: LoadReport
) -> None:
    for order, target in enumerate(record.targets, start=1):
        values = {
            "strategy": strategy,
            "text": target.text,
            "source": target.source,
            "sort_order": order,
        }
        try:
            upsert(Target, f"{record.key}/{target.key}", values, report)
        except Deleted:
            continue
