from .indicators import (
    Aggregation,
    Comparison,
    FormIndicator,
    Indicator,
    PeriodType,
    ReportForm,
    ReportingPeriod,
)
from .returns import EDITABLE_STATUSES, ReminderSent, Return, ReturnEvent, ReturnStatus, ReturnValue
from .units import Unit, UnitCodeHistory, UnitKind, UnitMembership

__all__ = [
    "EDITABLE_STATUSES", "Aggregation", "Comparison", "FormIndicator", "Indicator", "PeriodType", "ReminderSent",
    "ReportForm", "ReportingPeriod", "Return", "ReturnEvent", "ReturnStatus", "ReturnValue", "Unit",
    "UnitCodeHistory", "UnitKind", "UnitMembership",
]
