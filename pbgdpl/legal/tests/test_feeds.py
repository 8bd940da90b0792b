"""RSS/Atom of new documents, sitemap.xml entries and the JSON representation of a document."""

import xml.etree.ElementTree as ET

import pytest

from .factories import D, at, create_document, relation

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def documents():
    old = create_document("10/2012/QH13", title="Bộ luật Lao động 2012", doc_type="Bộ luật",
                          issued_on=D(2012, 6, 18), effective_from=D(2013, 5, 1))
    new = create_document("45/2019/QH14", title="Bộ luật Lao động", doc_type="Bộ luật", issued_on=D(2019, 11, 20),
                          effective_from=D(2021, 1, 1), relations=[relation("replaces", old)], fields=["Lao động"])
    draft = create_document("", title="Dự thảo Nghị quyết hỗ trợ hòa giải", doc_type="Nghị quyết",
                            issuer="hoi-dong-nhan-dan-tinh", is_draft_for_comment=True,
                            comment_opens=D(2026, 11, 10), comment_closes=D(2026, 12, 10))
    hidden = create_document("2/2026/QH15", title="Luật chưa công bố", issued_on=D(2026, 1, 1), publish=False)
    return {"old": old, "new": new, "draft": draft, "hidden": hidden}


def test_rss_lists_new_enacted_public_documents(client, documents):
    response = client.get("/van-ban/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "45/2019/QH14 Bộ luật Lao động", "10/2012/QH13 Bộ luật Lao động 2012"
    ]
    assert items[0].findtext("link") == "http://testserver/van-ban/45-2019-qh14/"
    assert "ban hành ngày 20/11/2019" in items[0].findtext("description")


def test_atom_has_the_same_entries(client, documents):
    response = client.get("/van-ban/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["45/2019/QH14 Bộ luật Lao động", "10/2012/QH13 Bộ luật Lao động 2012"]


def test_sitemap_lists_every_public_document_and_the_lists(client, documents):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for key in ("old", "new", "draft"):
        assert f"http://testserver{documents[key].get_absolute_url()}</loc>" in body
    assert documents["hidden"].get_absolute_url() not in body
    assert "http://testserver/van-ban/</loc>" in body
    assert "http://testserver/van-ban/sap-co-hieu-luc/</loc>" in body


def test_json_has_metadata_validity_relations_and_the_provision_tree(client, documents):
    with at("2026-11-27"):
        response = client.get("/van-ban/10-2012-qh13.json")
    assert response.status_code == 200
    data = response.json()
    assert data["number"] == "10/2012/QH13"
    assert data["type"] == {"slug": "bo-luat", "name": "Bộ luật"}
    assert data["effective_from"] == "2013-05-01"
    assert data["validity"]["status"] == "expired"
    assert data["validity"]["label"] == "Hết hiệu lực toàn bộ"
    assert data["validity"]["related"][0]["url"] == "http://testserver/van-ban/45-2019-qh14/"
    assert data["relations"] == [
        {
            "direction": "incoming", "predicate": "replaces", "verb": "Bị thay thế bởi",
            "document": {
                "number": "45/2019/QH14", "title": "Bộ luật Lao động", "type": "Bộ luật",
                "url": "http://testserver/van-ban/45-2019-qh14/",
                "json": "http://testserver/van-ban/45-2019-qh14.json",
            },
            "eid": "", "other_eid": "", "effective_on": None, "ends_on": None,
        }
    ]
    article = data["provisions"][1]
    assert (article["eid"], article["kind"], article["title"]) == ("dieu-2", "article", "Đối tượng áp dụng")
    clause = article["children"][1]
    assert clause["eid"] == "dieu-2-khoan-2"
    assert [point["eid"] for point in clause["children"]] == ["dieu-2-khoan-2-diem-a", "dieu-2-khoan-2-diem-dd"]
    # ?format=json on the page URL gives the same document.
    with at("2026-11-27"):
        assert client.get("/van-ban/10-2012-qh13/?format=json").json()["slug"] == "10-2012-qh13"


def test_json_validity_at_a_date_and_bad_date(client, documents):
    before = client.get("/van-ban/10-2012-qh13.json?ngay=2020-12-31").json()
    assert before["validity"]["status"] == "in_force"
    bad = client.get("/van-ban/10-2012-qh13.json?ngay=abc")
    assert bad.status_code == 400
    assert "Ngày “abc” không hợp lệ." in bad.json()["error"]


def test_json_and_feeds_never_show_unpublished_documents(client, documents):
    assert client.get(f"/van-ban/{documents['hidden'].slug}.json").status_code == 404
    assert "Luật chưa công bố" not in client.get("/van-ban/rss/").content.decode()
    assert "Luật chưa công bố" not in client.get("/van-ban/atom/").content.decode()
    # A draft for comment is a public page but not a "new document" of the feeds.
    assert client.get(f"/van-ban/{documents['draft'].slug}.json").json()["draft_for_comment"] == {
        "opens": "2026-11-10", "closes": "2026-12-10"
    }
    assert "Dự thảo" not in client.get("/van-ban/rss/").content.decode()
