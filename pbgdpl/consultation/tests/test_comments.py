"""Commenting on a draft: per-provision links, the period, verification, moderation, bad input, floods."""

from __future__ import annotations

import itertools
import re

from django.core import mail

from pbgdpl.consultation.models import Comment, Moderation, Status
from pbgdpl.consultation.services import consultation_for

from .conftest import make_draft

KEYS = itertools.count()
TEXT = "Đề nghị nâng mức hỗ trợ cho hộ cận nghèo lên 40% vì chi phí thực tế cao hơn dự kiến."


def form_url(document) -> str:
    return f"/gop-y-du-thao/{document.slug}/"


def post(client, document, solved, **overrides):
    data = {"eid": "dieu-3-khoan-2", "text": TEXT, "name": "Trần Văn Góp", "organisation": "",
            "email": "gopy@example.vn", "consent": "on", "website": "",
            "submission_key": f"k-{next(KEYS)}", "altcha": solved()}
    extra = {"REMOTE_ADDR": overrides.pop("REMOTE_ADDR")} if "REMOTE_ADDR" in overrides else {}
    data.update(overrides)
    return client.post(form_url(document), data, **extra)


def verify_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/gop-y-du-thao/xac-nhan/\S+/)", message.body).group(1)


def test_open_draft_page_links_each_provision_to_the_form(client, draft):
    html = client.get(draft.get_absolute_url()).content.decode()
    assert f'href="{form_url(draft)}?eid=dieu-3-khoan-2"' in html
    assert f'href="{form_url(draft)}?eid=dieu-3-khoan-2-diem-a"' in html
    assert "Góp ý toàn bộ dự thảo" in html
    form = client.get(form_url(draft) + "?eid=dieu-3-khoan-2").content.decode()
    assert '<option value="dieu-3-khoan-2" selected>Khoản 2 Điều 3</option>' in form


def test_comment_counts_only_after_the_email_link_and_shows_after_approval(client, draft, solved):
    response = post(client, draft, solved, organisation="Hội Nông dân xã")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.status, comment.provision_label) == (Status.UNVERIFIED, "Khoản 2 Điều 3")
    report = f"/gop-y-du-thao/{draft.slug}/y-kien/"
    assert TEXT not in client.get(report).content.decode()
    assert "gopy@example.vn" in client.get(response.url).content.decode()  # "check your inbox"

    page = client.get(verify_link(mail.outbox[0]))
    assert "sẽ được công bố sau khi cán bộ kiểm duyệt" in page.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert TEXT not in client.get(report).content.decode()  # moderated before it is shown

    comment.status = Status.APPROVED
    comment.save()
    html = client.get(report).content.decode()
    assert TEXT in html and "Trần Văn Góp (Hội Nông dân xã)" in html
    assert "gopy@example.vn" not in html


def test_post_moderated_draft_shows_a_verified_comment_at_once(client, draft, solved):
    consultation = consultation_for(draft)
    consultation.moderation = Moderation.AFTER
    consultation.save()
    post(client, draft, solved)
    assert "hiển thị công khai" in client.get(verify_link(mail.outbox[0])).content.decode()
    assert TEXT in client.get(f"/gop-y-du-thao/{draft.slug}/y-kien/").content.decode()


def test_bad_verification_link_is_refused_clearly(client, draft):
    response = client.get("/gop-y-du-thao/xac-nhan/gia-mao/")
    assert response.status_code == 400
    assert "Liên kết đã hết hạn" in response.content.decode()


def test_closed_draft_refuses_comments_and_offers_the_report(client, db, solved):
    closed = make_draft(opens_days=-30, closes_days=-1)
    assert "?eid=" not in client.get(closed.get_absolute_url()).content.decode()
    response = client.get(form_url(closed))
    assert response.status_code == 403
    assert "Đã hết thời gian lấy ý kiến" in response.content.decode()
    response = post(client, closed, solved)
    assert response.status_code == 403 and not Comment.objects.exists()


def test_unknown_provision_is_refused_with_a_clear_message(client, draft, solved):
    response = client.get(form_url(draft) + "?eid=dieu-9-khoan-1")
    assert response.status_code == 404
    assert "Dự thảo không có điều, khoản, điểm “dieu-9-khoan-1”" in response.content.decode()
    response = post(client, draft, solved, eid="dieu-9-khoan-1")
    html = response.content.decode()
    assert response.status_code == 400 and "Dự thảo không có điều, khoản, điểm" in html
    assert TEXT in html  # what the reader typed is kept
    assert not Comment.objects.exists()


def test_bad_input_keeps_the_text_and_saves_nothing(client, draft, solved):
    response = post(client, draft, solved, email="khong-phai-thu", consent="", altcha="")
    html = response.content.decode()
    assert response.status_code == 400
    for message in ("Địa chỉ thư điện tử không hợp lệ", "Bạn cần đồng ý", "Chưa xác minh được"):
        assert message in html
    # The anti-spam check is named in words in the error summary (the shared public-form field).
    assert 'href="#id_altcha">Xác minh chống thư rác: Chưa xác minh được' in html
    assert TEXT in html and not Comment.objects.exists() and not mail.outbox


def test_comment_flood_from_one_client_is_capped(client, draft, solved, settings):
    settings.CONSULTATION_RATE_LIMIT_HOUR = 3
    codes = [post(client, draft, solved, email=f"nguoi{i}@example.vn").status_code for i in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Comment.objects.count() == 3


def test_one_email_address_is_capped_across_clients(client, draft, solved, settings):
    settings.CONSULTATION_RATE_LIMIT_EMAIL_DAY = 2
    codes = [post(client, draft, solved, REMOTE_ADDR=f"10.0.0.{i}").status_code for i in range(3)]
    assert codes == [302, 302, 429] and Comment.objects.count() == 2


def test_double_submit_makes_one_comment(client, draft, solved):
    key = "same-key"
    post(client, draft, solved, submission_key=key)
    assert post(client, draft, solved, submission_key=key).status_code == 302
    assert Comment.objects.count() == 1 and len(mail.outbox) == 1


def test_personal_data_export_and_erasure_by_email(client, draft, solved):
    from pbgdpl.core import personal_data

    post(client, draft, solved)
    exported = personal_data.export_person(email="GOPY@example.vn")
    assert exported["consultation"][0]["noi_dung"] == TEXT
    assert personal_data.delete_person(email="gopy@example.vn")["consultation"] == 1
    assert not Comment.objects.exists()


def test_demo_loader_fills_the_demo_draft_with_answered_comments(client, db):
    import io

    from pbgdpl.consultation.demo import load_demo_comments

    # The registry's demo draft, as its loader writes it (that loader is tested in legal).
    make_draft(title="Dự thảo Nghị quyết quy định chính sách hỗ trợ tổ hòa giải ở cơ sở", text=(
        "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định chính sách hỗ trợ.\nĐiều 2. Chính sách hỗ trợ\n"
        "1. Hỗ trợ kinh phí mua tài liệu.\n2. Hỗ trợ bồi dưỡng kỹ năng hòa giải."))
    assert load_demo_comments(io.StringIO()) == "3 góp ý dự thảo"
    assert load_demo_comments(io.StringIO()) == "3 góp ý dự thảo"  # idempotent
    draft = Comment.objects.first().consultation.document
    html = client.get(f"/gop-y-du-thao/{draft.slug}/y-kien/").content.decode()
    assert "Khoản 1 Điều 2" in html and "Tiếp thu một phần" in html


def test_daily_job_deletes_comments_never_verified_after_the_set_days(draft, settings, caplog):
    import datetime
    import logging

    from django.utils import timezone

    from pbgdpl.core.periodic import periodic_jobs

    settings.CONSULTATION_UNVERIFIED_DAYS = 10
    consultation = consultation_for(draft)
    old = timezone.now() - datetime.timedelta(days=11)

    def comment(key: str, status: str, created_at) -> Comment:
        made = Comment.objects.create(consultation=consultation, text=TEXT, name="A", email=f"{key}@example.vn",
                                      status=status, submission_key=key)
        Comment.objects.filter(pk=made.pk).update(created_at=created_at)
        return made

    comment("old-unverified", Status.UNVERIFIED, old)
    comment("new-unverified", Status.UNVERIFIED, timezone.now() - datetime.timedelta(days=9))
    comment("old-verified", Status.PENDING, old)
    job = next(job for job in periodic_jobs() if job.name == "consultation-unverified-cleanup")
    with caplog.at_level(logging.INFO, logger="pbgdpl.consultation.services"):
        assert job.task.call() == 1
    assert sorted(Comment.objects.values_list("submission_key", flat=True)) == ["new-unverified", "old-verified"]
    assert "Deleted 1 unverified comment(s)" in caplog.text
