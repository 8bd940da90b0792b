"""Videos (/video/…), infographics (/infographic/…) and the "Chương trình nghe nhìn" listing."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_safe

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.pagecache import list_tag, record
from pbgdpl.core.pagecache.deps import depends_on
from pbgdpl.core.ranged_files import ranged_field_file_response
from pbgdpl.core.text import vietnamese_slug

from ..models import Infographic, Video
from ..programme import programme, programme_kinds
from .common import filter_words, paginate, section_page, serve_file

PROGRAMME_PATH = "/tinh-huong-phap-luat/chuong-trinh-nghe-nhin/"
SITUATIONS = ("Tình huống pháp luật", "/tinh-huong-phap-luat/")


@require_GET
def programme_index(request: HttpRequest) -> HttpResponse:
    """Videos and other apps' audio, newest first, with the section page's intro."""
    kinds = programme_kinds()
    record(*(tag for entry in kinds for tag in entry.cache_tags))
    kind = request.GET.get("loai", "")
    if kind and kind not in {entry.kind for entry in kinds}:
        kind = ""
    section = section_page(PROGRAMME_PATH)
    title = section.title if section else "Chương trình nghe nhìn"
    context = {"section": section, "title": title, "kinds": kinds, "kind": kind,
               "results": paginate(request, programme(kind)), "trail": trail(SITUATIONS, (title, ""))}
    return render(request, "media/programme.html", context)


def _video(pk: int) -> Video:
    video = Video.objects.published().filter(pk=pk).first()
    if video is None:
        raise Http404
    return video


@require_GET
def video_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    video = _video(pk)
    if slug != video.slug:
        return redirect(video.get_absolute_url(), permanent=True)
    context = {"video": video, "trail": trail(SITUATIONS, ("Chương trình nghe nhìn", PROGRAMME_PATH), (video.title, ""))}
    return render(request, "media/video.html", context)


@require_GET
def video_file(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    video = _video(pk)
    files = {"anh.jpg": (video.poster, "image/jpeg"),
             "phu-de.vtt": (video.captions, "text/vtt; charset=utf-8")}
    if what not in files:
        raise Http404
    field_file, content_type = files[what]
    return serve_file(field_file, content_type=content_type)


# Phones and Safari play a video only from a server that answers byte ranges (206 Partial Content).
VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}


@require_safe
def video_stream(request: HttpRequest, pk: int, what: str, ext: str) -> HttpResponse:
    """The phone H.264 version ("video") or the uploaded original ("goc"), with byte ranges."""
    video = _video(pk)
    field_file = {"video": video.mp4, "goc": video.original}.get(what)
    if not field_file or field_file.name.rsplit(".", 1)[-1].lower() != ext or ext not in VIDEO_TYPES:
        raise Http404
    return ranged_field_file_response(request, field_file, VIDEO_TYPES[ext])


@require_GET
@depends_on(list_tag("media.Infographic"))
def infographic_index(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:200]
    rows = filter_words(Infographic.objects.published().select_related("image"), q)
    context = {"results": paginate(request, rows), "q": q, "trail": trail(SITUATIONS, ("Infographic", ""))}
    return render(request, "media/infographics.html", context)


@require_GET
def infographic_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    item = Infographic.objects.published().select_related("image").filter(pk=pk).first()
    if item is None:
        raise Http404
    if slug != (vietnamese_slug(item.title, 80) or "infographic"):
        return redirect(item.get_absolute_url(), permanent=True)
    context = {"item": item, "trail": trail(SITUATIONS, ("Infographic", reverse("media:infographics")),
                                            (item.title, ""))}
    return render(request, "media/infographic.html", context)


@require_GET
def infographic_download(request: HttpRequest, pk: int) -> HttpResponse:
    item = Infographic.objects.published().select_related("image").filter(pk=pk).first()
    if item is None:
        raise Http404
    extension = item.image.file.name.rsplit(".", 1)[-1].lower()
    return serve_file(item.image.file, download_name=f"{vietnamese_slug(item.title, 80) or 'infographic'}.{extension}")
