"""Outbox of social posts: written when an item is published, sent by the task queue.

- ``remember_choice`` (post_save of a shareable model) stores the editor's ticks;
- ``queue_posts`` (publish signal, inside the publishing transaction) writes one ``SocialPost``
  per ticked platform — at most one per item and platform, ever — and enqueues the send after commit;
- ``send`` posts one row: success keeps the platform's post id (a later retry or a second publish
  never posts again); a 5xx / network error is retried with exponential backoff by the periodic
  job; a refused or expired token fails at once with a message the admin shows.
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from pbgdpl.chat.channels.base import SendError
from pbgdpl.core.site_address import absolute_url

from .models import PostStatus, ShareChoice, SocialPost

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
BACKOFF = datetime.timedelta(minutes=2)  # 2, 4, 8, 16, 32 minutes between attempts


def choice_for(label: str, pk) -> ShareChoice | None:
    return ShareChoice.objects.filter(label=label, object_pk=str(pk)).first()


def posts_for(label: str, pk) -> dict[str, SocialPost]:
    return {post.platform: post for post in SocialPost.objects.filter(label=label, object_pk=str(pk))}


def describe(post: SocialPost) -> str:
    """One line for the item's admin form about its post."""
    if post.status == PostStatus.SENT:
        return f"Đã đăng lúc {date_format(timezone.localtime(post.sent_at), 'd/m/Y H:i')}" + (
            f": {post.remote_url}" if post.remote_url else f" (mã {post.remote_id})")
    if post.status == PostStatus.FAILED:
        return f"Đăng lỗi sau {post.attempts} lần: {post.last_error}"
    return f"Đang chờ gửi ({post.attempts} lần đã thử)"


def remember_choice(sender, instance, **kwargs) -> None:
    wanted = getattr(instance, "_outreach_share", None)
    if wanted is None or instance.pk is None:
        return
    if not any(wanted.values()):  # nothing ticked (the usual save): no row to keep
        ShareChoice.objects.filter(label=instance._meta.label, object_pk=str(instance.pk)).delete()
        return
    ShareChoice.objects.update_or_create(label=instance._meta.label, object_pk=str(instance.pk), defaults=wanted)


def absolute(path: str) -> str:
    return path if path.startswith("http") else absolute_url(path)


def queue_posts(label: str, pk, *, title: str, summary: str, path: str, image_url: str = "") -> list[SocialPost]:
    """The posts the editor asked for on this item (nothing when nothing was ticked)."""
    choice = choice_for(label, pk)
    if choice is None:
        return []
    created = []
    for platform in [p for p in ("facebook", "zalo") if getattr(choice, p)]:
        post, new = SocialPost.objects.get_or_create(platform=platform, label=label, object_pk=str(pk), defaults={
            "title": title[:1000], "summary": summary[:2000], "link": absolute(path),
            "image_url": absolute(image_url) if image_url else ""})
        if new:
            created.append(post)
    choice.delete()  # a later publish (an edit) does not post again unless ticked again
    if created:
        from .tasks import send_post

        ids = [post.pk for post in created]
        transaction.on_commit(lambda: [send_post.enqueue(post_id) for post_id in ids])
    return created


def share(label: str, pk, *, facebook: bool, zalo: bool, **post) -> list[SocialPost]:
    """For admin screens that publish with their own form (Q&A): the ticks and the publish at once."""
    if not (facebook or zalo):
        return []
    ShareChoice.objects.update_or_create(label=label, object_pk=str(pk), defaults={"facebook": facebook, "zalo": zalo})
    return queue_posts(label, pk, **post)


def send(post_id: int) -> SocialPost | None:
    from .platforms import SENDERS

    with transaction.atomic():
        post = SocialPost.objects.select_for_update().filter(pk=post_id).first()
        if post is None or post.status != PostStatus.PENDING:
            return post  # already sent (or given up): never post twice
        post.attempts += 1
        try:
            post.remote_id, post.remote_url = SENDERS[post.platform](post)
        except SendError as error:
            post.last_error = str(error)[:2000]
            if error.retry and post.attempts < MAX_ATTEMPTS:
                post.next_attempt_at = timezone.now() + BACKOFF * 2 ** (post.attempts - 1)
            else:
                post.status, post.next_attempt_at = PostStatus.FAILED, None
            logger.warning("social post %s (%s) failed: %s", post.pk, post.platform, error)
        else:
            post.status, post.sent_at, post.next_attempt_at, post.last_error = (
                PostStatus.SENT, timezone.now(), None, "")
        post.save()
    return post


def retry_due(now: datetime.datetime | None = None) -> int:
    """Send every pending post whose backoff has passed; how many were tried."""
    now = now or timezone.now()
    due = list(SocialPost.objects.filter(status=PostStatus.PENDING, next_attempt_at__lte=now)
               .values_list("pk", flat=True))
    for post_id in due:
        send(post_id)
    return len(due)
