"""Published materials, videos, infographics and courses in the site search (public text only)."""

from __future__ import annotations

from collections.abc import Iterable

from pbgdpl.search.registry import SearchEntry, SearchSource

from .models import Course, Infographic, Material, Video


def _entry(kind: str, item, body: str, facets: dict) -> SearchEntry:
    url = item.get_absolute_url()
    key = f"{kind}:{item.pk}"
    return SearchEntry(key=key, kind=kind, title=item.title, body=body, url=url, group_key=key,
                       group_title=item.title, group_url=url, date=item.updated_at.date(), facets=facets)


def _field(item) -> list[str]:
    return [item.field.name] if item.field_id else []


class MaterialSource(SearchSource):
    label = "media.Material"

    def entries_for(self, pk) -> list[SearchEntry]:
        item = Material.objects.published().select_related("field").filter(pk=pk).first()
        if item is None:
            return []
        body = f"{item.get_kind_display()}. {item.issuer}. {item.description}\n{item.text}"
        return [_entry("material", item, body, {"field": _field(item), "year": [str(item.year)]})]

    def all_pks(self) -> Iterable:
        return Material.objects.published().values_list("pk", flat=True).iterator()


class VideoSource(SearchSource):
    label = "media.Video"

    def entries_for(self, pk) -> list[SearchEntry]:
        item = Video.objects.published().select_related("field").filter(pk=pk).first()
        if item is None:
            return []
        return [_entry("video", item, f"{item.description}\n{item.caption_text}", {"field": _field(item)})]

    def all_pks(self) -> Iterable:
        return Video.objects.published().values_list("pk", flat=True).iterator()


class InfographicSource(SearchSource):
    label = "media.Infographic"

    def entries_for(self, pk) -> list[SearchEntry]:
        item = Infographic.objects.published().select_related("field").filter(pk=pk).first()
        if item is None:
            return []
        return [_entry("infographic", item, f"{item.alt_text}\n{item.long_description}", {"field": _field(item)})]

    def all_pks(self) -> Iterable:
        return Infographic.objects.published().values_list("pk", flat=True).iterator()


class CourseSource(SearchSource):
    label = "media.Course"

    def entries_for(self, pk) -> list[SearchEntry]:
        course = Course.objects.published().select_related("field").prefetch_related("lessons").filter(pk=pk).first()
        if course is None:
            return []
        lessons = "\n".join(f"{lesson.title}. {lesson.text}" for lesson in course.lessons.all())
        return [_entry("course", course, f"{course.summary}\n{lessons}", {"field": _field(course)})]

    def all_pks(self) -> Iterable:
        return Course.objects.published().values_list("pk", flat=True).iterator()


SOURCES = (MaterialSource, VideoSource, InfographicSource, CourseSource)
KIND_LABELS = {"material": "Tài liệu tuyên truyền", "video": "Video", "infographic": "Infographic",
               "course": "Bài giảng trực tuyến"}
