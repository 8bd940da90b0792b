"""Look-ups citizens ask for every day: administrative penalties (land prices and judgments to come)."""

from .penalties import PenaltyDecree, Vehicle, Violation

__all__ = ["PenaltyDecree", "Vehicle", "Violation"]
