"""Cached Q&A pages follow answer edits and publications, and only those."""

from __future__ import annotations

from pbgdpl.qa.models import Question


def _published():
    return Question.objects.published().select_related("answer", "field").order_by("-published_at", "-id")


def test_editing_an_answer_purges_the_pages_showing_that_question_only(db, demo_module, page_cache):
    questions = list(_published())
    edited = questions[-1]  # the oldest: not on the list's first page
    elsewhere = next(q for q in questions if q.field_id != edited.field_id)
    urls = [edited.get_absolute_url(), elsewhere.get_absolute_url(), "/hoi-dap/",
            demo_module["civil"].get_absolute_url()]

    def rewrite_answer():
        answer = edited.answer
        answer.text = "Câu trả lời đã được Sở Tư pháp cập nhật theo quy định mới nhất."
        answer.save()

    purged = page_cache.purged_by(rewrite_answer, urls)
    assert edited.get_absolute_url() in purged
    assert not {elsewhere.get_absolute_url(), "/hoi-dap/", demo_module["civil"].get_absolute_url()} & purged
    assert "cập nhật theo quy định mới nhất" in page_cache.get(edited.get_absolute_url()).content.decode()


def test_taking_an_answer_off_the_site_purges_the_lists_and_its_page(db, demo_module, page_cache, admin_user):
    from pbgdpl.qa import services

    withdrawn = _published().first()
    other = _published().filter(field=withdrawn.field).exclude(pk=withdrawn.pk).last()
    urls = ["/hoi-dap/", withdrawn.get_absolute_url(), demo_module["civil"].get_absolute_url()]

    purged = page_cache.purged_by(lambda: services.unpublish(withdrawn, admin_user, "Cần sửa"), urls)
    assert purged == {"/hoi-dap/", withdrawn.get_absolute_url()}
    assert page_cache.get(withdrawn.get_absolute_url()).status_code == 404
    assert withdrawn.display_title not in page_cache.get("/hoi-dap/").content.decode()
    assert other is None or page_cache.get(other.get_absolute_url()).status_code == 200


def test_a_new_citizen_question_purges_nothing(db, demo_module, page_cache):
    from pbgdpl.qa.tests.factories import submit

    urls = ["/hoi-dap/", _published().first().get_absolute_url()]
    assert page_cache.purged_by(lambda: submit(), urls) == set()


def test_the_cached_part_of_a_question_page_holds_nothing_personal(db, demo_module, page_cache):
    """The question page's data is kept with the cached page parts: only what the page shows, never
    the asker's name, contacts, tracking code or the raw text an editor replaced with a public one."""
    from pbgdpl.core.pagecache import fragments, store
    from pbgdpl.core.pagecache.models import CachedPageDependency

    question = _published().exclude(field=None).first()
    Question.objects.filter(pk=question.pk).update(
        name="Trần Văn Riêng Tư", email="riengtu@example.vn", phone="0988777666",
        text="Tôi là Trần Văn Riêng Tư ở số 5 ngõ Bí Mật, công ty chậm trả lương.",
        public_text="Công ty chậm trả lương hai tháng, người lao động có được nghỉ việc ngay không?")
    question.refresh_from_db()
    page = page_cache.get(question.get_absolute_url()).content.decode()
    assert "người lao động có được nghỉ việc ngay" in page and "Riêng Tư" not in page
    keys = CachedPageDependency.objects.filter(url=fragments.URL_PREFIX + "qa-question").values_list("cache_key", flat=True)
    kept = [store.get(key) for key in set(keys)]
    assert kept and all(isinstance(part, fragments.Fragment) for part in kept)
    for part in kept:
        for private in ("Riêng Tư", "riengtu@example.vn", "0988777666", "ngõ Bí Mật", question.tracking_code):
            assert private.encode() not in part.value, private
    assert page_cache.get(question.get_absolute_url()).content.decode() == page  # the same page from the part
