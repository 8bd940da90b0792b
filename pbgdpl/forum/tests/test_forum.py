"""The forum's quality bars: sanitised posts, members-only categories kept private (pages, search,
sitemap, attachments), bans, post floods, moderation with reasons (audited), invitations, mentions
and digests."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from pbgdpl.audit.models import AuditEntry
from pbgdpl.forum import services
from pbgdpl.forum.models import ModerationAction, Post, Thread
from pbgdpl.forum.search_source import ThreadSource


def _thread(user, category, title="Kinh nghiệm sân khấu hóa", text="Nội dung chia sẻ"):
    return services.start_thread(user, category, title, text)


def test_script_in_a_post_never_reaches_the_page(client, categories, members):
    thread = _thread(members["lan"], categories["public"],
                     text="Xin chào <script>alert('x')</script> **đậm** [bấm](javascript:alert(1)) "
                          "<img src=x onerror=alert(2)>")
    page = client.get(thread.get_absolute_url()).content.decode()
    body = re.search(r'<div class="forum-body">(.*?)</div>', page, re.S).group(1)
    assert "<strong>đậm</strong>" in body
    # Shown as harmless text, never as markup: no script element, no javascript: link, no image.
    assert "<script" not in page.split("</header>", 1)[-1].split("<footer", 1)[0].replace('<script src=', '')
    assert "&lt;script&gt;" in body and 'href="javascript' not in body and "<img" not in body


def test_members_only_category_is_not_readable_by_strangers_nor_searchable_nor_in_the_sitemap(
        client, categories, members):
    public = _thread(members["lan"], categories["public"], title="Chủ đề công khai về loa truyền thanh")
    private = _thread(members["minh"], categories["private"], title="Vụ việc lối đi chung nội bộ")
    assert client.get(public.get_absolute_url()).status_code == 200
    for url in (private.get_absolute_url(), categories["private"].get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 302 and "/dien-dan/dang-nhap/" in response["Location"]
    assert "Nội bộ hòa giải" not in client.get("/dien-dan/").content.decode()
    assert ThreadSource().entries_for(private.pk) == [] and ThreadSource().entries_for(public.pk)
    assert list(ThreadSource().all_pks()) == [public.pk]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/dien-dan/chu-de/{public.pk}/" in sitemap and f"/dien-dan/chu-de/{private.pk}/" not in sitemap
    # A member reads it, and the page is marked private so no cache keeps it.
    client.force_login(members["lan"])
    member_view = client.get(private.get_absolute_url())
    assert member_view.status_code == 200 and "private" in member_view["Cache-Control"]


def test_attachment_is_checked_and_members_only_files_stay_private(client, categories, members, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    client.force_login(members["lan"])
    fake = SimpleUploadedFile("bao-cao.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    refused = client.post(f"{categories['private'].get_absolute_url()}chu-de-moi/",
                          {"title": "Báo cáo quý", "source": "Gửi kèm báo cáo", "attachment": fake})
    assert refused.status_code == 400 and not Thread.objects.exists()
    assert "Gửi kèm báo cáo" in refused.content.decode()
    pdf = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf")
    client.post(f"{categories['private'].get_absolute_url()}chu-de-moi/",
                {"title": "Báo cáo quý", "source": "Gửi kèm báo cáo", "attachment": pdf})
    post = Post.objects.get()
    assert str(tmp_path) in post.attachment.path
    assert client.get(f"/dien-dan/bai/{post.pk}/tep/").status_code == 200
    client.logout()
    assert client.get(f"/dien-dan/bai/{post.pk}/tep/").status_code == 302


def test_banned_member_cannot_post_and_the_ban_is_audited_with_its_reason(client, categories, members, moderator):
    thread = _thread(members["lan"], categories["public"])
    post = Post.objects.create(thread=thread, author=members["minh"], source="Quảng cáo", html="<p>Quảng cáo</p>")
    client.force_login(moderator)
    no_reason = client.post(f"/dien-dan/dieu-hanh/bai/{post.pk}/", {"action": "ban", "reason": ""})
    assert no_reason.status_code == 400 and not ModerationAction.objects.exists()
    client.post(f"/dien-dan/dieu-hanh/bai/{post.pk}/", {"action": "ban", "reason": "Đăng quảng cáo nhiều lần"})
    client.post(f"/dien-dan/dieu-hanh/bai/{post.pk}/", {"action": "hide", "reason": "Quảng cáo"})
    assert ModerationAction.objects.filter(kind="ban", reason="Đăng quảng cáo nhiều lần").exists()
    assert AuditEntry.objects.filter(model="forum.moderationaction", username="dieuhanh").count() == 2
    assert "Đã ẩn" in client.get(thread.get_absolute_url()).content.decode()  # moderators still see it, marked
    client.force_login(members["minh"])
    refused = client.post(f"/dien-dan/chu-de/{thread.pk}/tra-loi/", {"source": "Bài mới của tôi"})
    assert refused.status_code == 403 and "bị cấm đăng bài" in refused.content.decode()
    assert "Bài mới của tôi" in refused.content.decode()  # what was typed is kept
    assert thread.posts.count() == 2
    client.logout()
    assert "Quảng cáo" not in client.get(thread.get_absolute_url()).content.decode()


def test_post_flood_is_capped(client, categories, members, settings):
    settings.FORUM_POSTS_PER_10_MINUTES = 3
    thread = _thread(members["lan"], categories["public"])  # the first post counts
    client.force_login(members["lan"])
    codes = [client.post(f"/dien-dan/chu-de/{thread.pk}/tra-loi/", {"source": f"Trả lời {i}"}).status_code
             for i in range(4)]
    assert codes == [302, 302, 403, 403]
    assert thread.posts.count() == 3


def test_moderator_locks_and_moves_a_thread(client, categories, members, moderator):
    thread = _thread(members["lan"], categories["public"])
    client.force_login(moderator)
    client.post(f"/dien-dan/dieu-hanh/chu-de/{thread.pk}/", {"action": "lock", "reason": "Đã đủ ý kiến"})
    client.post(f"/dien-dan/dieu-hanh/chu-de/{thread.pk}/",
                {"action": "move", "reason": "Vụ việc cụ thể", "category": categories["private"].pk})
    thread.refresh_from_db()
    assert thread.locked and thread.category == categories["private"]
    assert ThreadSource().entries_for(thread.pk) == []  # moved out of public view: out of the index
    client.force_login(members["minh"])
    assert client.post(f"/dien-dan/chu-de/{thread.pk}/tra-loi/", {"source": "Thêm ý"}).status_code == 403
    # Members are not moderators.
    assert client.post(f"/dien-dan/dieu-hanh/chu-de/{thread.pk}/", {"action": "unlock", "reason": "x"}).status_code == 404


def test_invitation_is_signed_single_use_and_gives_no_admin_access(client, db, settings):
    link = services.invite("moi@example.vn")
    path = "/" + link.split("/", 3)[3]
    tampered = client.get(path[:-3] + "xyz/")
    assert tampered.status_code == 400 and "không đúng" in tampered.content.decode()
    weak = client.post(path, {"full_name": "Phạm Thu", "username": "thu.pham", "password1": "123",
                              "password2": "123"})
    assert weak.status_code == 400 and "Phạm Thu" in weak.content.decode()
    done = client.post(path, {"full_name": "Phạm Thu", "username": "thu.pham", "password1": "dieu-hoa-xanh-2026",
                              "password2": "dieu-hoa-xanh-2026"})
    assert done.status_code == 302
    # The admin's user form shows "Họ và tên đệm" Phạm and "Tên" Thu; every screen names her "Phạm Thu".
    member = get_user_model().objects.get(username="thu.pham")
    assert (member.first_name, member.last_name) == ("Phạm", "Thu") and member.get_full_name() == "Phạm Thu"
    again = client.get(path)
    assert again.status_code == 400 and "đã được dùng" in again.content.decode()
    assert client.post("/dien-dan/dang-nhap/", {"username": "thu.pham", "password": "dieu-hoa-xanh-2026"}).status_code == 302
    assert client.get("/quan-tri/").status_code == 302  # to the admin login: members have no admin access
    settings.FORUM_INVITATION_DAYS = 0
    expired = client.get("/" + services.invite("tre@example.vn").split("/", 3)[3])
    assert "hết hạn" in expired.content.decode() or "không đúng" in expired.content.decode()


def test_mentions_and_digests_reach_members_who_can_read(categories, members, django_capture_on_commit_callbacks):
    thread = _thread(members["lan"], categories["private"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(members["lan"], thread, "Nhờ @minh cho ý kiến, cả @khongtontai nữa")
    assert [m.to for m in mail.outbox] == [["minh@example.vn"]] and thread.get_absolute_url() in mail.outbox[0].body
    services.toggle_subscription(members["minh"], thread=thread)
    mail.outbox.clear()
    services.reply(members["lan"], thread, "Cập nhật mới cho chủ đề")
    assert services.send_digests() == 1 and thread.title in mail.outbox[0].body
    assert services.send_digests() == 0  # nothing new since the last digest
