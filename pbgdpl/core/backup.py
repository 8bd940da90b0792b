"""Backups: the database, uploaded media and private files (Q&A attachments) in one archive.

``manage.py backup [--output DIR]`` writes ``pbgdpl-backup-YYYYmmdd-HHMMSS.tar.gz`` containing

* ``manifest.json`` — engine, time, row counts of the main tables (checked after a restore);
* ``db.sqlite3`` (SQLite, copied with the online backup API: consistent while the site runs) or
  ``db.dump`` (PostgreSQL, ``pg_dump --format=custom``);
* ``media/`` (MEDIA_ROOT) and ``private/`` (VAR_DIR/private: Q&A attachments).

``manage.py restore ARCHIVE`` puts all of it back into the configured (possibly empty) database and
directories, then rebuilds the search index (the index is derived data, never backed up).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection

# Tables whose row counts the manifest records (a restore is checked against them).
COUNTED_MODELS = ("wagtailcore.page", "legal.legaldocument", "qa.question", "quizzes.contest",
                  "wagtailimages.image", "wagtaildocs.document", "auth.user")


def _counts() -> dict[str, int]:
    counts = {}
    for label in COUNTED_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        counts[label] = model._default_manager.count()
    return counts


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _private_dir() -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT)


def create_backup(output_dir: Path) -> Path:
    """Write one archive into ``output_dir`` and return its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"pbgdpl-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if connection.vendor == "sqlite":
            db_file = tmpdir / "db.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(db_file)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        elif connection.vendor == "postgresql":
            db_file = tmpdir / "db.dump"
            args, env = _pg_env()
            subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args,
                            "--file", str(db_file), str(connection.settings_dict["NAME"])],
                           check=True, env=env, capture_output=True)
        else:
            raise RuntimeError(f"Unsupported database engine: {connection.vendor}")
        manifest = {
            "format": 1,
            "engine": connection.vendor,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "counts": _counts(),
        }
        (tmpdir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(tmpdir / "manifest.json", arcname="manifest.json")
            tar.add(db_file, arcname=db_file.name)
            for name, directory in (("media", Path(settings.MEDIA_ROOT)), ("private", _private_dir())):
                if directory.is_dir():
                    tar.add(directory, arcname=name)
        os.chmod(partial, 0o600)  # personal data inside: readable by the service account only
        partial.rename(archive)
    return archive


def _safe_members(tar: tarfile.TarFile) -> None:
    # Python's "data" filter refuses absolute paths, "..", links out of the tree and device files.
    tar.extraction_filter = tarfile.data_filter


def read_manifest(archive: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile("manifest.json")
        if member is None:
            raise ValueError("manifest.json missing")
        return json.loads(member.read().decode("utf-8"))


def restore_backup(archive: Path, *, rebuild_search: bool = True) -> dict:
    """Restore ``archive`` into the configured database and directories; returns the manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            _safe_members(tar)
            tar.extractall(tmpdir)
        manifest = json.loads((tmpdir / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("engine") != connection.vendor:
            raise ValueError(f"The backup is of a {manifest.get('engine')} database; this site uses {connection.vendor}.")
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(tmpdir / "db.sqlite3")
            try:
                # Page by page into the live connection: replaces every table, schema included.
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            args, env = _pg_env()
            connection.close()  # pg_restore --clean needs the tables unlocked
            subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error",
                            "--single-transaction", *args, "--dbname", str(connection.settings_dict["NAME"]),
                            str(tmpdir / "db.dump")], check=True, env=env, capture_output=True)
        for name, directory in (("media", Path(settings.MEDIA_ROOT)), ("private", _private_dir())):
            source_dir = tmpdir / name
            if source_dir.is_dir():
                directory.mkdir(parents=True, exist_ok=True)
                shutil.copytree(source_dir, directory, dirs_exist_ok=True)
    # Cached rows (content types, sites) may no longer match the restored tables.
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    cache.clear()
    if rebuild_search:
        call_command("search_rebuild", "--no-progress")
    counts = _counts()
    manifest["restored_counts"] = counts
    return manifest
