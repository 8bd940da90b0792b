"""Articles (news, professional guidance, legal situations), their listings and photo galleries."""

from __future__ import annotations

from django.apps import apps
from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, route
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pbgdpl.core import pagecache
from pbgdpl.core.numbers import parse_ascii_int
from pbgdpl.core.page_forms import PortalPageForm
from pbgdpl.core.pagecache.pages import record_children
from pbgdpl.core.text import vietnamese_slug
from pbgdpl.outreach.forms import share_panel, shareable

from .blocks import ArticleBodyBlock

ARTICLES_PER_PAGE = 12


def tag_dependency(tag_id) -> str:
    """Page cache tag of "articles sharing tag ``tag_id``" (the related-articles block)."""
    return f"news.tag:{tag_id}"


class ArticleIndexPage(RoutablePageMixin, Page):
    """A listing of articles (Tin tức, Hướng dẫn nghiệp vụ, Tình huống pháp luật).

    Newest first, paginated, filterable by ``?tag=``; ``rss/``, ``atom/`` and ``json/`` under it are its feeds.
    """

    base_form_class = PortalPageForm  # ASCII slugs, clash links to the other page

    intro = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage", "core.SectionPage", "news.ArticleIndexPage"]
    subpage_types = ["news.ArticlePage", "news.ArticleIndexPage", "news.GalleryPage", "core.SectionPage"]

    class Meta:
        verbose_name = _("trang danh sách tin bài")
        verbose_name_plural = _("trang danh sách tin bài")

    def articles(self):
        """Public articles directly under this index, newest first, ready for cards."""
        record_children(self)
        return (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-pk")
        )

    def latest_articles(self, limit: int = 6):
        """The home page's "Tin mới" block uses this (see core.HomePage.news_index)."""
        return self.articles()[:limit]

    def tags_in_use(self, limit: int = 20) -> list[dict]:
        """The most used tags of this index's public articles, for the filter list."""
        return list(
            ArticlePageTag.objects.filter(content_object__in=self.articles().values("pk"))
            .values("tag__name", "tag__slug")
            .annotate(count=Count("pk"))
            .order_by("-count", "tag__name")[:limit]
        )

    @path("")
    def listing(self, request):
        articles = self.articles()
        tag_slug = request.GET.get("tag", "").strip()
        active_tag = None
        if tag_slug:
            active_tag = ArticleTag.objects.filter(slug=tag_slug).first()
            articles = articles.filter(tags__slug=tag_slug).distinct() if active_tag else articles.none()
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        try:
            page_obj = paginator.page(parse_ascii_int(request.GET.get("page"), minimum=1) or 1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "articles": page_obj.object_list,
                "tag_slug": tag_slug,
                "active_tag": active_tag,
                "tags": self.tags_in_use(),
                "subsections": self.get_children().live().public().not_type(ArticlePage).order_by("path"),
            },
        )

    @route(r"^(?P<fmt>rss|atom|json)/$", name="feed")
    def feed(self, request, fmt: str):
        """The section's feed in RSS 2.0, Atom or JSON Feed (``rss/`` is the historic address)."""
        from pbgdpl.core.feeds import format_class

        from .feeds import ArticleFeed

        return format_class(ArticleFeed, fmt)(self)(request)

    def feed_links(self) -> dict:
        """``<link rel="alternate">`` and "Theo dõi bằng RSS" links of this section's feed."""
        from pbgdpl.core.feeds import FORMATS, links_from_urls

        return links_from_urls(self.seo_title or self.title,
                               {fmt: f"{self.url}{self.reverse_subpage('feed', kwargs={'fmt': fmt})}" for fmt in FORMATS})


class ArticleTag(TagBase):
    """A keyword of articles, with an ASCII slug so ``?tag=dat-dai`` works for "Đất đai"."""

    class Meta:
        verbose_name = _("từ khóa")
        verbose_name_plural = _("từ khóa")

    def slugify(self, tag, i=None):
        # taggit keeps Unicode unless the GPL unidecode package is installed: fold like every slug.
        slug = vietnamese_slug(tag, max_length=90)
        return f"{slug}_{i}" if i is not None else slug


class ArticlePageTag(ItemBase):
    tag = models.ForeignKey(ArticleTag, related_name="tagged_articles", on_delete=models.CASCADE)
    content_object = ParentalKey("news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(Page):
    """One article: a news item, a piece of professional guidance or a legal situation."""

    # ASCII slugs, clash links to the other page; "post to Facebook / Zalo OA" ticks (pbgdpl.outreach)
    base_form_class = shareable(PortalPageForm)

    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    summary = models.TextField(_("tóm tắt"), max_length=600, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("nội dung"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))
    source = models.CharField(_("nguồn"), max_length=250, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("tags"), FieldPanel("source")], heading=_("Thông tin")),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        share_panel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["news.ArticleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def related_articles(self, limit: int = 4):
        """Public articles sharing the most tags with this one, newest first among equals."""
        # tags.all() also works on an unsaved page (the admin preview), values_list() does not.
        tag_ids = [tag.pk for tag in self.tags.all()]
        pagecache.record(*(tag_dependency(tag_id) for tag_id in tag_ids))
        if not tag_ids:
            return ArticlePage.objects.none()
        return (
            ArticlePage.objects.live()
            .public()
            .filter(tags__in=tag_ids)
            .exclude(pk=self.pk)
            .annotate(shared_tags=Count("pk"))
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-shared_tags", "-date", "-pk")[:limit]
        )

    def page_cache_tags(self) -> list[str]:
        """Publishing this article changes the "related articles" of pages sharing its tags."""
        return [tag_dependency(tag_id) for tag_id in self.tags.values_list("pk", flat=True)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template's cached body (and head) run them only when rebuilt.
        context["related_articles"] = SimpleLazyObject(lambda: list(self.related_articles()))
        context["article_tags"] = SimpleLazyObject(lambda: list(self.tags.all()))
        return context


class GalleryPage(Page):
    """A photo album (Thư viện hình ảnh): an introduction and captioned images."""

    base_form_class = PortalPageForm  # ASCII slugs, clash links to the other page

    intro = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("gallery_images", heading=_("Ảnh"), label=_("ảnh")),
    ]
    parent_page_types = ["news.ArticleIndexPage", "core.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("thư viện ảnh")
        verbose_name_plural = _("thư viện ảnh")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["images"] = list(
            self.gallery_images.select_related("image").prefetch_related("image__renditions")
        )
        if apps.is_installed("pbgdpl.media"):
            from pbgdpl.media.selectors import gallery_infographics

            context["infographics"] = gallery_infographics()
        return context


class GalleryImage(Orderable):
    page = ParentalKey(GalleryPage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("ảnh trong thư viện")
        verbose_name_plural = _("ảnh trong thư viện")
