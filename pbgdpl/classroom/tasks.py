"""The periodic purge of ended classes (registered in ``ClassroomConfig.ready()``)."""

from django_tasks import task


@task()
def purge_classes() -> int:
    from .services import purge

    return purge()
