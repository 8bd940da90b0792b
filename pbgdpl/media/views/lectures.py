"""/bai-giang/: online courses; each lesson shows its video, text, slides and practice quiz link."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from pbgdpl.core.breadcrumbs import trail
from pbgdpl.core.pagecache import list_tag
from pbgdpl.core.pagecache.deps import depends_on

from ..models import Course
from .common import paginate

TITLE = "Bài giảng trực tuyến"


@require_GET
@depends_on(list_tag("media.Course"))
def index(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.published().prefetch_related("lessons")
    return render(request, "media/courses.html", {"results": paginate(request, courses), "trail": trail((TITLE, ""))})


def _course(slug: str) -> Course:
    course = Course.objects.published().filter(slug=slug).first()
    if course is None:
        raise Http404
    return course


@require_GET
def course(request: HttpRequest, slug: str) -> HttpResponse:
    found = _course(slug)
    context = {"course": found, "lessons": list(found.lessons.all()),
               "trail": trail((TITLE, reverse("media:courses")), (found.title, ""))}
    return render(request, "media/course.html", context)


@require_GET
def lesson(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    found = _course(slug)
    lessons = list(found.lessons.values_list("pk", flat=True))
    if not 1 <= number <= len(lessons):
        raise Http404
    # Only this lesson's video, slides and quiz are loaded: the cached page depends on them, not on the others'.
    current = found.lessons.select_related("video", "slides", "practice_quiz").get(pk=lessons[number - 1])
    video = current.video if current.video and current.video.is_public else None
    slides = current.slides if current.slides and current.slides.is_public else None
    quiz = current.practice_quiz if current.practice_quiz and current.practice_quiz.is_published else None
    context = {"course": found, "lesson": current, "number": number, "total": len(lessons), "video": video,
               "slides": slides, "quiz": quiz,
               "previous": number - 1 if number > 1 else None, "next": number + 1 if number < len(lessons) else None,
               "trail": trail((TITLE, reverse("media:courses")), (found.title, found.get_absolute_url()),
                              (current.title, ""))}
    return render(request, "media/lesson.html", context)
