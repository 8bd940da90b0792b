from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pbgdpl.accounts.password_reset import LimitedPasswordResetView
from pbgdpl.bookshelf.sitemaps import SITEMAPS as BOOKSHELF_SITEMAPS
from pbgdpl.consultation.sitemaps import SITEMAPS as DIALOGUE_SITEMAPS
from pbgdpl.core import document_views, open_data_bulk, open_data_views
from pbgdpl.core import views as core_views
from pbgdpl.core.pagecache.deps import depends_on
from pbgdpl.core.pagecache.pages import ALL_PAGES
from pbgdpl.forum.sitemaps import SITEMAPS as FORUM_SITEMAPS
from pbgdpl.legal.sitemaps import SITEMAPS as LEGAL_SITEMAPS
from pbgdpl.media.sitemaps import SITEMAPS as MEDIA_SITEMAPS
from pbgdpl.qa.sitemaps import SITEMAPS as QA_SITEMAPS
from pbgdpl.quizzes.sitemaps import SITEMAPS as QUIZ_SITEMAPS

# Wagtail's page tree plus the apps' own URLs (legal documents are not pages).
SITEMAPS = {"wagtail": WagtailSitemap, **LEGAL_SITEMAPS, **QA_SITEMAPS, **QUIZ_SITEMAPS, **BOOKSHELF_SITEMAPS,
            **FORUM_SITEMAPS, **MEDIA_SITEMAPS, **DIALOGUE_SITEMAPS}

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("xac-minh/thu-thach/", core_views.altcha_challenge, name="altcha_challenge"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", depends_on(ALL_PAGES)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("du-lieu-mo/", core_views.open_data, name="open_data"),
    re_path(r"^du-lieu-mo/(?P<slug>[a-z0-9-]+)\.(?P<fmt>csv|json)$", open_data_views.dataset_file, name="open_data_file"),
    path("du-lieu-mo/<slug:slug>/tu-dien-du-lieu.json", open_data_views.data_dictionary, name="open_data_dictionary"),
    path("du-lieu-mo/tai-ve/<slug:slug>/<str:name>", open_data_bulk.bulk_file, name="open_data_bulk_file"),
    path("quan-tri/xac-thuc/", include("pbgdpl.accounts.twofactor_urls")),
    path("quan-tri/password_reset/", LimitedPasswordResetView.as_view()),  # before Wagtail's: limited
    path("quan-tri/", include(wagtailadmin_urls)),
    # Wrong collection passwords are limited per client; everything else is Wagtail's.
    path("tai-lieu/authenticate_with_password/<int:restriction_id>/", document_views.authenticate_with_password,
         name="wagtaildocs_authenticate_with_password"),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("api/v1/", include("pbgdpl.api.urls")),
    path("van-ban/", include("pbgdpl.legal.urls")),
    path("tim-kiem/", include("pbgdpl.search.urls")),
    path("hoi-dap/", include("pbgdpl.qa.urls")),
    path("cuoc-thi/", include("pbgdpl.quizzes.urls")),
    path("luyen-tap/", include("pbgdpl.quizzes.practice_urls")),
    path("tra-cuu/", include("pbgdpl.lookups.urls")),
    path("nhan-thong-bao/", include("pbgdpl.alerts.urls")),
    path("tu-sach-phap-luat/", include("pbgdpl.bookshelf.urls")),
    path("lop-hoc/", include("pbgdpl.classroom.urls")),
    path("gop-y-du-thao/", include("pbgdpl.consultation.urls")),
    path("doi-thoai-chinh-sach/", include("pbgdpl.consultation.dialogue_urls")),
    path("hoi-truc-tuyen/api/", include("pbgdpl.chat.urls")),
    path("webhooks/", include("pbgdpl.chat.webhook_urls")),
    path("tro-giup-phap-ly/", include("pbgdpl.legalaid.urls")),
    path("dien-dan/", include("pbgdpl.forum.urls")),
    path("", include("pbgdpl.media.urls")),  # /tai-lieu-tuyen-truyen/, /video/, /infographic/, /bai-giang/…
    path("", include("pbgdpl.reporting.urls")),  # registries inside their sections, /du-lieu-mo/
    path("", include("pbgdpl.news.urls")),
]

if settings.SERVE_MEDIA:
    from django.views.static import serve

    # Images only (Django's static() helper serves nothing once DEBUG is off, as on a trial server):
    # documents are served by /tai-lieu/, which checks their collection's privacy.
    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(?:original_images|images)/.+)$", serve,
                            {"document_root": settings.MEDIA_ROOT})]

# Wagtail's pages, served with their routes remembered (pbgdpl/core/page_routes.py).
urlpatterns += [path("", include("pbgdpl.core.page_routes"))]

handler404 = "pbgdpl.core.views.page_not_found"
handler500 = "pbgdpl.core.views.server_error"
