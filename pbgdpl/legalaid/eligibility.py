"""Who may get free legal aid (Luật Trợ giúp pháp lý 2017, Điều 7) and the plain-language check.

The answers are a first orientation, never a decision: the legal-aid centre checks the papers.
The groups and questions live in ``demo_data/eligibility.json`` so staff can reword them without
touching code; this module reads them once and matches a visitor's yes/no answers to groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

LAW_NUMBER = "11/2017/QH14"
LAW_TITLE = "Luật Trợ giúp pháp lý"
ARTICLE_EID = "dieu-7"
# The national database of legal documents, when the portal's own registry does not hold the law.
NATIONAL_DATABASE_URL = "https://vbpl.vn/pages/vbpq-timkiem.aspx?Keyword=11/2017/QH14"


@dataclass(frozen=True)
class Group:
    code: str
    label: str  # plain Vietnamese, as the law lists it
    question: str  # the yes/no question that points to this group
    conditional: bool  # only with financial difficulty (Điều 7 khoản 7)


@cache
def groups() -> tuple[Group, ...]:
    from pbgdpl.core.demo import read_demo_data

    data = read_demo_data("legalaid", "eligibility.json")
    return tuple(Group(**item) for item in data["groups"])


def group_choices() -> list[tuple[str, str]]:
    return [(g.code, g.label) for g in groups()]


def label_of(code: str) -> str:
    return next((g.label for g in groups() if g.code == code), "")


def matching(answers: dict[str, bool], *, financial_difficulty: bool) -> list[Group]:
    """Groups the visitor may belong to: a "yes" on their question, and for the conditional
    groups also a "yes" on financial difficulty."""
    return [g for g in groups() if answers.get(g.code) and (financial_difficulty or not g.conditional)]


def article_url() -> str:
    """Điều 7 in the portal's registry when the law is there, else the national database."""
    from pbgdpl.legal.models import LegalDocument

    document = LegalDocument.objects.filter(number=LAW_NUMBER).first()
    if document is not None:
        return f"{document.get_absolute_url()}#{ARTICLE_EID}"
    return NATIONAL_DATABASE_URL


def financial_question() -> str:
    from pbgdpl.core.demo import read_demo_data

    return read_demo_data("legalaid", "eligibility.json")["financial_question"]
