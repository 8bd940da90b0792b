"""Cached media pages follow publication, processing and edits, and only the pages that showed them."""

from __future__ import annotations

import pytest

from pbgdpl.media.models import Lesson, Material, Processing, Video

pytestmark = pytest.mark.django_db
MATERIALS, INFOGRAPHICS, PROGRAMME, COURSES = ("/tai-lieu-tuyen-truyen/", "/infographic/",
                                               "/tinh-huong-phap-luat/chuong-trinh-nghe-nhin/", "/bai-giang/")
COURSE, LESSON_1, LESSON_2 = "/bai-giang/lao-dong/", "/bai-giang/lao-dong/bai-1/", "/bai-giang/lao-dong/bai-2/"


def _urls(objs) -> dict[str, str]:
    return {"material": objs["material"].get_absolute_url(), "infographic": objs["infographic"].get_absolute_url(),
            "video": objs["video"].get_absolute_url()}


def test_editing_a_material_purges_its_page_its_list_and_the_lesson_showing_it(published, page_cache):
    pages = _urls(published)
    urls = [MATERIALS, pages["material"], LESSON_2, LESSON_1, INFOGRAPHICS, pages["infographic"], pages["video"],
            PROGRAMME, COURSES]

    def rename():
        material = Material.objects.get()
        material.title = "Tờ gấp Luật Đất đai năm 2024"
        material.save()

    assert page_cache.purged_by(rename, urls) == {MATERIALS, pages["material"], LESSON_2}
    assert "Luật Đất đai năm 2024" in page_cache.get(MATERIALS).content.decode()


def test_unpublishing_a_video_purges_its_page_the_programme_and_its_lesson(published, page_cache):
    pages = _urls(published)
    urls = [pages["video"], PROGRAMME, LESSON_1, LESSON_2, MATERIALS, pages["material"], INFOGRAPHICS]

    def unpublish():
        video = Video.objects.get(pk=published["video"].pk)  # as the admin loads it
        video.live = False
        video.save()

    assert page_cache.purged_by(unpublish, urls) == {pages["video"], PROGRAMME, LESSON_1}
    assert page_cache.get(pages["video"]).status_code == 404
    assert "Nghỉ phép năm" not in page_cache.get(PROGRAMME).content.decode()


def test_a_lesson_edit_purges_its_course_pages_only(published, page_cache):
    pages = _urls(published)
    urls = [COURSES, COURSE, LESSON_1, LESSON_2, MATERIALS, pages["video"], INFOGRAPHICS]

    def retitle():
        lesson = Lesson.objects.get(sort_order=0)
        lesson.title = "Giao kết hợp đồng lao động"
        lesson.save()

    assert page_cache.purged_by(retitle, urls) == {COURSES, COURSE, LESSON_1, LESSON_2}
    assert "Giao kết hợp đồng lao động" in page_cache.get(COURSE).content.decode()


def test_a_draft_purges_nothing_and_a_processed_item_appears_on_its_list(published, page_cache, tiny_pdf):
    from django.core.files.base import ContentFile

    from pbgdpl.media.processing import process_material
    from pbgdpl.media.services import run_processing

    urls = [MATERIALS, INFOGRAPHICS, PROGRAMME, COURSES]
    draft = Material(title="Đề cương Luật Hôn nhân và gia đình", kind="de-cuong", year=2025, issuer="Sở Tư pháp")
    draft.file.save("de-cuong.pdf", ContentFile(tiny_pdf), save=False)
    assert page_cache.purged_by(draft.save, urls) == set()

    def publish_and_process():
        draft.live = True
        draft.save()  # still waiting for the worker: not public yet
        run_processing(Material, draft.pk, process_material)

    assert page_cache.purged_by(publish_and_process, urls) == {MATERIALS}
    assert Material.objects.get(pk=draft.pk).processing == Processing.DONE
    assert "Luật Hôn nhân và gia đình" in page_cache.get(MATERIALS).content.decode()


def test_unpublishing_a_lesson_quiz_purges_the_lesson_showing_it_only(published, page_cache):
    from pbgdpl.quizzes.models import PracticeQuiz

    quiz = PracticeQuiz.objects.create(title="Luyện tập nghỉ phép năm", slug="nghi-phep-nam")
    Lesson.objects.filter(sort_order=1).update(practice_quiz=quiz)
    urls = [LESSON_1, LESSON_2, COURSE, COURSES, MATERIALS]
    assert "Luyện tập nghỉ phép năm" in page_cache.get(LESSON_2).content.decode()

    def unpublish():
        quiz = PracticeQuiz.objects.get(slug="nghi-phep-nam")  # as the admin loads it
        quiz.is_published = False
        quiz.save()

    assert page_cache.purged_by(unpublish, urls) == {LESSON_2}
    assert "Luyện tập nghỉ phép năm" not in page_cache.get(LESSON_2).content.decode()

    def publish_again():
        quiz = PracticeQuiz.objects.get(slug="nghi-phep-nam")
        quiz.is_published = True
        quiz.save()

    assert page_cache.purged_by(publish_again, urls) == {LESSON_2}
    assert "Luyện tập nghỉ phép năm" in page_cache.get(LESSON_2).content.decode()

