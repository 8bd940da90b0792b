"""Videos and captions are judged by their content (core.uploads), never by their name."""

from __future__ import annotations

import subprocess

import pytest
from django.core.exceptions import ValidationError

from pbgdpl.core.uploads import caption_text, validate_video, validate_webvtt

from .conftest import VTT, upload


def test_a_real_mp4_passes_and_a_renamed_or_cut_one_is_refused(tiny_mp4, tiny_pdf):
    assert validate_video(upload("clip.MP4", tiny_mp4)) == "mp4"
    with pytest.raises(ValidationError, match="không phải video MP4 hoặc WebM"):
        validate_video(upload("to-gap.mp4", tiny_pdf))
    with pytest.raises(ValidationError, match="bị hỏng"):
        validate_video(upload("cut.mp4", tiny_mp4[:600]))
    with pytest.raises(ValidationError, match="quá lớn"):
        validate_video(upload("clip.mp4", tiny_mp4), max_bytes=len(tiny_mp4) - 1)


def test_a_video_must_be_what_its_extension_says(tiny_mp4, tmp_path):
    with pytest.raises(ValidationError, match=r"không khớp với phần mở rộng \.webm: tệp là video MP4"):
        validate_video(upload("clip.webm", tiny_mp4))
    with pytest.raises(ValidationError, match=r"Chỉ nhận tệp video \.mp4 hoặc \.webm"):
        validate_video(upload("clip.bin", tiny_mp4))
    # ffprobe calls Matroska and WebM alike: an H.264 .mkv renamed .webm is no WebM a browser plays.
    webm, mkv = tmp_path / "clip.webm", tmp_path / "clip.mkv"
    for path, codec, container in ((webm, "libvpx", "webm"), (mkv, "libx264", "matroska")):
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10",
                        "-t", "1", "-c:v", codec, "-f", container, str(path)], check=True, timeout=60)
    assert validate_video(upload("clip.webm", webm.read_bytes())) == "webm"
    with pytest.raises(ValidationError, match="không phải video MP4 hay WebM mà trình duyệt phát được"):
        validate_video(upload("clip.webm", mkv.read_bytes()))
    with pytest.raises(ValidationError, match=r"phần mở rộng \.mp4: tệp là video WebM"):
        validate_video(upload("clip.mp4", webm.read_bytes()))


def test_captions_must_be_webvtt_and_their_words_are_kept_for_search():
    assert validate_webvtt(upload("vi.vtt", VTT.encode()))
    srt = "1\n00:00:00,000 --> 00:00:01,000\nXin chào\n"
    for bad in (srt.encode(), "WEBVTT\n\nkhông có mốc thời gian\n".encode(), b"\xff\xfe\x00W"):
        with pytest.raises(ValidationError):
            validate_webvtt(upload("vi.vtt", bad))
    assert caption_text(VTT) == "Hợp đồng chuyển nhượng phải được công chứng."
