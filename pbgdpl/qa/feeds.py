"""Feeds of the newest published answers, all (/hoi-dap/rss/, atom/, json/) and per field
(/hoi-dap/linh-vuc/<slug>/…): question text and answer only, never the asker.

Written once as Django syndication feeds; :mod:`pbgdpl.core.feeds` serves each in the three formats.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse

from pbgdpl.legal.models import Field

from . import selectors

FEED_LENGTH = 30


class LatestAnswersFeed(Feed):
    language = "vi"
    title = "Hỏi đáp pháp luật – câu trả lời mới"
    description = "Câu hỏi của người dân và câu trả lời của Sở Tư pháp, mới công bố."

    def link(self):
        return reverse("qa:index")

    def questions(self):
        return selectors.published_questions().select_related("answer")

    def items(self):
        return self.questions()[:FEED_LENGTH]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        return f"{item.shown_text}\n\nTrả lời: {item.answer.text[:600]}"

    def item_guid(self, item):
        return f"qa-question-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.field.name] if item.field else []


class FieldAnswersFeed(LatestAnswersFeed):
    """The newest published answers of one field (lĩnh vực)."""

    def get_object(self, request, slug: str):
        found = Field.objects.filter(slug=slug).first()
        if found is None:
            raise Http404
        return found

    def title(self, obj) -> str:
        return f"Hỏi đáp pháp luật – {obj.name}"

    def description(self, obj) -> str:
        return f"Câu trả lời mới của Sở Tư pháp về “{obj.name}”."

    def link(self, obj) -> str:
        return f"{reverse('qa:index')}?field={obj.slug}"

    def items(self, obj):
        return selectors.filter_published(self.questions(), field=obj)[:FEED_LENGTH]
