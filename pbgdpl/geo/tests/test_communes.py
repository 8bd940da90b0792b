"""Provinces and communes: the official 2025 list, Vietnamese order, names typed any way."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from pbgdpl.core.models import PortalSettings
from pbgdpl.geo.communes import communes_of, portal_communes, provinces, vietnamese_sort_key


def test_the_34_provinces_in_vietnamese_order_of_their_own_names():
    names = provinces()
    assert len(names) == 34
    # "Thành phố Cần Thơ" sorts under C, and Đ comes after every D, not after Z.
    assert names[:6] == ("An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Thành phố Cần Thơ", "Thành phố Đà Nẵng")
    assert names.index("Đồng Tháp") < names.index("Gia Lai")


def test_vietnamese_alphabet_then_tones_then_numbers_by_value():
    words = ["Đông", "Dương", "Ân", "Ăn", "Anh", "Bá", "Bả", "Bà", "Ba", "Phường 10", "Phường 2", "Ơn", "Ô", "Ưng", "Uy"]
    assert sorted(words, key=vietnamese_sort_key) == [
        "Anh", "Ăn", "Ân", "Ba", "Bà", "Bả", "Bá", "Dương", "Đông", "Ô", "Ơn", "Phường 2", "Phường 10", "Uy", "Ưng",
    ]


@pytest.mark.parametrize("typed", ["Tỉnh Hưng Yên", "Hưng Yên", "hung yen", "  HƯNG   YÊN "])
def test_a_province_is_found_however_it_is_typed(typed):
    communes = communes_of(typed)
    assert len(communes) == 104
    assert "Phường Phố Hiến" in communes


def test_communes_sort_by_their_own_name_with_clean_spacing():
    communes = communes_of("Hưng Yên")
    assert communes[:3] == ("Xã A Sào", "Xã Ái Quốc", "Xã Ân Thi")
    assert "Xã Bắc Đông Quan" in communes  # the package spells it with two spaces
    assert communes.index("Phường Phố Hiến") < communes.index("Xã Quang Hưng")  # P before Q, kinds ignored


def test_an_unknown_province_has_no_communes():
    assert communes_of("Tỉnh Không Có") == ()


def test_the_portal_province_comes_from_portal_settings(db):
    site = Site.objects.get(is_default_site=True)
    PortalSettings.objects.update_or_create(site=site, defaults={"province": "Thành phố Hải Phòng"})
    assert portal_communes() == communes_of("Hải Phòng")
