"""A cited clause or point is named with its article ("Khoản 1 Điều 2"): "Khoản 1" alone means nothing
once it leaves the page (Q&A citations, the citation chooser)."""

from __future__ import annotations

from pbgdpl.legal.models import Provision, ProvisionKind


def test_a_point_a_clause_and_an_article_are_named_as_a_citation_names_them():
    article = Provision(kind=ProvisionKind.ARTICLE, number="2", title="Đối tượng áp dụng")
    clause = Provision(kind=ProvisionKind.CLAUSE, number="1", parent=article)
    point = Provision(kind=ProvisionKind.POINT, number="a", parent=clause)
    assert article.reference == "Điều 2"
    assert clause.reference == "Khoản 1 Điều 2"
    assert point.reference == "Điểm a khoản 1 Điều 2"
    chapter = Provision(kind=ProvisionKind.CHAPTER, number="II", title="Quy định chung")
    assert chapter.reference == chapter.heading
