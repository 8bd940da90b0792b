"""Writes of the forum: threads and replies (rate-limited, sanitised), mentions, subscriptions,
moderation decisions and invitations.

Every public change calls ``mark_changed`` so the search index follows (the search source itself
returns nothing for members-only categories or hidden content).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pbgdpl.accounts.roles import FORUM_MEMBER
from pbgdpl.core import people, ratelimit
from pbgdpl.core.site_address import absolute_url
from pbgdpl.search.services import mark_changed

from . import access, markup
from .models import Ban, Category, Invitation, ModerationAction, Post, Subscription, Thread

log = logging.getLogger(__name__)
SOURCE = "forum.Thread"
INVITATION_SALT = "pbgdpl.forum.invitation"
POST_WINDOWS = (("10m", 600, "FORUM_POSTS_PER_10_MINUTES"), ("day", 86400, "FORUM_POSTS_PER_DAY"))


class ForumError(Exception):
    """Something the member or moderator cannot do now; the message is Vietnamese and shown."""


def _check_can_post(user, category: Category, thread: Thread | None = None) -> None:
    if not access.is_member(user):
        raise ForumError("Chỉ thành viên diễn đàn mới được đăng bài.")
    if access.is_banned(user):
        raise ForumError("Tài khoản của bạn đang bị cấm đăng bài trên diễn đàn.")
    if thread is not None and thread.locked and not access.is_moderator(user):
        raise ForumError("Chủ đề đã bị khóa, không thể trả lời thêm.")
    keys = [(f"forum-post:{name}:{user.pk}", seconds, getattr(settings, setting))
            for name, seconds, setting in POST_WINDOWS]
    if any(ratelimit.count(key) >= limit for key, _seconds, limit in keys):
        raise ForumError("Bạn đăng quá nhiều bài trong thời gian ngắn. Vui lòng thử lại sau ít phút; "
                         "nội dung bạn viết vẫn còn trong ô soạn thảo.")
    for key, seconds, _limit in keys:
        ratelimit.hit(key, seconds)


def _new_post(thread: Thread, user, source: str, attachment=None) -> Post:
    post = Post(thread=thread, author=user, source=source, html=markup.render(source))
    if attachment:
        post.attachment = attachment
        post.attachment_name = attachment.name[-120:]
    post.save()
    thread.last_post_at = post.created_at
    thread.save(update_fields=["last_post_at"])
    mark_changed(SOURCE, thread.pk)
    transaction.on_commit(lambda: _notify_mentions(post))
    return post


@transaction.atomic
def start_thread(user, category: Category, title: str, source: str, attachment=None) -> Thread:
    _check_can_post(user, category)
    thread = Thread.objects.create(category=category, title=title.strip(), author=user)
    _new_post(thread, user, source, attachment)
    Subscription.objects.get_or_create(user=user, thread=thread)
    return thread


@transaction.atomic
def reply(user, thread: Thread, source: str, attachment=None) -> Post:
    _check_can_post(user, thread.category, thread)
    if thread.hidden:
        raise ForumError("Chủ đề này đã bị ẩn.")
    return _new_post(thread, user, source, attachment)


def _notify_mentions(post: Post) -> None:
    """E-mail each mentioned member who can read the category (never someone outside it)."""
    from .tasks import send_email

    names = markup.mentioned_usernames(post.source)
    if not names:
        return
    users = get_user_model().objects.filter(username__in=names, is_active=True).exclude(pk=post.author_id)
    url = absolute_url(post.thread.get_absolute_url() + f"#bai-{post.pk}")
    author = people.full_name(post.author) or "Một thành viên"
    for user in users:
        if user.email and access.can_read(user, post.thread.category) and access.is_member(user):
            send_email.enqueue(user.email, f"[Diễn đàn] {author} nhắc đến bạn",
                               f"{author} nhắc đến bạn trong chủ đề “{post.thread.title}”:\n{url}")


def toggle_subscription(user, *, thread: Thread | None = None, category: Category | None = None) -> bool:
    """Follow or stop following; returns whether the member now follows."""
    found = Subscription.objects.filter(user=user, thread=thread, category=category)
    if found.exists():
        found.delete()
        return False
    Subscription.objects.create(user=user, thread=thread, category=category)
    return True


def send_digests(now=None) -> int:
    """One e-mail per member listing the new visible posts in what they follow since the last digest."""
    from django.core.mail import send_mail

    now = now or timezone.now()
    sent = 0
    by_user: dict[int, list[Subscription]] = {}
    for sub in Subscription.objects.select_related("user", "thread__category", "category"):
        by_user.setdefault(sub.user_id, []).append(sub)
    for subs in by_user.values():
        user = subs[0].user
        lines = []
        for sub in subs:
            posts = Post.objects.filter(hidden=False, thread__hidden=False, created_at__gt=sub.since,
                                        created_at__lte=now).exclude(author=user).select_related("thread__category")
            posts = posts.filter(thread=sub.thread) if sub.thread_id else posts.filter(thread__category=sub.category)
            for post in posts:
                if access.can_read(user, post.thread.category):
                    lines.append(f"- {post.thread.title}: {absolute_url(post.thread.get_absolute_url())}#bai-{post.pk}")
        Subscription.objects.filter(pk__in=[s.pk for s in subs]).update(since=now)
        if lines and user.email and user.is_active:
            send_mail("[Diễn đàn] Bài mới trong các chủ đề bạn theo dõi",
                      "Bài mới từ lần tổng hợp trước:\n" + "\n".join(dict.fromkeys(lines)), None, [user.email])
            sent += 1
    return sent


def _record(moderator, kind: str, target, reason: str) -> None:
    if not access.is_moderator(moderator):
        raise ForumError("Bạn không có quyền điều hành diễn đàn.")
    if not reason.strip():
        raise ForumError("Hãy ghi lý do cho quyết định này.")
    ModerationAction.objects.create(moderator=moderator, kind=kind, target=str(target)[:250], reason=reason.strip())


@transaction.atomic
def set_post_hidden(moderator, post: Post, hidden: bool, reason: str) -> None:
    _record(moderator, ModerationAction.Kind.HIDE if hidden else ModerationAction.Kind.UNHIDE, post, reason)
    post.hidden = hidden
    post.save(update_fields=["hidden"])
    mark_changed(SOURCE, post.thread_id)


@transaction.atomic
def set_thread_hidden(moderator, thread: Thread, hidden: bool, reason: str) -> None:
    _record(moderator, ModerationAction.Kind.HIDE if hidden else ModerationAction.Kind.UNHIDE, thread, reason)
    thread.hidden = hidden
    thread.save(update_fields=["hidden"])
    mark_changed(SOURCE, thread.pk)


@transaction.atomic
def set_locked(moderator, thread: Thread, locked: bool, reason: str) -> None:
    _record(moderator, ModerationAction.Kind.LOCK if locked else ModerationAction.Kind.UNLOCK, thread, reason)
    thread.locked = locked
    thread.save(update_fields=["locked"])


@transaction.atomic
def move(moderator, thread: Thread, category: Category, reason: str) -> None:
    _record(moderator, ModerationAction.Kind.MOVE, f"{thread} → {category}", reason)
    thread.category = category
    thread.save(update_fields=["category"])
    mark_changed(SOURCE, thread.pk)


@transaction.atomic
def ban(moderator, user, reason: str, until=None) -> None:
    if access.is_moderator(user):
        raise ForumError("Không thể cấm một người điều hành diễn đàn.")
    _record(moderator, ModerationAction.Kind.BAN, user.get_username(), reason)
    Ban.objects.update_or_create(user=user, defaults={"reason": reason.strip(), "until": until,
                                                      "created_at": timezone.now()})


@transaction.atomic
def unban(moderator, user, reason: str) -> None:
    _record(moderator, ModerationAction.Kind.UNBAN, user.get_username(), reason)
    Ban.objects.filter(user=user).delete()


def member_group() -> Group:
    return Group.objects.get_or_create(name=FORUM_MEMBER)[0]


def invite(email: str, invited_by=None) -> str:
    """Create an invitation and e-mail its signed link; returns the link."""
    from .tasks import send_email

    invitation = Invitation.objects.create(email=email.strip(), invited_by=invited_by)
    token = signing.dumps({"i": invitation.pk}, salt=INVITATION_SALT)
    url = absolute_url(reverse("forum:accept", kwargs={"token": token}))
    body = (f"Sở Tư pháp mời bạn tham gia Diễn đàn trao đổi nghiệp vụ phổ biến, giáo dục pháp luật.\n"
            f"Mở đường dẫn sau trong {settings.FORUM_INVITATION_DAYS} ngày để đặt mật khẩu (dùng được một lần):\n{url}")
    transaction.on_commit(lambda: send_email.enqueue(invitation.email, "Lời mời tham gia diễn đàn", body))
    return url


def open_invitation(token: str) -> Invitation:
    """The unused invitation behind a signed link, or ForumError with the reason in Vietnamese."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=settings.FORUM_INVITATION_DAYS * 86400)
    except signing.SignatureExpired:
        raise ForumError("Lời mời đã hết hạn. Hãy đề nghị Sở Tư pháp gửi lời mời mới.") from None
    except signing.BadSignature:
        raise ForumError("Đường dẫn lời mời không đúng.") from None
    invitation = Invitation.objects.filter(pk=data.get("i")).first()
    if invitation is None or invitation.used_at:
        raise ForumError("Lời mời này đã được dùng. Hãy đăng nhập bằng tài khoản đã tạo.")
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, *, username: str, full_name: str, password: str):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at:
        raise ForumError("Lời mời này đã được dùng.")
    first, last = people.split_full_name(full_name)
    user = get_user_model().objects.create_user(username=username, email=invitation.email, password=password,
                                                first_name=first, last_name=last)
    user.groups.add(member_group())
    invitation.used_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["used_at", "user"])
    return user


def create_member(*, username: str, email: str, full_name: str, password: str | None = None):
    """An account the department creates directly (demo loader, admin)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"email": email})
    if created:
        user.first_name, user.last_name = people.split_full_name(full_name)
        user.set_password(password) if password else user.set_unusable_password()
        user.save()
    user.groups.add(member_group())
    return user
