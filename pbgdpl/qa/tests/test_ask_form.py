"""The public "Gửi câu hỏi" form: success, every kind of bad input, CAPTCHA, rate limit, double submit."""

from __future__ import annotations

import itertools
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from pbgdpl.core import captcha
from pbgdpl.qa.models import Question, Status

URL = "/hoi-dap/gui-cau-hoi/"
KEYS = itertools.count()
TEXT = "Tôi cho người quen vay 200 triệu đồng, thỏa thuận lãi 5% một tháng. Lãi như vậy có hợp pháp không?"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.ALTCHA_MAX_NUMBER = 2000  # keep the proof of work cheap in tests
    cache.clear()
    yield
    cache.clear()


def solved(client) -> str:
    challenge = client.get("/xac-minh/thu-thach/").json()
    return captcha.solve_for_tests(challenge)


def form_data(client, **overrides) -> dict:
    data = {
        "name": "Nguyễn Thị Thử Nghiệm",
        "phone": "0912 345 678",
        "email": "thunghiem@example.vn",
        "commune": "",
        "field": "",
        "text": TEXT,
        "publish_anonymously": "on",
        "consent": "on",
        "website": "",
        "submission_key": overrides.pop("key", f"key-{next(KEYS)}"),
        "altcha": solved(client),
    }
    data.update(overrides)
    return data


def errors_of(response) -> list[str]:
    return re.findall(r'class="error-message"[^>]*>([^<]+)<', response.content.decode())


def test_form_page_is_one_accessible_column_with_consent_and_captcha(client, db):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Họ và tên", "Số điện thoại", "Thư điện tử", "Nội dung câu hỏi", "Lĩnh vực pháp luật"):
        assert f">{label}" in html
    assert "chỉ nhằm mục đích trả lời câu hỏi này" in html  # consent states the purpose
    assert "<altcha-widget" in html and "/static/js/altcha.umd.js" in html
    assert "cdn" not in html.lower()
    assert 'name="submission_key"' in html
    assert 'hx-get="/hoi-dap/goi-y/"' in html
    # The communes come from the official 2025 list of the portal's province (Hưng Yên by default).
    assert "Phường Phố Hiến" in html
    # Publishing the question is an explicit opt-in: the box is not ticked.
    box = re.search(r'<input[^>]*name="publish_anonymously"[^>]*>', html).group(0)
    assert "checked" not in box


def test_question_sent_without_ticking_publish_is_not_published(client, db):
    data = form_data(client)
    data.pop("publish_anonymously", None)
    assert client.post(URL, data).status_code == 302
    assert Question.objects.get().publish_anonymously is False


def test_valid_question_is_saved_with_consent_and_private_link(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(client))
    assert response.status_code == 302 and response["Location"] == "/hoi-dap/gui-cau-hoi/da-gui/"
    question = Question.objects.get()
    assert question.status == Status.NEW
    assert question.phone == "0912345678"
    assert question.consent and question.consent_version and question.consent_at
    assert question.publish_anonymously
    page = client.get(response["Location"]).content.decode()
    assert question.tracking_code in page
    link = re.search(r'id="qa-private-link">([^<]+)<', page).group(1)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 22  # ≥ 128 bits, URL-safe base64
    assert token not in question.token_hash  # only a hash is stored
    assert link.startswith("http://testserver/")  # the page's link is on the address the asker is using
    assert question.tracking_code in client.get(link.replace("http://testserver", "")).content.decode()
    # The receipt email carries the tracking code and the private link, on the site's public address.
    assert len(mail.outbox) == 1
    mailed = link.replace("http://testserver", settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    assert question.tracking_code in mail.outbox[0].subject and mailed in mail.outbox[0].body


def test_double_submit_creates_one_question(client, db):
    data = form_data(client)
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "", "Vui lòng nhập nội dung câu hỏi."),
        ("text", "Hỏi về đất.", "quá ngắn (11 ký tự): cần ít nhất 30 ký tự"),
        ("text", "a" * 3001, "quá dài (3001 ký tự): tối đa 3.000 ký tự"),
        ("phone", "12345", "Số điện thoại không hợp lệ"),
        ("email", "ten@", "Địa chỉ thư điện tử không hợp lệ"),
        ("name", "", "Vui lòng nhập họ và tên."),
        ("consent", "", "Bạn cần đồng ý"),
        ("altcha", "", "Chưa xác minh được bạn không phải máy tự động"),
        ("altcha", "eyJmYWtlIjogdHJ1ZX0=", "Chưa xác minh được bạn không phải máy tự động"),
    ],
)
def test_bad_input_says_what_is_wrong_and_keeps_everything_typed(client, db, field, value, message):
    data = form_data(client, **{field: value})
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert any(message in error for error in errors_of(response)), errors_of(response)
    assert "Những gì bạn đã nhập vẫn còn trong biểu mẫu." in html
    # The summary at the top names and links each error to its field.
    summary = html[html.index('id="qa-errors"'):html.index("</ul>", html.index('id="qa-errors"'))]
    assert f'<a href="#id_{field}">' in summary and message in summary
    assert f'id="id_{field}"' in html
    for kept in ("name", "email"):
        if field != kept and data[kept]:
            assert f'value="{data[kept]}"' in html
    if field != "text":
        assert TEXT in html
    assert Question.objects.count() == 0


def test_phone_or_email_is_required(client, db):
    response = client.post(URL, form_data(client, phone="", email=""))
    assert "Vui lòng nhập số điện thoại hoặc thư điện tử" in " ".join(errors_of(response))


def test_a_captcha_solution_serves_one_form_only(client, db):
    payload = solved(client)
    assert client.post(URL, form_data(client, altcha=payload, key="1")).status_code == 302
    replay = client.post(URL, form_data(client, altcha=payload, key="2"))
    assert replay.status_code == 400
    assert Question.objects.count() == 1


def test_captcha_accepts_the_same_form_twice_so_a_double_click_finds_its_question():
    cache.clear()
    payload = captcha.solve_for_tests(captcha.create_challenge())
    assert captcha.verify(payload, owner="form-a")
    assert captcha.verify(payload, owner="form-a")  # the second request of a double click
    assert not captcha.verify(payload, owner="form-b")
    assert not captcha.verify(payload)


def test_rate_limit_blocks_with_a_vietnamese_message_and_keeps_the_text(client, db, settings):
    settings.QA_RATE_LIMIT_HOUR = 2
    for i in range(2):
        assert client.post(URL, form_data(client, key=f"r{i}")).status_code == 302
    response = client.post(URL, form_data(client, key="r3"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn" in html
    assert TEXT in html
    assert Question.objects.count() == 2
    # Another client (another IP) is not affected.
    other = client.post(URL, form_data(client, key="r4"), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_honeypot_stops_bots(client, db):
    response = client.post(URL, form_data(client, website="http://spam.example"))
    assert response.status_code == 400
    assert Question.objects.count() == 0


def _upload(name: str, content: bytes, size: int | None = None):
    data = content + b"\0" * max(0, (size or 0) - len(content))
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (_upload("virus.exe", b"MZ"), "Chỉ nhận tệp PDF, JPG, PNG hoặc DOCX."),
        (_upload("fake.pdf", b"GIF89a"), "Nội dung tệp không khớp với phần mở rộng .pdf (tệp hỏng hoặc bị đổi tên)."),
        (_upload("trang.pdf", b"%PDF-1.4\n<html><script>alert(1)</script>"),
         "Tệp chứa nội dung thực thi (chương trình, HTML, SVG, mã lệnh): không được phép tải lên."),
        (_upload("big.pdf", b"%PDF-1.7", size=5 * 1024 * 1024 + 1), "Tệp quá lớn (tối đa 5 MB)."),
    ],
)
def test_attachment_type_and_size_are_checked(client, db, upload, message):
    response = client.post(URL, {**form_data(client), "attachment": upload})
    assert message in errors_of(response)
    assert "hãy chọn lại tệp" in response.content.decode()


def test_a_real_pdf_is_kept_privately_and_shown_to_staff_only(client, db, settings, tmp_path, roles):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    pdf = SimpleUploadedFile("don-cua-nguyen-van-a.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    assert client.post(URL, {**form_data(client), "attachment": pdf}).status_code == 302
    question = Question.objects.get()
    assert question.attachment.name.endswith(".pdf") and "nguyen-van-a" not in question.attachment.name
    assert (tmp_path / "private" / "qa" / question.attachment.name).exists()
    assert not (tmp_path / "media").exists()  # nothing under the publicly served media root
    url = f"/quan-tri/hoi-dap/{question.pk}/tep-dinh-kem/"
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(roles["editor"])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_live_suggestions_show_published_answers_and_provisions(client, demo_qa):
    response = client.get("/hoi-dap/goi-y/", {"text": "cho vay lai suat bao nhieu thi hop phap"})
    html = response.content.decode()
    assert "Cho vay tiền có được thỏa thuận lãi suất 5%/tháng không?" in html
    assert "/van-ban/91-2015-qh13/#dieu-468" in html
    assert client.get("/hoi-dap/goi-y/", {"text": "ngắn"}).content.strip() == b""
