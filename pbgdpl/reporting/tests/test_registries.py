"""Registries inside their sections: searchable without diacritics, filterable by commune; open data
with no contact of a person who did not consent; reporters' contacts in the personal-data registry."""

import csv
import io
import json

import pytest
from django.urls import reverse

from pbgdpl.core.personal_data import delete_person, export_person
from pbgdpl.reporting.demo_registries import load_frameworks
from pbgdpl.reporting.models import AccessFramework, AccessResult, MediationTeam, Reporter

from .conftest import GOOD


@pytest.fixture
def registries(province):
    consenting = Reporter(full_name="Trần Thị Đồng Ý", kind="reporter", level="province", field="Đất đai",
                          unit=province["dept"], phone="0912 345 678", email="dongy@vi-du.vn", contact_consent=True)
    consenting.save()
    private = Reporter(full_name="Lê Văn Kín", kind="propagandist", level="commune", field="Hôn nhân và gia đình",
                       unit=province["a"], phone="0987654321", email="kin@vi-du.vn", contact_consent=False)
    private.save()
    MediationTeam(name="Tổ hòa giải Thôn Đông", commune=province["a"], mediators=5, year=2025,
                  cases_received=4, cases_succeeded=3).save()
    MediationTeam(name="Tổ hòa giải Tổ dân phố số 2", commune=province["b"], mediators=7, year=2025).save()
    return {"consenting": consenting, "private": private}


def test_reporters_page_hides_contacts_without_consent_and_finds_without_diacritics(client, registries):
    page = client.get(reverse("reporting:reporters") + "?q=dat dai").content.decode()
    assert "Trần Thị Đồng Ý" in page and "0912345678" in page  # consented: shown, normalised
    assert "Lê Văn Kín" not in page
    page = client.get(reverse("reporting:reporters") + "?q=le van kin").content.decode()
    assert "Lê Văn Kín" in page
    assert "0987654321" not in page and "kin@vi-du.vn" not in page


def test_mediation_filters_by_commune(client, registries, province):
    page = client.get(reverse("reporting:mediation") + f"?xa={province['b'].pk}").content.decode()
    assert "Tổ dân phố số 2" in page and "Thôn Đông" not in page
    page = client.get(reverse("reporting:mediation") + "?q=thon dong").content.decode()
    assert "Thôn Đông" in page and "Tổ dân phố số 2" not in page


def test_open_data_has_no_contact_without_consent(client, registries):
    response = client.get(reverse("open_data_file", args=["bao-cao-vien", "csv"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_name = {row["ho_ten"]: row for row in rows}
    assert by_name["Trần Thị Đồng Ý"]["dien_thoai"] == "0912345678"
    assert by_name["Lê Văn Kín"]["dien_thoai"] == "" and by_name["Lê Văn Kín"]["thu_dien_tu"] == ""
    body = response.content.decode("utf-8-sig") + client.get(
        reverse("open_data_file", args=["bao-cao-vien", "json"])).content.decode()
    assert "0987654321" not in body and "kin@vi-du.vn" not in body
    listing = client.get(reverse("open_data")).content.decode()
    for slug in ("bao-cao-vien", "to-hoa-giai", "chuan-tiep-can", "so-lieu-pbgdpl"):
        assert f"/du-lieu-mo/{slug}.csv" in listing
    dictionary = client.get(reverse("open_data_dictionary", args=["to-hoa-giai"])).json()
    assert {f["name"] for f in dictionary["fields"]} >= {"ten_to", "xa_phuong", "so_hoa_giai_vien"}


def test_accepted_totals_are_published_and_drafts_are_not(client, officers, province, period):
    from .conftest import form_data

    url = reverse("reporting_admin:return", args=[period.pk, province["a"].pk])
    client.force_login(officers["a"])
    client.post(url, form_data(GOOD, "submit"))
    data = client.get(reverse("open_data_file", args=["so-lieu-pbgdpl", "json"])).json()
    assert data["rows"] == []  # submitted, not accepted
    client.force_login(officers["province"])
    client.post(url, {"action": "accept"})
    rows = client.get(reverse("open_data_file", args=["so-lieu-pbgdpl", "json"])).json()["rows"]
    values = {(r["ma_don_vi"], r["ma_chi_tieu"]): r["gia_tri"] for r in rows}
    assert values[("T99", "PB02")] == 1250 and values[("X1", "HG07")] == 70


def test_access_standard_pass_rule_is_data(db, province):
    load_frameworks(json.loads('{"frameworks": [{"code": "T", "name": "Thử", "decision": "25/2021/QĐ-TTg", '
                               '"valid_from": "2021-09-01", "pass_total": 80, "criterion_min_share": 0.5, '
                               '"criteria": [["1", "A", 50], ["2", "B", 50]]}]}'))
    framework = AccessFramework.objects.get(code="T")
    high_total_weak_criterion = AccessResult(commune=province["a"], year=2025, framework=framework,
                                             points={"1": 50, "2": 24})
    high_total_weak_criterion.save()
    assert (high_total_weak_criterion.total, high_total_weak_criterion.passed) == (74, False)
    passing = AccessResult(commune=province["b"], year=2025, framework=framework, points={"1": 45, "2": 40})
    passing.save()
    assert passing.passed
    framework.pass_total = 90  # a successor decision is a data change
    framework.save()
    passing.save()
    assert not passing.passed


def test_personal_data_export_and_erase(registries):
    exported = export_person(email="", phone="0987 654 321")["reporting"]
    assert exported[0]["ho_ten"] == "Lê Văn Kín"
    assert delete_person(email="dongy@vi-du.vn", phone="")["reporting"] == 1
    registries["consenting"].refresh_from_db()
    assert (registries["consenting"].phone, registries["consenting"].contact_consent) == ("", False)


def test_cached_registry_pages_and_datasets_follow_changes(registries, province, page_cache):
    """Strangers get cached pages; a new reporter or a renamed commune reaches them at once."""
    urls = [reverse("reporting:reporters"), reverse("reporting:mediation"), "/du-lieu-mo/bao-cao-vien.json"]

    def add_reporter():
        Reporter(full_name="Phạm Mới Thêm", kind="propagandist", level="commune", unit=province["b"]).save()

    assert page_cache.purged_by(add_reporter, urls) == {urls[0], urls[2]}
    assert "Phạm Mới Thêm" in page_cache.get(urls[0]).content.decode()

    def rename_commune():
        province["a"].name = "Xã An Bình Mới"
        province["a"].save()

    assert page_cache.purged_by(rename_commune, urls) == set(urls)
    assert "Xã An Bình Mới" in page_cache.get(urls[1]).content.decode()
