"""Videos and captions are judged by their content (core.uploads), never by their name."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from pbgdpl.core.uploads import caption_text, validate_video, validate_webvtt

from .conftest import VTT, upload


def test_a_real_mp4_passes_and_a_renamed_or_cut_one_is_refused(tiny_mp4, tiny_pdf):
    assert validate_video(upload("clip.bin", tiny_mp4)) == "mp4"  # the name does not matter
    with pytest.raises(ValidationError, match="không phải video MP4 hoặc WebM"):
        validate_video(upload("to-gap.mp4", tiny_pdf))
    with pytest.raises(ValidationError, match="bị hỏng"):
        validate_video(upload("cut.mp4", tiny_mp4[:600]))
    with pytest.raises(ValidationError, match="quá lớn"):
        validate_video(upload("clip.mp4", tiny_mp4), max_bytes=len(tiny_mp4) - 1)


def test_captions_must_be_webvtt_and_their_words_are_kept_for_search():
    assert validate_webvtt(upload("vi.vtt", VTT.encode()))
    srt = "1\n00:00:00,000 --> 00:00:01,000\nXin chào\n"
    for bad in (srt.encode(), "WEBVTT\n\nkhông có mốc thời gian\n".encode(), b"\xff\xfe\x00W"):
        with pytest.raises(ValidationError):
            validate_webvtt(upload("vi.vtt", bad))
    assert caption_text(VTT) == "Hợp đồng chuyển nhượng phải được công chứng."
