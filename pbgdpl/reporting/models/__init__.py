from .indicators import (
    Aggregation,
    Comparison,
    FormIndicator,
    Indicator,
    PeriodType,
    ReportForm,
    ReportingPeriod,
)
from .registries import AccessCriterion, AccessFramework, AccessResult, Bookshelf, MediationTeam, Reporter
from .returns import EDITABLE_STATUSES, ReminderSent, Return, ReturnEvent, ReturnStatus, ReturnValue
from .units import Unit, UnitCodeHistory, UnitKind, UnitMembership
from .visits import DailyVisits, PageView

__all__ = [
    "DailyVisits", "PageView",
    "AccessCriterion", "AccessFramework", "AccessResult", "Bookshelf", "MediationTeam", "Reporter",
    "EDITABLE_STATUSES", "Aggregation", "Comparison", "FormIndicator", "Indicator", "PeriodType", "ReminderSent",
    "ReportForm", "ReportingPeriod", "Return", "ReturnEvent", "ReturnStatus", "ReturnValue", "Unit",
    "UnitCodeHistory", "UnitKind", "UnitMembership",
]
