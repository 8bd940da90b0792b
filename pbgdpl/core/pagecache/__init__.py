"""Anonymous page cache with exact, tag-based invalidation (docs/decisions/0014-page-cache.md).

* :mod:`.middleware` answers strangers' GET/HEAD requests from the shared ``pages`` cache.
* :mod:`.deps` records what a response showed while it renders (tracked models, list tags).
* :mod:`.invalidation` purges, after commit, exactly the cached pages that showed a change,
  in the shared cache and in every frontend cache (``wagtail.contrib.frontend_cache``).
* :mod:`.pages` does this for Wagtail pages and site settings; domain apps register their
  models from ``AppConfig.ready()`` with :func:`track_model` and :func:`register_model`.

Importing this package loads no model (templates tags and the search engine import it early).
"""

from .deps import list_tag, object_tag, record, record_list, track_model


def purge(*tags: str) -> None:
    """Purge the pages depending on ``tags`` once the current transaction commits."""
    from .invalidation import purge as _purge

    _purge(*tags)


def purge_object(label: str, pk, *, listed: bool = True) -> None:
    """Purge the pages showing one object (and, when ``listed``, the lists of its model)."""
    from .invalidation import purge_object as _purge_object

    _purge_object(label, pk, listed=listed)


def register_model(model, tags=None, **options) -> None:
    """Purge on every save and delete of ``model`` (see :func:`.invalidation.register_model`)."""
    from .invalidation import register_model as _register_model

    _register_model(model, tags, **options)


__all__ = ["list_tag", "object_tag", "purge", "purge_object", "record", "record_list", "register_model",
           "track_model"]
