"""Tiny media made by the tests themselves: a 1-second 64x64 MP4, captions, a one-page PDF."""

from __future__ import annotations

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

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
