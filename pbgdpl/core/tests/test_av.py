import subprocess

import pytest

from pbgdpl.core.av import MediaFileError, probe


def test_probe_reads_an_audio_file_and_refuses_a_renamed_text_file(tmp_path):
    audio = tmp_path / "tap-1.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=duration=1", str(audio)], check=True)
    info = probe(audio)
    assert info.has_audio and not info.has_video
    assert 0.9 < info.duration_seconds < 1.2

    fake = tmp_path / "video.mp4"
    fake.write_text("Đây không phải video")
    with pytest.raises(MediaFileError):
        probe(fake)
