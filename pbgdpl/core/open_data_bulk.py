"""Bulk open-data files (``open_data.BulkDataset``): generated into settings.OPEN_DATA_DIR and served.

Generation writes into a temporary directory beside the published one, then moves each file
over its old copy with ``os.replace`` (atomic on one file system): a download never sees a
half-written file, and a failed run leaves yesterday's files in place.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django_tasks import task

from . import pagecache
from .open_data import BulkDataset, bulk_dataset, bulk_datasets

logger = logging.getLogger(__name__)

DICTIONARY_NAME = "tu-dien-du-lieu.json"
BULK_TAG = "open-data:bulk"  # page cache tag of the pages listing the bulk files


def directory(slug: str) -> Path:
    return Path(settings.OPEN_DATA_DIR) / slug


def dictionary(dataset: BulkDataset) -> dict:
    return {"dataset": dataset.slug, "title": dataset.title, "description": dataset.description,
            "publisher": dataset.publisher, "licence": dataset.licence,
            "files": [{"name": f.name, "description": f.description,
                       "fields": [{"name": x.name, "type": x.type, "description": x.description} for x in f.fields]}
                      for f in dataset.files]}


def generate(dataset: BulkDataset) -> None:
    target = directory(dataset.slug)
    target.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
    try:
        dataset.write(scratch)
        (scratch / DICTIONARY_NAME).write_text(json.dumps(dictionary(dataset), ensure_ascii=False, indent=1),
                                               encoding="utf-8")
        for name in [f.name for f in dataset.files] + [DICTIONARY_NAME]:
            os.replace(scratch / name, target / name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    pagecache.purge(BULK_TAG)


@task()
def generate_bulk_files() -> None:
    """Nightly: regenerate every bulk dataset; one failing does not stop the others."""
    for dataset in bulk_datasets():
        try:
            generate(dataset)
        except Exception:
            logger.exception("bulk open data %s failed; the previous files stay", dataset.slug)


def published_files(dataset: BulkDataset) -> list[dict]:
    """The files of ``dataset`` that exist, with size and date, for the open-data page."""
    found = []
    for spec in dataset.files:
        path = directory(dataset.slug) / spec.name
        if path.exists():
            stat = path.stat()
            found.append({"spec": spec, "size_kb": max(1, stat.st_size // 1024),
                          "updated": datetime.datetime.fromtimestamp(stat.st_mtime, tz=datetime.UTC)})
    return found


def bulk_file(request, slug: str, name: str):
    dataset = bulk_dataset(slug)
    if dataset is None or name not in [f.name for f in dataset.files] + [DICTIONARY_NAME]:
        raise Http404
    path = directory(slug) / name
    if not path.exists():
        raise Http404
    content_type = {".csv": "text/csv; charset=utf-8", ".jsonl": "application/x-ndjson; charset=utf-8",
                    ".json": "application/json; charset=utf-8"}.get(path.suffix, "application/octet-stream")
    return FileResponse(path.open("rb"), as_attachment=path.suffix != ".json", filename=name,
                        content_type=content_type)
