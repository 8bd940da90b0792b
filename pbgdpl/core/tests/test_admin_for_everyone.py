"""The admin is Vietnamese whatever the browser says, carries the department's name and emblem,
shows dd/mm/yyyy and Có/Không in lists and links to our own help pages (decision 0011)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.timesince import timesince

from pbgdpl.core.models import PortalSettings
from pbgdpl.legal.tests.factories import create_document

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bientap@example.vn", "matkhau-thu")
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_an_english_browser_gets_the_vietnamese_admin(client, staff):
    html = client.get("/quan-tri/", **ENGLISH).content.decode()
    assert '<html lang="vi"' in html
    assert "Trang tổng quan" in html and ">Dashboard<" not in html


@pytest.mark.django_db
def test_a_language_chosen_in_the_account_still_wins(client, staff):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    assert '<html lang="en"' in client.get("/quan-tri/").content.decode()


@pytest.mark.django_db
def test_public_pages_ignore_accept_language_too(client):
    response = client.get("/khong-co-trang-nay/", **ENGLISH)
    assert response["Content-Language"] == "vi"


@pytest.mark.django_db
def test_login_page_carries_the_department_name_and_emblem_in_vietnamese(client):
    PortalSettings.objects.update_or_create(site_id=1, defaults={"department_name": "Sở Tư pháp tỉnh Thử nghiệm"})
    html = client.get(reverse("wagtailadmin_login"), **ENGLISH).content.decode()
    assert "Sở Tư pháp tỉnh Thử nghiệm" in html
    assert "img/emblem.svg" in html
    assert "Mật khẩu" in html and ">Password<" not in html and "Password<span" not in html
    assert "Sign in to Wagtail" not in html and "- Wagtail</title>" not in html


@pytest.mark.django_db
def test_document_list_shows_dates_as_day_month_year_and_booleans_as_co_khong(client, staff):
    create_document("12/2024/QH15", issued_on=datetime.date(2024, 6, 27))
    html = client.get(reverse("wagtailsnippets_legal_legaldocument:list"), **ENGLISH).content.decode()
    listing = html.split('<table class="listing', 1)[1].split("</table>", 1)[0]
    assert ">27/06/2024</time>" in listing  # the relative "2 năm trước" is only the tooltip
    assert "True" not in listing and "year" not in listing
    assert "<td >\n    Có\n</td>" in listing or ">Có<" in listing.replace(" ", "").replace("\n", "")


def test_time_since_reads_in_vietnamese():
    with translation.override("vi"):
        text = timesince(timezone.now() - datetime.timedelta(days=400))
    assert text.replace("\xa0", " ").startswith("1 năm") and "year" not in text


@pytest.mark.django_db
def test_help_menu_and_dashboard_link_our_vietnamese_help_pages(client, staff):
    html = client.get("/quan-tri/").content.decode()
    assert "wagtail.org" not in html and "guide.wagtail" not in html
    assert reverse("admin_help:index") in html
    index = client.get(reverse("admin_help:index"))
    assert index.status_code == 200
    topics = ["bat-dau", "tin-bai", "van-ban", "hoi-dap"]
    for slug in topics:
        url = reverse("admin_help:topic", args=[slug])
        assert url in index.content.decode()
        page = client.get(url)
        assert page.status_code == 200
    assert client.get(reverse("admin_help:topic", args=["khong-co"])).status_code == 404


@pytest.mark.django_db
def test_help_pages_need_an_admin_login(client):
    response = client.get(reverse("admin_help:index"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_zero_minutes_ago_reads_just_now_in_vietnamese():
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("vi"):
        now = timesince_simple(timezone.now())
        earlier = timesince_simple(timezone.now() - datetime.timedelta(minutes=5))
    assert "minute" not in now and "0 phút" not in now  # was "0 minutes trước"
    assert earlier.replace("\xa0", " ") == "5 phút trước"
