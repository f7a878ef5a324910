"""A strategy's structure, and the Roma issues NRCPs bring into its bodies."""

from rihub.mainstreaming.models.intervention import (
    Intervention,
    InterventionStatus,
    InterventionStep,
)
from rihub.mainstreaming.models.strategy import Dimension, Pillar, Strategy, Target

__all__ = [
    "Dimension",
    "Intervention",
    "InterventionStatus",
    "InterventionStep",
    "Pillar",
    "Strategy",
    "Target",
]
