from .access import (
    AccessBand,
    AccessCriterion,
    AccessDecision,
    AccessFramework,
    AccessIndicator,
    AccessResult,
)
from .indicators import (
    Aggregation,
    Comparison,
    FormIndicator,
    Indicator,
    PeriodType,
    ReportForm,
    ReportingPeriod,
)
from .registries import Bookshelf, MediationTeam, Reporter
from .returns import EDITABLE_STATUSES, ReminderSent, Return, ReturnEvent, ReturnStatus, ReturnValue
from .units import Unit, UnitCodeHistory, UnitKind, UnitMembership
from .visits import DailyVisits, PageView

__all__ = [
    "DailyVisits", "PageView",
    "AccessBand", "AccessDecision", "AccessIndicator", "AccessCriterion", "AccessFramework", "AccessResult", "Bookshelf", "MediationTeam", "Reporter",
    "EDITABLE_STATUSES", "Aggregation", "Comparison", "FormIndicator", "Indicator", "PeriodType", "ReminderSent",
    "ReportForm", "ReportingPeriod", "Return", "ReturnEvent", "ReturnStatus", "ReturnValue", "Unit",
    "UnitCodeHistory", "UnitKind", "UnitMembership",
]
