"""Every admin screen built on ``core.admin_viewsets``: listed, searchable where it has search
fields, its add form opens, and it sits in its app's menu group, not in the top-level menu."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.admin.viewsets import viewsets as registered

from pbgdpl.core.admin_viewsets import GroupedModelViewSet

pytestmark = pytest.mark.django_db


def _grouped_viewsets() -> list[GroupedModelViewSet]:
    reverse("wagtailadmin_home")  # Wagtail registers the viewsets when the admin's URLs load
    return [viewset for viewset in registered.viewsets if isinstance(viewset, GroupedModelViewSet)]


def test_the_apps_using_the_helper_are_registered():
    apps = {viewset.model._meta.app_label for viewset in _grouped_viewsets()}
    assert {"bookshelf", "media", "lookups"} <= apps


def test_each_screen_lists_searches_and_opens_its_add_form(admin_client):
    for viewset in _grouped_viewsets():
        index = reverse(viewset.get_url_name("index"))
        assert admin_client.get(index).status_code == 200, index
        if viewset.search_fields:
            found = admin_client.get(index, {"q": "không có kết quả nào"})
            assert found.status_code == 200 and "Lỗi" not in found.content.decode(), index
        assert admin_client.get(reverse(viewset.get_url_name("add"))).status_code == 200, viewset.name


def test_the_screens_are_in_their_group_menus_only(rf, admin_user):
    viewsets = _grouped_viewsets()
    request = rf.get("/quan-tri/")
    request.user = admin_user
    top_level = {str(item.label): item for item in admin_menu.menu_items_for_request(request)}
    for viewset in viewsets:
        assert str(viewset.menu_label) not in top_level, viewset.name
    in_groups = {str(item.label) for group in ("Tủ sách pháp luật", "Tài liệu, video", "Tra cứu")
                 for item in top_level[group].menu.menu_items_for_request(request)}
    assert {"Sách điện tử", "Video", "Hành vi vi phạm", "Bảng giá đất"} <= in_groups
