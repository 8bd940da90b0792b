"""Reading audio and video files with Debian's ffprobe: one place for the media apps' calls to it.

Content is judged by what ffprobe finds in the file, never by its extension or the browser's
declared type, so a renamed or corrupt file is refused before anything is published.
"""

from __future__ import annotations

import json
import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
PROBE_TIMEOUT_SECONDS = 30


class MediaFileError(ValueError):
    """The file is not a readable audio or video file."""


@dataclass(frozen=True)
class MediaInfo:
    format_names: tuple[str, ...]  # ffprobe's container names, e.g. ("mov", "mp4", "m4a", …)
    duration_seconds: float
    has_video: bool
    has_audio: bool
    width: int = 0
    height: int = 0
    video_codec: str = ""
    audio_codec: str = ""


def probe(path: str | Path) -> MediaInfo:
    """Describe a media file; raise MediaFileError when ffprobe cannot read it."""
    command = ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", str(path)]
    try:
        result = subprocess.run(command, capture_output=True, timeout=PROBE_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("ffprobe failed on %s: %s", path, exc)
        raise MediaFileError("ffprobe could not run") from exc
    if result.returncode != 0:
        raise MediaFileError(result.stderr.decode(errors="replace")[:500] or "unreadable media file")
    try:
        data = json.loads(result.stdout)
    except ValueError as exc:
        raise MediaFileError("ffprobe printed no JSON") from exc
    streams = data.get("streams") or []
    video = next((s for s in streams if s.get("codec_type") == "video"
                  and not (s.get("disposition") or {}).get("attached_pic")), None)
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    if video is None and audio is None:
        raise MediaFileError("no audio or video stream")
    fmt = data.get("format") or {}
    try:
        duration = float(fmt.get("duration") or (video or audio).get("duration") or 0)
    except (TypeError, ValueError):
        duration = 0.0
    return MediaInfo(
        format_names=tuple(str(fmt.get("format_name", "")).split(",")),
        duration_seconds=duration,
        has_video=video is not None,
        has_audio=audio is not None,
        width=int((video or {}).get("width") or 0),
        height=int((video or {}).get("height") or 0),
        video_codec=str((video or {}).get("codec_name", "")),
        audio_codec=str((audio or {}).get("codec_name", "")),
    )


AUDIO_FORMATS = {"mp3": "mp3", "ogg": "ogg", "mov": "m4a", "mp4": "m4a", "m4a": "m4a"}


def audio_format(info: MediaInfo) -> str | None:
    """The audio file kind ("mp3", "m4a", "ogg") of a probed file with sound and no picture, else None."""
    if info.has_video or not info.has_audio:
        return None
    for name in info.format_names:
        if name in AUDIO_FORMATS:
            return AUDIO_FORMATS[name]
    return None
FFMPEG_TIMEOUT_SECONDS = 600
#: Phones get at most this width; the height follows the picture's shape (even, as H.264 needs).
PHONE_MAX_WIDTH = 640


def _ffmpeg(arguments: list[str], timeout: int = FFMPEG_TIMEOUT_SECONDS) -> None:
    command = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *arguments]
    try:
        result = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("ffmpeg failed: %s", exc)
        raise MediaFileError("ffmpeg could not run") from exc
    if result.returncode != 0:
        raise MediaFileError(result.stderr.decode(errors="replace")[:500] or "ffmpeg failed")


def poster(source: str | Path, target: str | Path, *, at_seconds: float = 1.0, width: int = PHONE_MAX_WIDTH) -> None:
    """Write one JPEG frame of the video (at ``at_seconds``, or the first frame of a shorter clip)."""
    _ffmpeg(["-ss", f"{max(at_seconds, 0):.2f}", "-i", str(source), "-frames:v", "1",
             "-vf", f"scale='min({width},iw)':-2", "-q:v", "4", str(target)])
    if not Path(target).exists() or Path(target).stat().st_size == 0:
        raise MediaFileError("no frame could be read")


def transcode_for_phones(source: str | Path, target: str | Path, *, max_width: int = PHONE_MAX_WIDTH) -> None:
    """Write an H.264/AAC MP4 at most ``max_width`` wide with the index first (plays while loading)."""
    _ffmpeg(["-i", str(source), "-map", "0:v:0", "-map", "0:a:0?",
             "-vf", f"scale='min({max_width},iw)':-2", "-c:v", "libx264", "-preset", "veryfast", "-crf", "26",
             "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", str(target)])


# ffprobe names Matroska and WebM alike ("matroska,webm"): a WebM is that container with the codecs
# browsers play from it, so an H.264 .mkv renamed .webm is not one.
WEBM_VIDEO_CODECS = frozenset({"vp8", "vp9", "av1"})


def video_format(info: MediaInfo) -> str | None:
    """The video file kind ("mp4", "webm") of a probed file with a picture, else None."""
    if not info.has_video:
        return None
    if "mp4" in info.format_names:
        return "mp4"
    if "webm" in info.format_names and info.video_codec in WEBM_VIDEO_CODECS:
        return "webm"
    return None

