"""Fixtures: the two sample penalty decrees imported into the registry and read into violations."""

from __future__ import annotations

import pytest


@pytest.fixture
def sample_decrees(db):
    from pbgdpl.lookups.demo import load_demo_penalties

    load_demo_penalties()
    from pbgdpl.lookups.models import PenaltyDecree

    return {decree.document.number: decree for decree in PenaltyDecree.objects.select_related("document")}
