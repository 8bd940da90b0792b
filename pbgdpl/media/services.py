"""Writes of the media app: scheduling and recording background processing, search outbox."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction

from pbgdpl.search.services import mark_changed

from .models import Processing
from .page_cache import purge_item
from .processing import ProcessingError

log = logging.getLogger(__name__)
UNEXPECTED_ERROR = "Lỗi không mong đợi khi xử lý tệp; bộ phận kỹ thuật đã được ghi nhận. Hãy thử tải lại tệp."


def schedule_processing(item) -> None:
    """Mark ``item`` as waiting (off the site) and queue its processing once the save commits."""
    from .tasks import process_material_task, process_video_task

    task = process_material_task if item._meta.model_name == "material" else process_video_task
    type(item).objects.filter(pk=item.pk).update(processing=Processing.PENDING, processing_error="")
    item.processing, item.processing_error = Processing.PENDING, ""
    purge_item(item)  # off the site until processed again
    transaction.on_commit(lambda: task.enqueue(item.pk))


def run_processing(model, pk: int, process: Callable) -> str:
    """Process one item; success or a Vietnamese error is saved in one write, nothing half-done."""
    item = model.objects.filter(pk=pk).first()
    if item is None:
        return "missing"
    try:
        fields = process(item)
    except ProcessingError as exc:
        model.objects.filter(pk=pk).update(processing=Processing.FAILED, processing_error=str(exc))
        mark_changed(model._meta.label, pk)
        purge_item(item)
        return "failed"
    except Exception:
        log.exception("Processing %s %s failed", model._meta.label, pk)
        model.objects.filter(pk=pk).update(processing=Processing.FAILED, processing_error=UNEXPECTED_ERROR)
        purge_item(item)
        return "failed"
    with transaction.atomic():
        item.processing, item.processing_error = Processing.DONE, ""
        item.save(update_fields=[*fields, "processing", "processing_error", "search_text", "updated_at"])
        mark_changed(model._meta.label, pk)
    return "done"
