"""Backup and restore: everything comes back into an emptied database, media and search included."""

from __future__ import annotations

import tarfile

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from wagtail.models import Page

from pbgdpl.legal.models import DocumentType, Field, Issuer, LegalDocument
from pbgdpl.legal.services import save_document
from pbgdpl.qa.models import Question
from pbgdpl.search import index as index_mod


@pytest.fixture
def dirs(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "var" / "private"
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    index_mod.readers.reset()
    cache.clear()
    yield tmp_path
    index_mod.readers.reset()
    cache.clear()
    # The restore cleared the content-type cache. Warm it again from the restored rows (same ids
    # as before) before the teardown flush: otherwise the next test's serialized rollback meets a
    # signal handler that re-creates a content type with a new id, and the reload then collides.
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_models(*apps.get_models())


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database(dirs, django_capture_on_commit_callbacks):
    from pbgdpl.core.models import HomePage
    from pbgdpl.qa.tests.factories import submit

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ sao lưu", slug="trang-chu-sao-luu"))
    with django_capture_on_commit_callbacks(execute=True):
        document = save_document(
            LegalDocument(number="45/2019/QH14", title="Bộ luật Lao động", doc_type=DocumentType.objects.get(name="Bộ luật"),
                          issuer=Issuer.objects.get(slug="quoc-hoi")),
            text="Điều 1. Phạm vi điều chỉnh\nBộ luật này quy định tiêu chuẩn lao động.", fields=[Field.objects.get(name="Lao động")])
    question, _token = submit()
    (dirs / "media" / "images").mkdir(parents=True)
    (dirs / "media" / "images" / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 image bytes")
    (dirs / "var" / "private" / "qa").mkdir(parents=True)
    (dirs / "var" / "private" / "qa" / "dinh-kem.pdf").write_bytes(b"%PDF-1.4 private")

    call_command("backup", "--output", str(dirs / "backups"))
    archive = next((dirs / "backups").glob("pbgdpl-backup-*.tar.gz"))
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "media/images/anh.jpg", "private/qa/dinh-kem.pdf"} <= names

    # Disaster: database emptied, files and index gone.
    call_command("flush", interactive=False)
    import shutil

    shutil.rmtree(dirs / "media")
    shutil.rmtree(dirs / "var" / "private")
    assert not Page.objects.exists() and not LegalDocument.objects.exists() and not Question.objects.exists()

    call_command("restore", str(archive), "--noinput")
    assert Page.objects.filter(pk=home.pk, title="Trang chủ sao lưu").exists()
    assert LegalDocument.objects.get(pk=document.pk).number == "45/2019/QH14"
    restored = Question.objects.get(pk=question.pk)
    assert restored.email == "riengtu@example.vn" and restored.text == question.text
    assert (dirs / "media" / "images" / "anh.jpg").read_bytes().startswith(b"\xff\xd8")
    assert (dirs / "var" / "private" / "qa" / "dinh-kem.pdf").exists()
    assert any((dirs / "search").iterdir())  # index rebuilt from the restored data


@pytest.mark.django_db
def test_restore_refuses_a_damaged_or_hostile_archive(dirs):
    bad = dirs / "bad.tar.gz"
    bad.write_bytes(b"not a tarball")
    with pytest.raises(CommandError):
        call_command("restore", str(bad), "--noinput")
    # Path traversal inside the archive is refused, nothing written outside the target.
    import io
    import json

    evil = dirs / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        for name, data in (("manifest.json", json.dumps({"engine": "sqlite", "created": "x", "counts": {}}).encode()),
                           ("../../escaped.txt", b"owned")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError):
        call_command("restore", str(evil), "--noinput", "--skip-search")
    assert not (dirs.parent / "escaped.txt").exists()
