"""Our own Vietnamese help pages for staff, served inside the admin at /quan-tri/tro-giup/.

They replace Wagtail's English editor guide (decision 0011). Each app registers the topics it
owns from ``AppConfig.ready()``::

    from pbgdpl.core.admin_help import register_help_topic

    register_help_topic("van-ban", "Nhập văn bản pháp luật", "legal/admin/help.html", order=30)

The template holds the topic's body (HTML fragment, no ``extends``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


@dataclass(frozen=True)
class HelpTopic:
    slug: str
    title: str
    template: str
    order: int = 100

    @property
    def url(self) -> str:
        return reverse("admin_help:topic", args=[self.slug])


_topics: dict[str, HelpTopic] = {}


def register_help_topic(slug: str, title: str, template: str, *, order: int = 100) -> HelpTopic:
    """Register (or replace) the help topic ``slug``."""
    topic = HelpTopic(slug=slug, title=str(title), template=template, order=order)
    _topics[slug] = topic
    return topic


def help_topics() -> list[HelpTopic]:
    return sorted(_topics.values(), key=lambda topic: (topic.order, topic.slug))


class HelpIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/help_index.html"
    page_title = _("Hướng dẫn sử dụng trang quản trị")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=help_topics(), **kwargs)


class HelpTopicView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/help_topic.html"
    header_icon = "help"

    def dispatch(self, request, *args, slug: str = "", **kwargs):
        self.topic = _topics.get(slug)
        if self.topic is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def page_title(self):
        return self.topic.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("admin_help:index"), "label": HelpIndexView.page_title},
            {"url": "", "label": self.topic.title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, topics=help_topics(), **kwargs)


urlpatterns = (
    [
        path("", HelpIndexView.as_view(), name="index"),
        path("<slug:slug>/", HelpTopicView.as_view(), name="topic"),
    ],
    "admin_help",
)
