"""What the apps' admin screens built on Wagtail's ``ModelViewSet`` have in common.

An app lists its models' screens under one menu group of its own::

    class BookViewSet(GroupedModelViewSet):
        model = Book
        panels = [*field_panels("title", "file"), publication_panel()]

    register_menu_group(_("Tủ sách pháp luật"), "doc-full", 460, [BookViewSet, ...])
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup


class GroupedModelViewSet(ModelViewSet):
    """A model's screens, reached through its app's menu group (never a top-level menu item).

    ``search_fields`` are matched by the database: the portal keeps no Wagtail search index for
    these models (the public search is the ``search`` app)."""

    add_to_admin_menu = False
    search_backend_name = None


def field_panels(*names: str) -> list[FieldPanel]:
    """One plain panel per field, in this order."""
    return [FieldPanel(name) for name in names]


def publication_panel() -> MultiFieldPanel:
    """"Công bố": whether the item is public, and whether it is sample data (demo content)."""
    return MultiFieldPanel(field_panels("live", "is_sample"), heading=_("Công bố"))


def register_menu_group(label: str, icon: str, order: int,
                        viewsets: Sequence[type[ModelViewSet]]) -> type[ModelViewSetGroup]:
    """Register an admin menu group holding ``viewsets``; call it once, from a ``wagtail_hooks`` module."""
    group = type("MenuGroup", (ModelViewSetGroup,),
                 {"menu_label": label, "menu_icon": icon, "menu_order": order, "items": tuple(viewsets)})
    hooks.register("register_admin_viewset", group)
    return group
