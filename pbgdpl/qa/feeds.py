"""RSS of the newest published answers (question text and answer only, never the asker)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from . import selectors


class LatestAnswersFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Hỏi đáp pháp luật – câu trả lời mới"
    description = "Câu hỏi của người dân và câu trả lời của Sở Tư pháp, mới công bố."

    def link(self):
        return reverse("qa:index")

    def items(self):
        return selectors.published_questions().select_related("answer")[:30]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        return f"{item.shown_text}\n\nTrả lời: {item.answer.text[:600]}"

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.field.name] if item.field else []
