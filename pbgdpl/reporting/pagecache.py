"""The public registry pages and open datasets are cached for strangers (decision 0014).

Each page or dataset records the lists it shows (:func:`shows`); a save or delete of any row of
those models purges every page showing that list — a renamed commune, a new reporter, a return
that becomes accepted (or stops being) reach the public at once. Drafts and submitted returns
purge nothing.
"""

from __future__ import annotations

from pbgdpl.core import pagecache

from .models import (
    AccessFramework,
    AccessResult,
    Bookshelf,
    Indicator,
    MediationTeam,
    Reporter,
    ReportingPeriod,
    Return,
    ReturnStatus,
    Unit,
)

LISTED = (Reporter, MediationTeam, Bookshelf, AccessResult, AccessFramework, Unit, Indicator, ReportingPeriod)


def _list_of(instance, event) -> list[str]:
    return [pagecache.list_tag(instance._meta.label)]


def shows(*models) -> None:
    """The response being rendered lists these models' rows."""
    for model in models:
        pagecache.record(pagecache.list_tag(model._meta.label))


def register() -> None:
    for model in LISTED:
        pagecache.register_model(model, _list_of)
    pagecache.register_model(Return, _list_of, public=lambda ret: ret.status == ReturnStatus.ACCEPTED)
