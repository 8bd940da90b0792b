import pytest


@pytest.mark.django_db
def test_healthz_reports_database_state(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_robots_txt_points_at_sitemap_and_hides_admin(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /quan-tri/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
