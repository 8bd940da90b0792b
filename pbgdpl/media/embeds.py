"""YouTube and Facebook videos shown with a click-to-load placeholder (one implementation for the
media app's videos and the news articles' video block).

Until the visitor presses the button nothing is requested from the platform; ``static/media/embed.js``
then inserts the frame. The public CSP ``frame-src`` allows exactly these two frame addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

YOUTUBE_ID = re.compile(r"(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)([A-Za-z0-9_-]{11})")
FACEBOOK_VIDEO = re.compile(r"^https://(?:www\.|m\.)?facebook\.com/[^\s]+/videos/[^\s]+$|^https://fb\.watch/[A-Za-z0-9_-]+/?$")


@dataclass(frozen=True)
class Embed:
    frame_url: str  # loaded only after the click
    platform: str  # "YouTube" or "Facebook", shown in the placeholder's text and button
    page_url: str  # the video on the platform, a plain link that works without JavaScript


def youtube_id(url: str) -> str:
    found = YOUTUBE_ID.search(url or "")
    return found.group(1) if found else ""


def is_facebook_video(url: str) -> bool:
    return bool(FACEBOOK_VIDEO.match(url or ""))


def embed_for(url: str) -> Embed | None:
    """The frame for a YouTube or Facebook video address; ``None`` for any other address."""
    if video_id := youtube_id(url):
        return Embed(f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1", "YouTube", url)
    if is_facebook_video(url):
        return Embed(f"https://www.facebook.com/plugins/video.php?href={quote(url, safe='')}&show_text=false",
                     "Facebook", url)
    return None
