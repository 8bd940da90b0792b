"""Home page, generic section pages and the site-wide settings editors manage."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from .page_forms import PortalPageForm
from .pagecache.models import CachedPageDependency  # noqa: F401  (the page cache's dependency index)
from .pagecache.pages import record_children
from .validators import WebURLField


class HomePage(Page):
    """The site's root page: search box first, then the latest news and the main sections.

    ``core`` imports no other app, so the latest news comes from whichever page editors
    choose as ``news_index``: any page whose specific class has ``latest_articles(limit)``
    (the news app's article index does).
    """

    base_form_class = PortalPageForm  # ASCII slugs, clash links to the other page

    hero_title = models.CharField(
        _("tiêu đề khối tìm kiếm"), max_length=200, default="Tra cứu pháp luật nhanh, dễ hiểu", blank=True
    )
    intro = models.TextField(_("lời giới thiệu"), blank=True)
    news_index = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("chuyên mục tin mới nhất"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Trang danh sách tin bài hiển thị ở khối “Tin mới” trên trang chủ."),
    )
    latest_count = models.PositiveSmallIntegerField(_("số tin mới hiển thị"), default=6)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [PageChooserPanel("news_index"), FieldPanel("latest_count")], heading=_("Tin mới trên trang chủ")
        ),
        InlinePanel("featured_sections", heading=_("Chuyên mục nổi bật"), label=_("chuyên mục")),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def latest_articles(self) -> list:
        """The newest public articles of the chosen news index, or [] if none is chosen."""
        if not self.news_index_id:
            return []
        # specific_deferred: the specific class without a second query for its own fields.
        index = self.news_index.specific_deferred
        if not index.live or not hasattr(index, "latest_articles"):
            return []
        return list(index.latest_articles(self.latest_count))

    def visible_featured_sections(self) -> list:
        return [
            item
            for item in self.featured_sections.select_related("link_page").all()
            if item.link_page is not None and item.link_page.live
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template runs them only when its cached body is rebuilt.
        context["latest_articles"] = SimpleLazyObject(self.latest_articles)
        context["featured_sections"] = SimpleLazyObject(self.visible_featured_sections)
        return context


class HomeFeaturedSection(Orderable):
    """A section promoted as a tile on the home page, with a one-line explanation."""

    home = ParentalKey(HomePage, related_name="featured_sections", on_delete=models.CASCADE)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("mô tả ngắn"), max_length=250, blank=True)

    panels = [PageChooserPanel("link_page"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("chuyên mục nổi bật")
        verbose_name_plural = _("chuyên mục nổi bật")


class SectionPage(Page):
    """A section of the portal (Giới thiệu, Hòa giải ở cơ sở, …) with an introduction and sub-pages.

    It may sit anywhere in the tree; leaf page types (articles, galleries) forbid children,
    which keeps the tree sane without core naming other apps' page types.
    """

    base_form_class = PortalPageForm  # ASCII slugs, clash links to the other page

    intro = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("trang chuyên mục")
        verbose_name_plural = _("trang chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        record_children(self)
        context["subpages"] = self.get_children().live().public().order_by("path")
        return context


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting, ClusterableModel):
    """Who runs the site and how to reach them; used by the header, footer and contact block."""

    province = models.CharField(_("tỉnh, thành phố"), max_length=100, default="Tỉnh Hưng Yên")
    department_name = models.CharField(_("tên cơ quan"), max_length=200, default="Sở Tư pháp tỉnh Hưng Yên")
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    hotline = models.CharField(_("đường dây nóng"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    working_hours = models.CharField(_("giờ làm việc"), max_length=200, blank=True)
    facebook_url = WebURLField(_("trang Facebook"), blank=True)
    zalo_url = WebURLField(_("Zalo OA hoặc nhóm Zalo"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("province"), FieldPanel("department_name"), FieldPanel("logo")], heading=_("Cơ quan")
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("hotline"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
                FieldPanel("facebook_url"),
                FieldPanel("zalo_url"),
            ],
            heading=_("Liên hệ"),
        ),
        InlinePanel("national_links", heading=_("Liên kết cơ sở dữ liệu pháp luật quốc gia"), label=_("liên kết")),
    ]

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, but read from the cache of page parts (every page shows the settings):
        one cache read instead of a query; saving the settings purges it everywhere."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        from .pagecache import fragments

        portal = fragments.cached("portal-settings", (site.pk,), lambda: cls.for_site(site))
        portal._request = request  # page links relative to this request, as Wagtail does
        setattr(request, attr_name, portal)
        return portal

    class Meta:
        verbose_name = _("thông tin cổng")


class NationalDatabaseLink(Orderable):
    """A link to a national legal database shown in the footer and on the home page."""

    settings = ParentalKey(PortalSettings, related_name="national_links", on_delete=models.CASCADE)
    title = models.CharField(_("tên"), max_length=200)
    url = WebURLField(_("địa chỉ"))

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("liên kết cơ sở dữ liệu quốc gia")
        verbose_name_plural = _("liên kết cơ sở dữ liệu quốc gia")

    def __str__(self) -> str:
        return self.title
