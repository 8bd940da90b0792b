"""Editors can open the add and edit forms of every page type this part of the site defines."""

from __future__ import annotations

from wagtail.models import Page

from pbgdpl.news.models import ArticlePage, GalleryPage


def test_admin_forms_of_the_site_page_types_open(seeded_site, db, admin_client):
    news = Page.objects.get(url_path="/trang-chu/tin-tuc/")
    situations = Page.objects.get(url_path="/trang-chu/tinh-huong-phap-luat/")
    add_urls = [
        f"/quan-tri/pages/add/news/articlepage/{news.pk}/",
        f"/quan-tri/pages/add/news/gallerypage/{situations.pk}/",
        f"/quan-tri/pages/add/core/sectionpage/{seeded_site.pk}/",
        f"/quan-tri/pages/add/news/articleindexpage/{seeded_site.pk}/",
    ]
    edit_urls = [
        f"/quan-tri/pages/{seeded_site.pk}/edit/",
        f"/quan-tri/pages/{ArticlePage.objects.first().pk}/edit/",
        f"/quan-tri/pages/{GalleryPage.objects.get().pk}/edit/",
        f"/quan-tri/pages/{news.pk}/edit/",
    ]
    for url in add_urls + edit_urls:
        assert admin_client.get(url).status_code == 200, url


def test_articles_cannot_be_added_directly_under_the_home_page(seeded_site, db, admin_client):
    response = admin_client.get(f"/quan-tri/pages/add/news/articlepage/{seeded_site.pk}/")
    # Wagtail refuses the form and sends the editor back to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/quan-tri/"
