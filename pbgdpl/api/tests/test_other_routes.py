"""Search and Q&A through the API: public content only, never an asker's data."""

from __future__ import annotations

import pytest

from pbgdpl.qa.models import Question
from pbgdpl.qa.tests.conftest import demo_qa, laws, search_dir  # noqa: F401  (fixtures)
from pbgdpl.qa.tests.factories import submit


@pytest.mark.django_db
def test_published_questions_carry_no_personal_data(client, demo_qa):  # noqa: F811
    first = client.get("/api/v1/questions", {"limit": 100}).json()
    assert len(first["items"]) == Question.objects.published().count() > 0
    unpublished, _token = submit()
    body = client.get("/api/v1/questions", {"limit": 100}).content.decode()
    for secret in (unpublished.email, unpublished.phone, unpublished.name, "riengtu@example.vn"):
        assert secret not in body
    assert client.get(f"/api/v1/questions/{unpublished.pk}").status_code == 404


@pytest.mark.django_db
def test_search_route_answers_and_validates(client, settings, tmp_path):
    from pbgdpl.search import index as index_mod

    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    index_mod.readers.reset()
    response = client.get("/api/v1/search", {"q": "ly hôn"})
    assert response.status_code == 200 and response.json()["query"] == "ly hôn"
    assert client.get("/api/v1/search", {"q": ""}).status_code == 422
