"""Reading the parameters of /tim-kiem/ and /tim-kiem/api/ from a query string."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.numbers import parse_ascii_int

# Facet parameters, in the order the filter panel shows them.
FACET_KEYS = ("kind", "doc_type", "issuer", "field", "validity", "year", "scope")
FACET_LABELS = {
    "kind": _("Loại nội dung"),
    "doc_type": _("Loại văn bản"),
    "issuer": _("Cơ quan ban hành"),
    "field": _("Lĩnh vực"),
    "validity": _("Tình trạng hiệu lực"),
    "year": _("Năm ban hành"),
    "scope": _("Phạm vi"),
}
SORT_CHOICES = [
    ("relevance", _("Phù hợp nhất")),
    ("newest", _("Mới nhất")),
    ("oldest", _("Cũ nhất")),
]
MAX_QUERY_CHARS = 200
MAX_PAGE = 100
MAX_PER_PAGE = 50
DEFAULT_PER_PAGE = 10
MAX_FACET_VALUES = 20
MAX_FACET_VALUE_CHARS = 200


class SearchForm(forms.Form):
    """The scalar parameters; facet values are multi-valued and read by :func:`parse_params`."""

    q = forms.CharField(
        label=_("Từ khóa"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        error_messages={"max_length": _("Từ khóa quá dài: tối đa %(limit_value)d ký tự (bạn đã nhập %(show_value)d).")},
    )
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        choices=SORT_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Cách sắp xếp không hợp lệ: dùng relevance, newest hoặc oldest.")},
    )


# Integer parameters: (minimum, maximum, message when not a plain ASCII number in range). Read
# with ``parse_ascii_int``: ``?page=²`` or ``?page=٢`` is an invalid page, never a 500 or page 2.
INTEGER_PARAMS = {
    "page": (1, MAX_PAGE, _("Số trang phải là một số nguyên từ 1 đến %(maximum)s (chỉ dùng chữ số 0–9).")),
    "per_page": (1, MAX_PER_PAGE, _("Số kết quả mỗi trang phải là một số nguyên từ 1 đến %(maximum)s (chỉ dùng chữ số 0–9).")),
}


@dataclass
class SearchParams:
    """Validated search parameters, with the errors found (Vietnamese, per parameter)."""

    q: str = ""
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    filters: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def has_filters(self) -> bool:
        return any(self.filters.values())

    def first_error(self) -> str:
        for messages in self.errors.values():
            if messages:
                return messages[0]
        return ""

    def querydict(self, **changes) -> QueryDict:
        """The parameters as a query string (for pagination and sort links), with ``changes`` applied."""
        qd = QueryDict(mutable=True)
        values = {"q": self.q, "sort": self.sort, "page": self.page, **changes}
        if values["q"]:
            qd["q"] = values["q"]
        for key in FACET_KEYS:
            for value in self.filters.get(key, []):
                qd.appendlist(key, value)
        if values["sort"] and values["sort"] != "relevance":
            qd["sort"] = values["sort"]
        if values["page"] and int(values["page"]) > 1:
            qd["page"] = str(values["page"])
        return qd


def parse_params(data: QueryDict) -> SearchParams:
    """Validate a query string. Invalid scalars fall back to defaults and are reported in ``errors``."""
    form = SearchForm(data)
    form.is_valid()
    params = SearchParams()
    errors: dict[str, list[str]] = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
    cleaned = form.cleaned_data
    # An over-long query is kept (shown back in the box) but not searched.
    params.q = (cleaned.get("q") if "q" not in errors else data.get("q", "")) or ""
    params.q = params.q.strip()
    params.sort = cleaned.get("sort") or "relevance"
    for name, (minimum, maximum, message) in INTEGER_PARAMS.items():
        raw = (data.get(name) or "").strip()
        if not raw:
            continue
        value = parse_ascii_int(raw, minimum=minimum, maximum=maximum)
        if value is None:
            errors.setdefault(name, []).append(str(message % {"maximum": maximum}))
        else:
            setattr(params, name, value)
    for key in FACET_KEYS:
        values = [v.strip() for v in data.getlist(key) if v and v.strip()]
        if len(values) > MAX_FACET_VALUES or any(len(v) > MAX_FACET_VALUE_CHARS for v in values):
            errors.setdefault(key, []).append(str(_("Bộ lọc “%(name)s” có quá nhiều giá trị hoặc giá trị quá dài.") % {"name": FACET_LABELS[key]}))
            continue
        if values:
            params.filters[key] = list(dict.fromkeys(values))
    params.errors = errors
    return params
