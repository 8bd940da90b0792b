"""Background processing of uploaded materials and videos (the worker runs these)."""

from __future__ import annotations

import logging

from django_tasks import task

log = logging.getLogger(__name__)


@task()
def process_material_task(material_id: int) -> str:
    from .models import Material
    from .processing import process_material
    from .services import run_processing

    return run_processing(Material, material_id, process_material)


@task()
def process_video_task(video_id: int) -> str:
    from .models import Video
    from .processing import process_video
    from .services import run_processing

    return run_processing(Video, video_id, process_video)
