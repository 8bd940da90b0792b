"""Where uploaded files live and how private ones reach a visitor.

Separate from ``uploads`` (the upload checks) because the default storage is built while models load,
before Wagtail's document forms can be imported.
"""

from __future__ import annotations

import os
import posixpath
import secrets
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import Http404, HttpResponse

DOCUMENTS_DIR = "documents"  # Wagtail's upload_to for documents


def _is_document(name: str) -> bool:
    return name.replace("\\", "/").lstrip("/").startswith(f"{DOCUMENTS_DIR}/")


class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT/<subdirectory>``, a directory nothing serves: no URL.

    The location is read from the settings on each use (tests and ``VAR_DIR`` changes follow it).
    """

    subdirectory = ""

    @property
    def base_location(self):
        return os.path.join(str(settings.PRIVATE_MEDIA_ROOT), self.subdirectory)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


class MediaStorage(FileSystemStorage):
    """The default storage: public files (images) under ``MEDIA_ROOT``, Wagtail documents private.

    A document in a collection restricted by login or password must only reach a visitor through
    Wagtail's serve view (``/tai-lieu/<id>/<name>``), which checks the restriction. So documents are
    kept under ``PRIVATE_MEDIA_ROOT/documents/`` (nothing serves that directory) and have no media URL,
    and each one gets a random directory, ``documents/<random>/<original name>``: the stored path
    cannot be guessed, while the file keeps its own name for the download (``Content-Disposition``).
    The name stored in the database stays ``documents/…``, so Wagtail's document model is unchanged.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._documents = PrivateStorage()

    def _pick(self, name: str) -> FileSystemStorage:
        return self._documents if _is_document(name) else super()

    def _open(self, name, mode="rb"):
        return self._pick(name)._open(name, mode)

    def _save(self, name, content):
        return self._pick(name)._save(name, content)

    def delete(self, name):
        return self._pick(name).delete(name)

    def exists(self, name):
        return self._pick(name).exists(name)

    def listdir(self, path):
        return self._pick(f"{path.rstrip('/')}/").listdir(path)

    def path(self, name):
        return self._pick(name).path(name)

    def size(self, name):
        return self._pick(name).size(name)

    def get_accessed_time(self, name):
        return self._pick(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self._pick(name).get_created_time(name)

    def get_modified_time(self, name):
        return self._pick(name).get_modified_time(name)

    def url(self, name):
        if _is_document(name):
            # Wagtail then links to its serve view, the only way to a document.
            raise NotImplementedError("documents are served by wagtaildocs_serve only")
        return super().url(name)

    def generate_filename(self, filename: str) -> str:
        name = super().generate_filename(filename)
        directory, base = posixpath.split(name.replace("\\", "/"))
        if directory == DOCUMENTS_DIR:
            return f"{DOCUMENTS_DIR}/{secrets.token_hex(12)}/{base}"
        return name


class _AcceleratedResponse(HttpResponse):
    """Empty body: nginx sends the file. Wagtail sets ``Content-Length`` to the file's size after the
    backend returns, which uvicorn would refuse for an empty body, so that header is dropped."""

    def __setitem__(self, header, value):
        if header.lower() == "content-length":
            return
        super().__setitem__(header, value)


def sendfile(request, filename, **kwargs):
    """Wagtail's sendfile backend for nginx (``SENDFILE_BACKEND = "pbgdpl.core.private_media"``).

    Wagtail calls it only after the document's privacy checks passed; nginx then serves the file
    from its ``internal`` location ``SENDFILE_URL`` (an alias of ``PRIVATE_MEDIA_ROOT/documents/``,
    docs/operations.md), which no outside request reaches.
    """
    root = os.path.abspath(os.path.join(settings.PRIVATE_MEDIA_ROOT, DOCUMENTS_DIR))
    path = os.path.abspath(filename)
    if os.path.commonpath([root, path]) != root:
        raise Http404("file outside PRIVATE_MEDIA_ROOT/documents")
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    response = _AcceleratedResponse(content_type=kwargs.get("mimetype"))
    response["X-Accel-Redirect"] = settings.SENDFILE_URL.rstrip("/") + "/" + quote(relative)
    return response

