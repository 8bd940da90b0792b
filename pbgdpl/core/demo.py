"""Demo content loaders that ``manage.py bootstrap`` runs after the page tree exists.

An app that ships demo or reference data registers a loader from its
``AppConfig.ready()``::

    from pbgdpl.core.demo import register_demo_loader

    def load_demo_documents(stdout) -> str:
        ...  # must be idempotent and fast when the data is already there
        return "12 văn bản"

    register_demo_loader("legal-documents", load_demo_documents, order=20)

A loader receives the command's output stream (for progress messages), must be safe
to run on every ``bootstrap`` (skip quickly when its data is already loaded) and may
return a short summary string. Loaders run in ``order``, then by name.

A loader that needs programs or files from the machine names them (``requires=(FFMPEG,)``, from
:mod:`pbgdpl.core.system_tools`): where one is missing, ``bootstrap`` skips it and says which package
to install, instead of failing half-way with a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pbgdpl.core.system_tools import SystemTool

DemoLoaderFunc = Callable[[TextIO], "str | None"]


@dataclass(frozen=True)
class DemoLoader:
    name: str
    func: DemoLoaderFunc
    order: int = 100
    requires: tuple[SystemTool, ...] = ()


_loaders: dict[str, DemoLoader] = {}


def register_demo_loader(name: str, func: DemoLoaderFunc, *, order: int = 100,
                         requires: tuple[SystemTool, ...] = ()) -> DemoLoader:
    """Register (or replace) the demo loader called ``name``; ``requires``: what it needs from the machine."""
    if not callable(func):
        raise TypeError(f"Demo loader {name!r} must be callable.")
    loader = DemoLoader(name=name, func=func, order=order, requires=tuple(requires))
    _loaders[name] = loader
    return loader


def unregister_demo_loader(name: str) -> None:
    """Forget a loader (tests use this to keep the registry clean)."""
    _loaders.pop(name, None)


def demo_loaders() -> list[DemoLoader]:
    """Registered loaders in the order ``bootstrap`` runs them."""
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.name))


def read_demo_data(app_label: str, filename: str) -> object:
    """Parse ``<app>/demo_data/<filename>``: JSON (``.json``) or Markdown with a JSON header (``.md``).

    Demo content lives in data files that editors can read and change, not in Python. A ``.md``
    file starts with a JSON object on its first line (title, dates, …); the rest is the body,
    returned under the key ``"body"``.
    """
    import json

    from django.apps import apps

    path = Path(apps.get_app_config(app_label).path) / "demo_data" / filename
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        header, _newline, body = text.partition("\n")
        return {**json.loads(header), "body": body.strip("\n")}
    return json.loads(text)
