"""Read queries other parts of the site use: the programme listing and the photo gallery."""

from __future__ import annotations

from django.urls import reverse

from .models import Infographic, Video
from .programme import ProgrammeItem


def latest_videos(limit: int) -> list[ProgrammeItem]:
    rows = Video.objects.published().order_by("-created_at")[:limit]
    return [
        ProgrammeItem(
            title=video.title, url=video.get_absolute_url(), kind="video", date=video.created_at.date(),
            image_url=reverse("media:video_file", args=[video.pk, "anh.jpg"]) if video.poster else "",
            image_alt=f"Hình ảnh trong video {video.title}", duration_label=video.duration_label,
            summary=video.description,
        )
        for video in rows
    ]


def gallery_infographics(limit: int = 24) -> list[Infographic]:
    """Published infographics for the "Thư viện hình ảnh" page (news.GalleryPage); the cached page is
    purged when one changes (registered in apps.py)."""
    from pbgdpl.core.pagecache import record_list

    record_list(Infographic)
    return list(Infographic.objects.published().select_related("image").order_by("-created_at")[:limit])
