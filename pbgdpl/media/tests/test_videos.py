"""Videos: processed for phones in the background, captions required for speech, embeds load on click."""

from __future__ import annotations

import re

import pytest

from pbgdpl.audit.models import AuditEntry
from pbgdpl.media.models import Processing, Video

from .conftest import VTT, upload

pytestmark = pytest.mark.django_db
NEW = "/quan-tri/video/new/"


def _data(**extra):
    return {"title": "Tiểu phẩm: Mua bán đất bằng giấy viết tay", "description": "", "source": "tep",
            "external_url": "", "has_speech": "on", "captions_override_reason": "", **extra}


def test_upload_with_captions_is_made_fit_for_phones_and_published(
        editor_client, tiny_mp4, django_capture_on_commit_callbacks, client):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(NEW, _data(live="on", original=upload("clip.mp4", tiny_mp4),
                                                 captions=upload("vi.vtt", VTT.encode())))
    assert response.status_code == 302
    video = Video.objects.get()
    assert video.processing == Processing.DONE and video.duration_seconds == 1
    assert video.poster.read(3) == b"\xff\xd8\xff" and video.mp4.read(8)[4:8] == b"ftyp"
    assert "công chứng" in video.caption_text
    html = client.get(video.get_absolute_url()).content.decode()
    assert '<track kind="captions" srclang="vi"' in html and "công chứng" in html
    assert client.get(f"/video/{video.pk}/phu-de.vtt")["Content-Type"].startswith("text/vtt")
    # Phones and Safari play only from a server that answers byte ranges: the phone version and the original.
    phone = video.mp4.open("rb").read()
    assert f'src="/video/{video.pk}/video.mp4"' in html
    probe = client.get(f"/video/{video.pk}/video.mp4", HTTP_RANGE="bytes=0-1")
    assert probe.status_code == 206 and probe["Content-Range"] == f"bytes 0-1/{len(phone)}" and probe.content == phone[:2]
    whole = client.get(f"/video/{video.pk}/video.mp4")
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes" and whole["Content-Length"] == str(len(phone))
    original = client.get(video.original_url, HTTP_RANGE="bytes=-100")
    assert original.status_code == 206 and original.content == tiny_mp4[-100:]
    assert client.get(f"/video/{video.pk}/video.mp4", HTTP_RANGE=f"bytes={len(phone)}-").status_code == 416
    programme = client.get("/tinh-huong-phap-luat/chuong-trinh-nghe-nhin/").content.decode()
    assert video.title in programme and f'alt="Hình ảnh trong video {video.title}"' in programme


def test_speech_without_captions_needs_an_override_with_a_reason_which_is_audited(editor_client, tiny_mp4):
    response = editor_client.post(NEW, _data(live="on", original=upload("clip.mp4", tiny_mp4)))
    assert "chưa có phụ đề" in response.content.decode() and not Video.objects.exists()
    response = editor_client.post(NEW, _data(live="on", captions_override="on", original=upload("clip.mp4", tiny_mp4)))
    assert "Hãy ghi lý do" in response.content.decode() and not Video.objects.exists()
    response = editor_client.post(NEW, _data(live="on", captions_override="on", original=upload("clip.mp4", tiny_mp4),
                                             captions_override_reason="Video chỉ có nhạc nền, lời thoại rất ngắn"))
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_repr__startswith="Công khai không phụ đề")
    assert entry.username == "bientap" and "nhạc nền" in entry.object_repr


def test_a_document_renamed_to_mp4_is_refused(editor_client, tiny_pdf):
    response = editor_client.post(NEW, _data(original=upload("clip.mp4", tiny_pdf)))
    assert "không phải video MP4 hoặc WebM" in response.content.decode() and not Video.objects.exists()


def test_an_mp4_named_webm_is_refused_with_what_it_really_is(editor_client, tiny_mp4):
    response = editor_client.post(NEW, _data(original=upload("clip.webm", tiny_mp4)))
    assert "Nội dung tệp không khớp với phần mở rộng .webm: tệp là video MP4" in response.content.decode()
    assert not Video.objects.exists()


def test_youtube_video_makes_no_third_party_request_before_the_click(client):
    video = Video.objects.create(title="Phỏng vấn luật sư", source="youtube", has_speech=False, live=True,
                                 external_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", processing=Processing.DONE)
    html = client.get(video.get_absolute_url()).content.decode()
    sources = re.findall(r'\b(?:src|href|poster)="([^"]+)"', html)
    assert not [url for url in sources if "youtube" in url and "watch?v=" not in url]  # only the plain link
    assert "<iframe" not in html and 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
