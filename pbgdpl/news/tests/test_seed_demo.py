"""``seed_demo`` builds the whole demo site and can run again without touching editors' work."""

from __future__ import annotations

import io

from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from pbgdpl.core.models import HomePage, PortalSettings
from pbgdpl.news.models import ArticlePage
from pbgdpl.news.seeding import seed_demo


def test_seed_replaces_the_welcome_page_and_fills_every_section(seeded_site, db):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == seeded_site.pk
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert ArticlePage.objects.live().count() >= 30
    for slug in ("tin-tuc", "huong-dan-nghiep-vu", "tinh-huong-phap-luat"):
        assert ArticlePage.objects.child_of(Page.objects.get(slug=slug)).live().count() >= 9
    # Real prose with diacritics, illustrated with generated images.
    assert all(article.lead_image_id for article in ArticlePage.objects.all())
    assert get_image_model().objects.filter(title__startswith="Ảnh minh họa").count() >= 10
    body_text = " ".join(str(article.body) for article in ArticlePage.objects.all())
    assert "lorem" not in body_text.lower()
    assert "Bộ luật Dân sự" in body_text and "hòa giải" in body_text
    settings = PortalSettings.for_site(site)
    assert settings.hotline and settings.address and settings.national_links.count() >= 4


def test_second_run_creates_nothing_and_keeps_editor_changes(seeded_site, db):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.address = "Số 1 đường Mới, phường Phố Hiến"
    settings.save()
    article = ArticlePage.objects.get(slug="ket-hon-khi-chua-du-tuoi")
    article.title = "Tiêu đề do biên tập viên sửa"
    article.save_revision().publish()
    pages_before = Page.objects.count()

    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert "(0 mới)" in out.getvalue()
    assert Page.objects.count() == pages_before
    assert HomePage.objects.count() == 1
    assert PortalSettings.objects.get(pk=settings.pk).address == "Số 1 đường Mới, phường Phố Hiến"
    assert ArticlePage.objects.get(pk=article.pk).title == "Tiêu đề do biên tập viên sửa"


def test_seed_restores_a_deleted_article_only(seeded_site, db):
    ArticlePage.objects.get(slug="mua-hang-online-bi-giao-sai").delete()
    count = ArticlePage.objects.count()
    assert "(1 mới)" in seed_demo()
    assert ArticlePage.objects.count() == count + 1


def test_seed_works_on_an_emptied_database(db, client):
    """After a flush (transactional tests) there is no Wagtail root, site or locale."""
    from wagtail.models import Locale

    Site.objects.all().delete()
    Page.objects.filter(depth=1).delete()
    Locale.objects.all().delete()
    seed_demo()
    assert client.get("/tin-tuc/").status_code == 200
