"""Property-based run of the whole API against its own OpenAPI document (Schemathesis, in process).

No response is a 5xx, every status is documented, every body matches its schema. Cases per
operation are kept small for ``make test``; ``API_FUZZ_EXAMPLES`` raises them.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .test_documents_api import documents  # noqa: F401  (fixture: five laws with provisions)

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "15"))


def _check(operation, ran: dict[str, int]) -> None:
    @hypothesis_settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case):
        ran[operation.label] = ran.get(operation.label, 0) + 1
        # Excluded: "schema-valid input must get a 2xx". A cursor is an opaque token the API itself
        # hands out; any other string is rightly refused with a 400 problem, which is documented.
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    run()


@pytest.mark.django_db
def test_every_operation_conforms_to_the_schema(documents, settings, tmp_path, capsys):  # noqa: F811
    settings.API_ANON_PER_MINUTE = 1_000_000
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    # As Django's test client does: a request must not close the test's database connection (on
    # PostgreSQL that would end the transaction the test runs in).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        ran: dict[str, int] = {}
        for result in schema.get_all_operations():
            _check(result.ok(), ran)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert len(ran) >= 5, ran
    with capsys.disabled():
        print(f"\nAPI schema run: {sum(ran.values())} cases over {len(ran)} operations")
