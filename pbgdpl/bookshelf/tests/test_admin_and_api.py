"""Staff screens (roles, bad uploads refused with a message) and the public API."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ..models import Book, BookStatus, Episode
from .factories import HANDBOOK_LINES, docx_bytes, make_book, make_show, tone

pytestmark = pytest.mark.django_db


def _staff(client, django_user_model, role: str | None):
    from django.contrib.auth.models import Group, Permission

    from pbgdpl.accounts.services import ensure_editorial_setup

    ensure_editorial_setup()
    user = django_user_model.objects.create_user("nv", "nv@example.vn", "matkhau-thu")
    if role:
        user.groups.add(Group.objects.get(name=role))
    else:
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def _book_form(upload, slug="so-tay-moi"):
    return {"title": "Sổ tay mới", "slug": slug, "kind": "handbook", "year": "2026", "author": "", "description": "",
            "file": upload, "live": "on"}


def test_editor_uploads_a_book_and_the_worker_builds_it(client, django_user_model, django_capture_on_commit_callbacks):
    from pbgdpl.accounts.roles import EDITOR

    editor = _staff(client, django_user_model, EDITOR)
    upload = SimpleUploadedFile("so-tay.docx", docx_bytes(HANDBOOK_LINES))
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post("/quan-tri/tu-sach/sach/new/", _book_form(upload))
    assert response.status_code == 302, response.content.decode()[:3000]
    book = Book.objects.get()
    assert book.status == BookStatus.READY and book.sections.count() == 2
    assert client.get("/tu-sach-phap-luat/so-tay-moi/").status_code == 200


def test_a_renamed_file_is_refused_with_a_message_and_nothing_saved(client, django_user_model):
    from pbgdpl.accounts.roles import EDITOR

    editor = _staff(client, django_user_model, EDITOR)
    response = editor.post("/quan-tri/tu-sach/sach/new/", _book_form(SimpleUploadedFile("sach.epub", b"%PDF-1.4 x")))
    assert response.status_code == 200
    assert "không khớp với phần mở rộng .epub" in response.content.decode()
    reserved = editor.post("/quan-tri/tu-sach/sach/new/",
                           _book_form(SimpleUploadedFile("s.docx", docx_bytes(["Một"])), slug="podcast"))
    assert "dành cho podcast" in reserved.content.decode()
    assert not Book.objects.exists()


def test_an_episode_with_a_renamed_audio_file_is_refused(client, django_user_model):
    from pbgdpl.accounts.roles import EDITOR

    show = make_show(episodes=0)
    editor = _staff(client, django_user_model, EDITOR)
    form = {"show": show.pk, "title": "Số 1", "slug": "so-1", "description": "Tóm tắt", "transcript": "",
            "published_at": "2026-12-01 08:00", "live": "on"}
    bad = editor.post("/quan-tri/tu-sach/so-podcast/new/", {**form, "audio": SimpleUploadedFile("a.mp3", tone("ogg"))})
    assert "không khớp với phần mở rộng .mp3" in bad.content.decode()
    assert not Episode.objects.exists()
    good = editor.post("/quan-tri/tu-sach/so-podcast/new/", {**form, "audio": SimpleUploadedFile("a.ogg", tone("ogg"))})
    assert good.status_code == 302
    assert Episode.objects.get().audio_type == "audio/ogg"


def test_staff_without_a_bookshelf_role_cannot_open_the_screens(client, django_user_model):
    other = _staff(client, django_user_model, None)
    assert other.get("/quan-tri/tu-sach/sach/").status_code in (302, 403)
    assert other.get("/quan-tri/tu-sach/so-podcast/new/").status_code in (302, 403)


def test_api_lists_public_books_and_podcasts(client):
    make_book()
    make_book(slug="an", live=False)
    make_show(episodes=2)
    books = client.get("/api/v1/books").json()
    assert [b["title"] for b in books["items"]] == ["Sổ tay cư trú"]
    assert len(books["items"][0]["chapters"]) == 2
    shows = client.get("/api/v1/podcasts").json()
    assert shows[0]["feed_url"].endswith("/tu-sach-phap-luat/podcast/phap-luat/rss.xml")
    assert {e["audio_type"] for e in shows[0]["episodes"]} == {"audio/mpeg"}
    assert client.get("/api/v1/books/999999").status_code == 404
