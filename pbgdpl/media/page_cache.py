"""What the media pages depend on in the page cache (docs/decisions/0014), registered from ``ready()``.

Every public media page is cached: the lists record their model's list tag, detail pages get the
object tags of what they load. An item is public only once it is published *and* processed, so a
change purges pages only when the item is or was public; the save that ends processing (worker)
goes through ``save()`` and purges the item's page and the lists it now appears on. Writes by
queryset ``update()`` (a new file queued, a failed processing) purge explicitly in ``services``.
"""

from __future__ import annotations

from pbgdpl.core import pagecache


def _item_tags(instance, event: str) -> list[str]:
    # Lists show titles, kinds and durations: any public change may change them too.
    label = instance._meta.label
    return [pagecache.object_tag(label, instance.pk), pagecache.list_tag(label)]


def _lesson_tags(lesson, event: str) -> list[str]:
    # Every lesson page loads its course, and the course page lists its lessons.
    return [pagecache.object_tag("media.Course", lesson.course_id), pagecache.list_tag("media.Course")]


def _quiz_tags(quiz, event: str) -> list[str]:
    # Practice pages are never cached (quizzes/apps.py); what shows a quiz from the cache is a lesson page,
    # which recorded the quiz's tag when it loaded it (shown or hidden, so publishing again purges too).
    return [pagecache.object_tag("quizzes.PracticeQuiz", quiz.pk)]


def register() -> None:
    from pbgdpl.quizzes.models import PracticeQuiz

    from .models import Course, Infographic, Lesson, Material, Video

    for model in (Material, Video, Infographic):
        pagecache.track_model(model)
        pagecache.register_model(model, _item_tags, public=lambda item: item.is_public)
    pagecache.track_model(Course)
    pagecache.register_model(Course, _item_tags, public=lambda course: course.live)
    pagecache.register_model(Lesson, _lesson_tags)
    pagecache.track_model(PracticeQuiz)
    pagecache.register_model(PracticeQuiz, _quiz_tags, public=lambda quiz: quiz.is_published)


def purge_item(item) -> None:
    """An item's processing state was written without ``save()`` (it left or may leave the site)."""
    pagecache.purge_object(item._meta.label, item.pk)
