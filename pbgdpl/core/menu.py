"""The main menu in two levels: at most seven top entries, the rest grouped under them.

The entries are the home page's in-menu sections (editors choose them in the page tree) plus a few
fixed public areas that are not pages (/van-ban/, /luyen-tap/, /tra-cuu/). ``MENU_GROUPS`` puts sections
under a group by their slug (fixed by the site tree); an in-menu section in no group stays at the
top level, so a new section is never lost from the menu.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# (group title, the slugs or fixed paths under it, in this order).
MENU_GROUPS: list[tuple[str, list[str]]] = [
    (_("Tin tức"), ["tin-tuc", "tinh-huong-phap-luat", "tai-lieu-tuyen-truyen", "/tra-cuu/"]),
    (_("Cuộc thi, luyện tập"), ["cuoc-thi", "/luyen-tap/", "/bai-giang/", "/lop-hoc/"]),
    (_("Phổ biến pháp luật"), ["huong-dan-nghiep-vu", "tu-sach-phap-luat", "hoa-giai-o-co-so",
                               "chuan-tiep-can-phap-luat", "bao-cao-vien-phap-luat",
                               # Taking part: dialogues, comments on drafts, legal aid, the practitioners' forum.
                               "/doi-thoai-chinh-sach/", "/van-ban/du-thao/", "/tro-giup-phap-ly/", "/dien-dan/"]),
]
# Areas that are Django views, not pages, with the title the menu shows.
FIXED_LINKS = {"/van-ban/": _("Văn bản pháp luật"), "/luyen-tap/": _("Luyện tập"),
               "/tra-cuu/": _("Tra cứu xử phạt, giá đất, bản án"), "/bai-giang/": _("Bài giảng trực tuyến"),
               "/lop-hoc/": _("Lớp học trực tuyến (vào lớp bằng mã)"),
               "/doi-thoai-chinh-sach/": _("Đối thoại chính sách"), "/van-ban/du-thao/": _("Góp ý dự thảo văn bản"),
               "/tro-giup-phap-ly/": _("Trợ giúp pháp lý"), "/dien-dan/": _("Diễn đàn nghiệp vụ")}
# Top-level order: these first (by slug or path), then the groups, then any other section.
LEADING = ["/van-ban/", "hoi-dap"]
TRAILING = ["gioi-thieu"]


@dataclass
class MenuEntry:
    title: str
    url: str
    current: bool = False
    children: list[MenuEntry] = field(default_factory=list)


def build_menu(sections: list, path: str) -> list[MenuEntry]:
    """Menu entries for the in-menu ``sections`` (pages with ``slug``, ``title``, ``url``) at ``path``."""
    by_key: dict[str, MenuEntry] = {
        page.slug: MenuEntry(str(page.title), page.url or "/") for page in sections
    }
    by_key.update({url: MenuEntry(str(title), url) for url, title in FIXED_LINKS.items()})
    for entry in by_key.values():
        entry.current = entry.url != "/" and path.startswith(entry.url)
    used: set[str] = set()

    def take(key: str) -> MenuEntry | None:
        entry = by_key.get(key)
        if entry is not None and key not in used:
            used.add(key)
            return entry
        return None

    top = [entry for key in LEADING if (entry := take(key))]
    for title, keys in MENU_GROUPS:
        children = [entry for key in keys if (entry := take(key))]
        if len(children) == 1:
            top.append(children[0])
        elif children:
            top.append(MenuEntry(str(title), "", any(c.current for c in children), children))
    trailing = [entry for key in TRAILING if (entry := take(key))]
    top += [entry for key, entry in by_key.items() if key not in used and key not in TRAILING]
    return top + trailing
