"""Laws named by common abbreviations in article references (issue 11).

The table is written from the laws' TITLES: each abbreviation is the initials of title words
(joining words like "và", "của" left out), the way people shorten them — not from any
benchmark question.
"""

from __future__ import annotations

import pytest

from pbgdpl.search.dictionary import Dictionary
from pbgdpl.search.lawnames import LawIndex, law_names_for
from pbgdpl.search.query import parse

TITLES = [
    "Luật Phòng, chống tác hại của rượu, bia 2019",
    "Luật Hôn nhân và gia đình 2014",
    "Bộ luật Lao động 2019",
    "Bộ luật Dân sự 2015",
    "Bộ luật Hình sự 2015",
    "Luật Bảo vệ môi trường 2020",
    "Luật Giao thông đường bộ 2008",
    "Luật Phòng cháy và chữa cháy 2001",
    "Luật Doanh nghiệp 2020",
    "Luật Đất đai 2013",
]
LAWS = LawIndex([law_names_for(title) for title in TITLES])


@pytest.mark.parametrize(
    "query, title, article",
    [
        ("điều 3 luật pc tác hại rượu bia", "Luật Phòng, chống tác hại của rượu, bia 2019", "3"),
        ("khoản 2 điều 8 luật hn&gđ", "Luật Hôn nhân và gia đình 2014", "8"),
        ("dieu 8 luat hn&gd", "Luật Hôn nhân và gia đình 2014", "8"),
        ("điều 35 bllđ", "Bộ luật Lao động 2019", "35"),
        ("điều 123 blds", "Bộ luật Dân sự 2015", "123"),
        ("điều 173 blhs", "Bộ luật Hình sự 2015", "173"),
        ("điều 7 luật bvmt", "Luật Bảo vệ môi trường 2020", "7"),
        ("điều 5 luật gtđb", "Luật Giao thông đường bộ 2008", "5"),
        ("điều 2 luật pccc", "Luật Phòng cháy và chữa cháy 2001", "2"),
        ("điều 17 luật dn", "Luật Doanh nghiệp 2020", "17"),
        ("điều 10 luật hôn nhân gia đình", "Luật Hôn nhân và gia đình 2014", "10"),
    ],
)
def test_a_law_named_by_its_abbreviation_resolves_to_the_law(query, title, article):
    pq = parse(query, Dictionary(), LAWS)
    assert pq.law is not None and pq.law.group_title == title
    assert pq.provision_ref["article"] == article
    assert pq.tokens == []  # the reference and the law's name are not searched as content


@pytest.mark.parametrize(
    "query",
    ["điều 3 luật này là gì", "luật có quy định gì về đất", "luật sư tư vấn ly hôn", "bồi thường hợp đồng lao động"],
)
def test_ordinary_words_after_luat_are_not_taken_for_a_law(query):
    assert parse(query, Dictionary(), LAWS).law is None
