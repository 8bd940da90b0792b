"""The embedded database runs SQLite in WAL mode, so readers never wait for the worker's writes."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings


def test_default_sqlite_database_uses_wal(tmp_path):
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.dev", VAR_DIR=str(tmp_path))
    script = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["wal", "5000"]
    assert (tmp_path / "db.sqlite3").exists()
