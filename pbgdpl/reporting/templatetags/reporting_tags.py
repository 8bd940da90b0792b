from django import template

from ..numbers import vn_number as _vn_number

register = template.Library()


@register.filter
def vn_number(value):
    """12345.5 → "12.345,5"; None → "—"."""
    return _vn_number(value)
