"""Look-ups citizens ask for every day: administrative penalties, land prices, court judgments."""

from .land_prices import LandPriceRow, LandPriceTable
from .penalties import PenaltyDecree, Vehicle, Violation

__all__ = ["LandPriceRow", "LandPriceTable", "PenaltyDecree", "Vehicle", "Violation"]
