"""Look-ups citizens ask for every day: administrative penalties, land prices, court judgments."""

from .judgments import CaseType, CourtLevel, Judgment, JudgmentKind, JudgmentProvision
from .land_prices import LandPriceRow, LandPriceTable
from .penalties import PenaltyDecree, Vehicle, Violation

__all__ = ["CaseType", "CourtLevel", "Judgment", "JudgmentKind", "JudgmentProvision", "LandPriceRow",
           "LandPriceTable", "PenaltyDecree", "Vehicle", "Violation"]
