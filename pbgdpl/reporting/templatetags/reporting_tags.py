from django import template

from ..numbers import vn_number as _vn_number

register = template.Library()


@register.filter
def vn_number(value):
    """12345.5 → "12.345,5"; None → "—"."""
    return _vn_number(value)


@register.filter
def get_item(mapping, key):
    """A dict's value in a template (figures and errors keyed by indicator number)."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def percent(share):
    """0.5 → "50 %"."""
    return f"{_vn_number(share * 100)} %" if share is not None else ""
