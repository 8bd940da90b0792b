"""``{% fragment "name" part … %}…{% endfragment %}``: a template part cached per content version.

The block is rendered once and reused until a change purges what it showed (see
:mod:`pbgdpl.core.pagecache.fragments`); the parts name what it varies by besides language and
date, e.g. ``{% fragment "article-body" page %}``. A model instance given as a part (the page)
counts as shown by the block even if it was loaded before it. Nothing personal may go inside:
the block is shared by every visitor (a block that renders a CSRF token or uses the CSP nonce is
not stored). Previews always render afresh (a draft must never be stored as the page).
"""

from django import template
from django.db.models import Model
from django.utils.safestring import mark_safe

from pbgdpl.core.pagecache import fragments
from pbgdpl.core.pagecache.deps import record, tags_of

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        values = [part.resolve(context) for part in self.parts]
        shown = [value for value in values if isinstance(value, Model)]
        # The host too: links made absolute (share buttons) name it.
        parts = (request.get_host(), *(f"{value._meta.label}:{value.pk}" if isinstance(value, Model) else value
                                       for value in values))

        def build() -> str:
            for instance in shown:
                record(*tags_of(instance))
            return str(self.nodelist.render(context))

        html = fragments.cached(f"tpl:{name}", parts, build, fragments.html_is_shareable(request))
        return mark_safe(html)


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name: {% fragment \"name\" part … %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
