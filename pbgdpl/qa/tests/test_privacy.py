"""Personal data of askers never reaches a public response: pages, search JSON, feeds, sitemap."""

from __future__ import annotations

import pytest

from pbgdpl.core.demo import read_demo_data
from pbgdpl.qa.models import Question

DEMO_QUESTIONS = read_demo_data("qa", "questions.json")
ASKERS = [(q["name"], q["phone"], q["email"]) for q in DEMO_QUESTIONS + read_demo_data("qa", "open_questions.json")]


def personal_values() -> list[str]:
    values = []
    for name, phone, email in ASKERS:
        values += [v for v in (name, phone, email) if v]
    return values


def assert_clean(response, url: str) -> None:
    assert response.status_code == 200, url
    body = response.content.decode()
    leaked = [value for value in personal_values() if value in body]
    assert not leaked, f"{url} shows personal data: {leaked[:3]}"


@pytest.fixture
def public_urls(db, demo_module):
    urls = ["/hoi-dap/", "/hoi-dap/?q=ly+hon+nuoi+con", "/hoi-dap/?field=lao-dong", "/hoi-dap/rss/", "/sitemap.xml",
            "/hoi-dap/goi-y/?text=vay+tien+lai+suat+bao+nhieu", "/tim-kiem/?q=thua+ke+theo+phap+luat",
            "/tim-kiem/api/?q=nghi+viec+bao+truoc", "/tim-kiem/api/?q=cai+nghien+ma+tuy",
            "/tim-kiem/goi-y/?q=ly"]
    urls += [q.get_absolute_url() for q in Question.objects.published()]
    return urls


def test_demo_askers_have_personal_data_stored(db, demo_module):
    # The scan below only means something if the data is really there.
    assert Question.objects.filter(name=DEMO_QUESTIONS[0]["name"], email=DEMO_QUESTIONS[0]["email"]).exists()
    assert Question.objects.published().count() == len(DEMO_QUESTIONS) >= 40


def test_no_public_response_contains_personal_data(client, public_urls):
    for url in public_urls:
        assert_clean(client.get(url), url)


def test_search_json_returns_published_qa_without_personal_data(client, db, demo_module):
    response = client.get("/tim-kiem/api/", {"q": "lai suat cho vay"})
    data = response.json()
    urls = [hit["url"] for group in data["groups"] for hit in group["hits"]]
    expected = Question.objects.get(tracking_code="HD-DEMO-001").get_absolute_url()
    assert any(url.endswith(expected) for url in urls)
    assert_clean(response, "/tim-kiem/api/")


def test_open_questions_are_not_public(client, db, demo_module):
    open_question = Question.objects.get(tracking_code="HD-DEMO-Q01")
    assert client.get(f"/hoi-dap/{open_question.pk}/").status_code == 404
    assert "chuyển mục đích sử dụng đất" not in client.get("/hoi-dap/").content.decode()
    data = client.get("/tim-kiem/api/", {"q": "chuyen muc dich su dung dat vuon"}).json()
    assert not any(f"/hoi-dap/{open_question.pk}" in hit["url"] for g in data["groups"] for hit in g["hits"])


def test_published_qa_is_in_the_sitemap(client, db, demo_module):
    xml = client.get("/sitemap.xml").content.decode()
    first = Question.objects.published().order_by("pk").first()
    assert first.get_absolute_url() in xml
