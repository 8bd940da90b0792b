"""Tiny media made by the tests themselves: a 1-second 64x64 MP4, captions, a one-page PDF."""

from __future__ import annotations

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.tests.utils import get_test_image_file

VTT = "WEBVTT\n\n1\n00:00.000 --> 00:01.000\nHợp đồng chuyển nhượng phải được công chứng.\n"


@pytest.fixture(scope="session")
def tiny_mp4(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("media") / "clip.mp4"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000", "-t", "1", "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
                   check=True, timeout=60)
    return path.read_bytes()


@pytest.fixture(scope="session")
def tiny_pdf(tmp_path_factory) -> bytes:
    from pbgdpl.media.demo_files import material_file

    item = {"title": "Tờ gấp Luật Đất đai", "format": "pdf", "issuer": "Sở Tư pháp", "year": 2025,
            "body": ["Người sử dụng đất được cấp Giấy chứng nhận quyền sử dụng đất khi đủ điều kiện."]}
    return material_file(tmp_path_factory.mktemp("pdf"), 1, item).read_bytes()


@pytest.fixture
def published(tiny_pdf, db):
    """One public item of each kind: a processed PDF material, an infographic, a YouTube video, a course of two
    lessons (the first shows the video, the second the material as slides)."""
    from django.core.files.base import ContentFile
    from wagtail.images.models import Image

    from pbgdpl.media.models import Course, Infographic, Lesson, Material, Processing, Video
    from pbgdpl.media.processing import process_material
    from pbgdpl.media.services import run_processing

    material = Material(title="Tờ gấp đất đai", kind="to-gap", year=2025, issuer="Sở Tư pháp", live=True)
    material.file.save("to-gap.pdf", ContentFile(tiny_pdf), save=False)
    material.save()
    run_processing(Material, material.pk, process_material)
    image = Image.objects.create(title="tranh chap", file=get_test_image_file(size=(640, 900)))
    infographic = Infographic.objects.create(title="5 bước giải quyết tranh chấp đất đai", image=image, live=True,
                                             alt_text="Sơ đồ năm bước hòa giải và khởi kiện",
                                             long_description="Bước 1: tự hòa giải. Bước 2: hòa giải tại xã.")
    video = Video.objects.create(title="Nghỉ phép năm", source="youtube", has_speech=False, live=True,
                                 external_url="https://youtu.be/dQw4w9WgXcQ", processing=Processing.DONE)
    course = Course.objects.create(title="Pháp luật lao động", slug="lao-dong", live=True)
    Lesson.objects.create(course=course, sort_order=0, title="Hợp đồng", text="Hợp đồng bằng văn bản.", video=video)
    Lesson.objects.create(course=course, sort_order=1, title="Nghỉ phép", slides=Material.objects.get())
    return {"material": Material.objects.get(), "infographic": infographic, "video": video, "course": course}


@pytest.fixture
def editor_client(client, db):
    """An editor (the "Biên tập viên" role with its real grants) logged in to the admin."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from pbgdpl.accounts.services import ensure_editorial_setup

    ensure_editorial_setup()
    user = get_user_model().objects.create_user("bientap", "bt@example.vn", "matkhau-dai-123")
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(user)
    client.user = user
    return client


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
