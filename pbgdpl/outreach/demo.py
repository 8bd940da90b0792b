"""Demo outbox: the newest demo article as a sent Facebook post and a failed Zalo OA post, so the
"Bài đăng mạng xã hội" screen and the article's form show both outcomes (nothing is sent)."""

from __future__ import annotations

from django.utils import timezone

from pbgdpl.core.demo import read_demo_data
from pbgdpl.news.models import ArticlePage

from .models import SocialPost
from .services import absolute


def load_demo_social_posts(stdout) -> str:
    article = ArticlePage.objects.live().order_by("-date", "-pk").first()
    if article is None:
        return "no article"
    made = 0
    for row in read_demo_data("outreach", "social_posts.json"):
        page_id, _, story = row.get("remote_id", "").partition("_")
        _post, created = SocialPost.objects.get_or_create(
            platform=row["platform"], label=article._meta.label, object_pk=str(article.pk), defaults={
                "title": article.title, "summary": article.summary, "link": absolute(article.url or "/"),
                "status": row["status"], "attempts": row["attempts"], "last_error": row.get("last_error", ""),
                "remote_id": row.get("remote_id", ""),
                "remote_url": f"https://www.facebook.com/{page_id}/posts/{story}" if story else "",
                "sent_at": timezone.now() if row["status"] == "sent" else None})
        made += created
    return f"{made} social posts"
