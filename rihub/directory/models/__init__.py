"""Who is who in the project: economies, institutions, people, bodies and seats."""

from rihub.directory.models.body import Body, Seat, SeatDefinition
from rihub.directory.models.economy import Economy, PriorityArea
from rihub.directory.models.mandate import Mandate
from rihub.directory.models.organisation import Organisation, Person
from rihub.directory.models.project import Project
from rihub.directory.models.reference import ReferenceRecord, ReferenceTombstone

__all__ = [
    "Body",
    "Economy",
    "Mandate",
    "Organisation",
    "Person",
    "PriorityArea",
    "Project",
    "ReferenceRecord",
    "ReferenceTombstone",
    "Seat",
    "SeatDefinition",
]
