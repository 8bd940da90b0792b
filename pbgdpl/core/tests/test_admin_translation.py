"""The Wagtail admin is in Vietnamese: the project catalogue is complete, sound and actually served."""

import collections
import json
import re
from html.parser import HTMLParser

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from pbgdpl.core.management.commands import i18n_coverage

DOMAINS = i18n_coverage.DOMAINS

# Placeholders and markup a translation must carry over unchanged: %(name)s, %s, %d, {name}, HTML tags
# and entities.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\w*\}|<[^<>]+>|&\w+;")

ENGLISH_MENU_LABELS = {
    "Dashboard", "Pages", "Images", "Documents", "Snippets", "Settings", "Users", "Groups",
    "Workflows", "Workflow tasks", "Reports", "Redirects", "Sites", "Collections", "Help",
    "Account", "Log out",
}


def _catalogue(domain: str) -> polib.POFile:
    return polib.pofile(str(i18n_coverage.project_catalogue_path(domain)))


def _live_entries(domain: str) -> list[polib.POEntry]:
    return [e for e in _catalogue(domain) if not e.obsolete]


def _translation(entry: polib.POEntry) -> str:
    return entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr


def _mo_contents(mo: polib.MOFile) -> dict:
    return {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo
    }


@pytest.mark.parametrize("domain", DOMAINS)
def test_committed_mo_files_match_the_po_files(domain, tmp_path):
    compiled = i18n_coverage.compile_catalogue(domain, target=tmp_path / f"{domain}.mo")
    committed = i18n_coverage.project_catalogue_path(domain).with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run `make messages`"
    assert _mo_contents(polib.mofile(str(committed))) == _mo_contents(polib.mofile(str(compiled))), (
        f"{committed.name} is stale: run `make messages` and commit the .mo files"
    )


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_wagtail_message_has_a_vietnamese_translation(domain):
    translated = {(e.msgctxt, e.msgid) for e in _live_entries(domain) if e.translated()}
    missing = [
        m.msgid for m in i18n_coverage.upstream_messages(domain).values()
        if (m.msgctxt, m.msgid) not in translated
    ]
    assert not missing, f"{len(missing)} untranslated {domain} msgids, e.g. {missing[:5]}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_placeholders_and_markup(domain):
    broken = []
    for entry in _live_entries(domain):
        source = entry.msgid_plural or entry.msgid
        allowed = collections.Counter(PLACEHOLDER.findall(entry.msgid)) | collections.Counter(
            PLACEHOLDER.findall(source)
        )
        found = collections.Counter(PLACEHOLDER.findall(_translation(entry)))
        # With one plural form, msgstr[0] is shown for every count, so it follows the plural source.
        required = collections.Counter(PLACEHOLDER.findall(source))
        if required - found or found - allowed:
            broken.append(entry.msgid)
    assert not broken, f"placeholders or tags changed in: {broken[:5]}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_uses_the_single_vietnamese_plural_form(domain):
    catalogue = _catalogue(domain)
    assert catalogue.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert catalogue.metadata["Language"] == "vi"
    plural_entries = [e for e in catalogue if e.msgid_plural and not e.obsolete]
    assert plural_entries
    assert all(set(e.msgstr_plural) == {0} for e in plural_entries)


def test_project_catalogue_overrides_wagtail_catalogues_for_python_and_templates():
    ours = {e.msgid: e.msgstr for e in _live_entries("django") if not e.msgid_plural and e.msgstr}
    replaced = [
        m for m in i18n_coverage.upstream_messages("django").values()
        if not m.msgid_plural and m.upstream_msgstr and m.upstream_msgstr != ours.get(m.msgid)
    ]
    assert replaced, "expected some of Wagtail's own Vietnamese strings to be corrected"
    with translation.override("vi"):
        served = {m.msgid: translation.gettext(m.msgid) for m in replaced}
    assert served == {m.msgid: ours[m.msgid] for m in replaced}
    with translation.override("vi"):
        assert translation.gettext("Submit for moderation") == "Gửi duyệt"
        assert translation.ngettext("Delete 1 page", "Delete %(counter)s pages", 3) == "Xóa %(counter)s trang"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "matkhau-thu")
    client.force_login(user)
    return client


def _served_js_catalogue(client) -> dict:
    body = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    match = re.search(r"const newcatalog = (\{.*?\n  \});", body, re.S)
    assert match, "JavaScript catalogue not found in the jsi18n response"
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_admin_javascript_catalogue_serves_the_project_translations(admin_client):
    served = _served_js_catalogue(admin_client)
    entries = _live_entries("djangojs")
    expected = {e.msgid: ([e.msgstr_plural[0]] if e.msgid_plural else e.msgstr) for e in entries}
    assert {msgid: served.get(msgid) for msgid in expected} == expected
    # Wagtail ships its own (different) Vietnamese for some of these ids: ours must win.
    upstream = i18n_coverage.upstream_messages("djangojs").values()
    corrected = [m.msgid for m in upstream if m.upstream_msgstr and m.upstream_msgstr != expected[m.msgid]
                 and not m.msgid_plural]
    assert corrected
    assert served["Settings"] == "Cài đặt"


class _VisibleText(HTMLParser):
    """Collect text nodes and the accessible names editors or screen readers meet."""

    def __init__(self):
        super().__init__()
        self.texts: set[str] = set()
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder") and value:
                self.texts.add(value.strip())

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.add(data.strip())


def _visible_texts(html: str) -> set[str]:
    parser = _VisibleText()
    parser.feed(html)
    return parser.texts


def _menu_labels(html: str) -> set[str]:
    match = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    assert match, "admin sidebar not found"
    labels = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                labels.add(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(match.group(1)))
    return labels


@pytest.mark.django_db
def test_admin_menu_is_in_vietnamese(admin_client):
    response = admin_client.get("/quan-tri/")
    assert response.status_code == 200
    html = response.content.decode()
    labels = _menu_labels(html)
    assert {"Trang", "Hình ảnh", "Tài liệu", "Báo cáo", "Cài đặt", "Người dùng", "Nhóm",
            "Quy trình duyệt", "Chuyển hướng", "Thư mục", "Trợ giúp", "Tài khoản", "Đăng xuất"} <= labels
    assert not labels & ENGLISH_MENU_LABELS
    assert "<title>Trang tổng quan" in html
    assert '<html lang="vi"' in html


ADMIN_PAGES = {
    "/quan-tri/pages/": ["Thêm trang con", "Xuất bản"],
    "/quan-tri/images/": ["Hình ảnh", "Thêm hình ảnh"],
    "/quan-tri/documents/": ["Tài liệu", "Thêm tài liệu"],
    "/quan-tri/users/": ["Người dùng", "Thêm người dùng"],
    "/quan-tri/groups/": ["Nhóm", "Thêm nhóm"],
    "/quan-tri/workflows/list/": ["Quy trình duyệt", "Thêm quy trình duyệt"],
    "/quan-tri/redirects/": ["Chuyển hướng", "Thêm chuyển hướng"],
    "/quan-tri/collections/": ["Thư mục", "Thêm thư mục"],
    "/quan-tri/account/": ["Tài khoản", "Ngôn ngữ ưu tiên"],
}
ENGLISH_SCREEN_TEXT = {
    "Dashboard", "Pages", "Images", "Documents", "Snippets", "Settings", "Users", "Groups", "Workflows",
    "Add an image", "Add a document", "Add a user", "Add a group", "Add a workflow", "Add redirect",
    "Save", "Save draft", "Publish", "Search", "Edit", "Delete", "Title", "Status", "Updated",
}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_admin_screens_are_in_vietnamese(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ADMIN_PAGES[url]:
        assert text in html
    assert not _visible_texts(html) & ENGLISH_SCREEN_TEXT


@pytest.mark.django_db
def test_page_editor_is_in_vietnamese(admin_client):
    root_page = Site.objects.get(is_default_site=True).root_page
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[root_page.pk]))
    assert response.status_code == 200
    texts = _visible_texts(response.content.decode())
    assert {"Lưu bản nháp", "Nội dung", "Quảng bá"} <= texts
    assert not texts & (ENGLISH_SCREEN_TEXT | {"Content", "Promote", "Preview", "History", "Comments"})


@pytest.mark.django_db
def test_site_settings_form_is_in_vietnamese(admin_client):
    from wagtail.contrib.settings.registry import registry

    if not list(registry):
        pytest.skip("no site settings registered")
    model = list(registry)[0]
    url = reverse("wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name])
    response = admin_client.get(url, follow=True)
    assert response.status_code == 200
    texts = _visible_texts(response.content.decode())
    assert "Lưu" in texts
    assert not texts & ENGLISH_SCREEN_TEXT


def test_coverage_command_reports_the_translated_share(capsys):
    from django.core.management import call_command

    call_command("i18n_coverage")
    out = capsys.readouterr().out
    total = next(line for line in out.splitlines() if line.startswith("total"))
    msgids, upstream, upstream_pct, project, project_pct = total.split()[1:]
    assert int(msgids) == sum(len(i18n_coverage.upstream_messages(d)) for d in DOMAINS)
    assert int(upstream) < int(project) == int(msgids)
    assert project_pct == "100.0"


def test_sync_adds_new_wagtail_ids_and_keeps_project_translations(tmp_path, monkeypatch):
    catalogue = _catalogue("django")
    dropped = next(e for e in catalogue if e.msgid == "Submit for moderation")
    catalogue.remove(dropped)
    edited = next(e for e in catalogue if e.msgid == "Lock")
    edited.msgstr = "Khóa lại"
    stale = polib.POEntry(msgid="A string Wagtail no longer has", msgstr="Chuỗi cũ")
    catalogue.append(stale)
    path = tmp_path / "django.po"
    catalogue.save(str(path))
    monkeypatch.setattr(i18n_coverage, "project_catalogue_path", lambda domain: path)

    added, obsoleted = i18n_coverage.sync_catalogue("django")

    synced = {e.msgid: e for e in polib.pofile(str(path))}
    assert (added, obsoleted) == (1, 1)
    # A new id arrives with Wagtail's own Vietnamese as a fuzzy suggestion, so it counts as untranslated
    # until someone reviews it.
    new_entry = synced["Submit for moderation"]
    assert new_entry.msgstr == i18n_coverage.upstream_messages("django")[
        ("django", None, "Submit for moderation")
    ].upstream_msgstr
    assert "fuzzy" in new_entry.flags and not new_entry.translated()
    assert synced["Lock"].msgstr == "Khóa lại"
    assert synced["A string Wagtail no longer has"].obsolete
