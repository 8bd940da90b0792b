"""New pages get ASCII slugs folded the Vietnamese way; a slug clash links to the page holding it."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from pbgdpl.core.page_forms import ascii_slug
from pbgdpl.news.models import ArticleIndexPage, ArticlePage

TITLE = "Tuyên truyền Luật Đất đai đến người dân"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bientap@example.vn", "matkhau-thu")
    client.force_login(user)
    return client


def _add(client, parent, title, slug, action=None):
    data = {"title": title, "slug": slug, "date": "01/12/2026", "summary": "", "source": "", "tags": "",
            "body": streamfield([]), "comments": inline_formset([])}
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:add", args=["news", "articlepage", parent.pk]),
                       nested_form_data(data))


def test_automatic_renderings_of_the_title_become_the_vietnamese_ascii_slug():
    expected = "tuyen-truyen-luat-dat-dai-den-nguoi-dan"
    # Wagtail's browser slugify (đ → "dj"), Django's (drops đ) and a Unicode slug all end the same.
    for automatic in ("tuyen-truyn-lut-djt-djai-djn-ngi-dan",  # Wagtail's browser slugify, really
                      "tuyen-truyen-luat-djat-djai-djen-nguoi-dan", "tuyen-truyen-luat-at-ai-en-nguoi-dan",
                      "tuyên-truyền-luật-đất-đai-đến-người-dân", ""):
        assert ascii_slug(automatic, TITLE) == expected
    assert ascii_slug("tin-dat-dai-2026", TITLE) == "tin-dat-dai-2026"  # typed by the editor: kept
    assert ascii_slug("đất-đai", "Khác") == "dat-dai"  # Unicode typed by hand: folded
    # A published page keeps its ASCII address even if it looks automatic: it is already shared.
    assert ascii_slug("tuyen-truyen-luat-at-ai-en-nguoi-dan", TITLE, published=True) == (
        "tuyen-truyen-luat-at-ai-en-nguoi-dan")


@pytest.mark.django_db
def test_a_new_page_saved_in_the_admin_gets_an_ascii_slug(editor, seeded_site):
    parent = ArticleIndexPage.objects.first()
    response = _add(editor, parent, TITLE, "tuyên-truyền-luật-đất-đai-đến-người-dân")
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.get(title=TITLE)
    assert page.slug == "tuyen-truyen-luat-dat-dai-den-nguoi-dan"
    assert page.url_path.isascii()


@pytest.mark.django_db
def test_starting_again_with_the_title_of_a_draft_points_to_that_draft(editor, seeded_site):
    parent = ArticleIndexPage.objects.first()
    assert _add(editor, parent, TITLE, "").status_code == 302  # e.g. what autosave stored
    draft = ArticlePage.objects.get(title=TITLE)
    assert not draft.live

    response = _add(editor, parent, TITLE, "tuyen-truyn-lut-djt-djai-djn-ngi-dan")
    assert response.status_code == 200
    html = response.content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert f'<a href="{edit_url}">Mở bản nháp đó để viết tiếp</a>' in html
    assert "bản nháp “" + TITLE in html
    assert ArticlePage.objects.filter(title=TITLE).count() == 1


@pytest.mark.django_db
def test_a_clash_with_a_published_page_names_it(editor, seeded_site):
    parent = ArticleIndexPage.objects.first()
    live = ArticlePage.objects.child_of(parent).live().first()
    response = _add(editor, parent, "Bài khác", live.slug)
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[live.pk]) in html
    assert "đã được trang “" in html


def test_every_page_type_uses_the_portal_page_form():
    from django.apps import apps
    from wagtail.models import Page

    from pbgdpl.core.page_forms import PortalPageForm

    page_types = [m for m in apps.get_models() if issubclass(m, Page) and m is not Page]
    assert page_types
    assert [m.__name__ for m in page_types if not issubclass(m.base_form_class, PortalPageForm)] == []
