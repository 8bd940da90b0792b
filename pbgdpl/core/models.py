"""Home page, generic section pages and the site-wide settings editors manage."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class HomePage(Page):
    """The site's root page: search box first, then the latest of each section."""

    intro = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")


class SectionPage(Page):
    """A section of the portal (Giới thiệu, Hòa giải ở cơ sở, …) with an introduction and sub-pages."""

    intro = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("trang chuyên mục")
        verbose_name_plural = _("trang chuyên mục")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting, ClusterableModel):
    """Who runs the site and how to reach them; used by the header, footer and contact block."""

    province = models.CharField(_("tỉnh, thành phố"), max_length=100, default="Tỉnh Hưng Yên")
    department_name = models.CharField(_("tên cơ quan"), max_length=200, default="Sở Tư pháp tỉnh Hưng Yên")
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    hotline = models.CharField(_("đường dây nóng"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    working_hours = models.CharField(_("giờ làm việc"), max_length=200, blank=True)
    facebook_url = models.URLField(_("trang Facebook"), blank=True)
    zalo_url = models.URLField(_("Zalo OA hoặc nhóm Zalo"), blank=True)
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

    class Meta:
        verbose_name = _("thông tin cổng")


class NationalDatabaseLink(Orderable):
    """A link to a national legal database shown in the footer and on the home page."""

    settings = ParentalKey(PortalSettings, related_name="national_links", on_delete=models.CASCADE)
    title = models.CharField(_("tên"), max_length=200)
    url = models.URLField(_("địa chỉ"))

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("liên kết cơ sở dữ liệu quốc gia")
        verbose_name_plural = _("liên kết cơ sở dữ liệu quốc gia")

    def __str__(self) -> str:
        return self.title
