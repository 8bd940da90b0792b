"""Demo materials, videos, infographics and a course, generated locally from demo_data/media.json.

Files are made once and cached under ``VAR_DIR/demo-media/`` (see demo_files.py), and so are the
results of processing them (demo_processing.py); the loader is idempotent (an item with the same
title is left alone) and processes its items at once, so the pages are filled right after
``bootstrap`` without a worker.
"""

from __future__ import annotations

from django.core.files import File
from django.db import transaction

from pbgdpl.core.demo import read_demo_data


def load_demo_media(stdout=None) -> str:
    from pbgdpl.legal.models import Field

    from . import demo_files
    from .models import Processing

    data = read_demo_data("media", "media.json")
    fields = {f.name: f for f in Field.objects.all()}
    folder = demo_files.cache_dir()
    materials = [_material(item, index, fields, folder) for index, item in enumerate(data["materials"], 1)]
    videos = [_video(item, index, fields, folder) for index, item in enumerate(data["videos"], 1)]
    infographics = sum(_infographic(item, index, fields, folder) for index, item in enumerate(data["infographics"], 1))
    course = _course(data["course"], fields, videos, materials)
    failed = sum(1 for item in [*materials, *videos] if item.processing == Processing.FAILED)
    return (f"{len(materials)} materials, {len(videos)} videos, {infographics} new infographics, "
            f"course {'created' if course else 'kept'}; {failed} failed processing")


def _material(item: dict, index: int, fields: dict, folder):
    from . import demo_files
    from .demo_processing import process_once
    from .models import Material, Processing
    from .processing import process_material

    found = Material.objects.filter(title=item["title"]).first()
    if found is not None:
        return found
    path = demo_files.material_file(folder, index, item)
    material = Material(title=item["title"], kind=item["kind"], audience=item["audience"], year=item["year"],
                        issuer=item["issuer"], field=fields.get(item["field"]), description=item["description"],
                        live=True, is_sample=True, processing=Processing.PENDING)
    with path.open("rb") as handle:
        material.file.save(path.name, File(handle), save=False)
    material.save()
    process_once(Material, material.pk, process_material, path)
    material.refresh_from_db()
    return material


def _video(item: dict, index: int, fields: dict, folder):
    from . import demo_files
    from .demo_processing import process_once
    from .models import Processing, Video
    from .processing import process_video

    found = Video.objects.filter(title=item["title"]).first()
    if found is not None:
        return found
    movie, captions = demo_files.video_files(folder, index, item)
    video = Video(title=item["title"], description=item["description"], field=fields.get(item["field"]),
                  has_speech=True, live=True, is_sample=True, processing=Processing.PENDING)
    with movie.open("rb") as handle:
        video.original.save(movie.name, File(handle), save=False)
    with captions.open("rb") as handle:
        video.captions.save(captions.name, File(handle), save=False)
    video.save()
    process_once(Video, video.pk, process_video, movie)
    video.refresh_from_db()
    return video


def _infographic(item: dict, index: int, fields: dict, folder) -> int:
    from wagtail.images.models import Image

    from . import demo_files
    from .models import Infographic

    if Infographic.objects.filter(title=item["title"]).exists():
        return 0
    path = demo_files.infographic_file(folder, index, item)
    with path.open("rb") as handle:
        image = Image(title=item["title"])
        image.file.save(path.name, File(handle), save=False)
        image.save()
    Infographic.objects.create(title=item["title"], image=image, alt_text=item["alt"], long_description=item["long"],
                               year=item["year"], field=fields.get(item["field"]), live=True, is_sample=True)
    return 1


def _course(spec: dict, fields: dict, videos: list, materials: list):
    from pbgdpl.quizzes.models import PracticeQuiz

    from .models import Course, Lesson

    if Course.objects.filter(slug=spec["slug"]).exists():
        return None
    quiz = PracticeQuiz.objects.filter(is_published=True).first()
    with transaction.atomic():
        course = Course.objects.create(title=spec["title"], slug=spec["slug"], summary=spec["summary"],
                                       field=fields.get(spec["field"]), live=True, is_sample=True)
        for order, lesson in enumerate(spec["lessons"]):
            Lesson.objects.create(
                course=course, sort_order=order, title=lesson["title"], text=lesson.get("text", ""),
                video=videos[lesson["video"] - 1] if lesson.get("video") else None,
                slides=materials[lesson["slides"] - 1] if lesson.get("slides") else None,
                practice_quiz=quiz if lesson.get("quiz") else None,
            )
    return course
