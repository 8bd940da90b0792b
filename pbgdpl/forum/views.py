"""Public forum pages (read), member actions (post, follow) and moderators' decisions.

Members-only categories answer strangers with the login page; pages of members carry a session
cookie, so the page cache never stores them; public pages are cacheable (tracked models).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pbgdpl.core import pagecache
from pbgdpl.core.breadcrumbs import trail

from . import access, services
from .forms import AcceptInvitationForm, ModerationForm, PostForm, ThreadForm
from .models import Category, Post, Subscription, Thread

PER_PAGE = 20


def _trail(*steps):
    return trail((_("Diễn đàn"), reverse("forum:index")), *steps)


def _login_redirect(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(f"{reverse('forum:login')}?{urlencode({'next': request.path})}")


def _readable_category(request, category: Category) -> HttpResponse | None:
    if access.can_read(request.user, category):
        return None
    if request.user.is_authenticated:
        raise Http404
    return _login_redirect(request)


def _members_only(response: HttpResponse, category: Category) -> HttpResponse:
    if category.members_only:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    pagecache.record_list(Thread)
    categories = Category.objects.readable_by(request.user)
    return render(request, "forum/index.html", {
        "categories": categories, "is_member": access.is_member(request.user), "trail": _trail()})


@require_GET
def category(request: HttpRequest, slug: str) -> HttpResponse:
    cat = get_object_or_404(Category, slug=slug)
    if (denied := _readable_category(request, cat)) is not None:
        return denied
    pagecache.record_list(Thread)
    threads = cat.threads.all() if access.is_moderator(request.user) else cat.threads.visible()
    page = Paginator(threads.select_related("author"), PER_PAGE).get_page(request.GET.get("page"))
    following = request.user.is_authenticated and Subscription.objects.filter(user=request.user, category=cat).exists()
    return _members_only(render(request, "forum/category.html", {
        "category": cat, "page_obj": page, "can_post": access.is_member(request.user) and not access.is_banned(request.user),
        "following": following, "trail": _trail((cat.name, ""))}), cat)


@never_cache
@require_http_methods(["GET", "POST"])
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    cat = get_object_or_404(Category, slug=slug)
    if not access.is_member(request.user):
        return _login_redirect(request)
    form = ThreadForm(request.POST or None, request.FILES or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.start_thread(request.user, cat, form.cleaned_data["title"],
                                           form.cleaned_data["source"], form.cleaned_data["attachment"])
            return HttpResponseRedirect(thread.get_absolute_url())
        except services.ForumError as exc:
            error = str(exc)
    status = 400 if request.method == "POST" else 200
    return render(request, "forum/new_thread.html", {
        "category": cat, "form": form, "error": error,
        "trail": _trail((cat.name, cat.get_absolute_url()), (_("Chủ đề mới"), ""))}, status=status)


def _thread_page(request, thread: Thread, form=None, error: str = "", status: int = 200) -> HttpResponse:
    moderator = access.is_moderator(request.user)
    posts = thread.posts.select_related("author")
    if not moderator:
        posts = posts.filter(hidden=False)
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    member = access.is_member(request.user)
    following = member and Subscription.objects.filter(user=request.user, thread=thread).exists()
    return _members_only(render(request, "forum/thread.html", {
        "thread": thread, "page_obj": page, "form": form or (PostForm() if member else None), "error": error,
        "can_post": member and not access.is_banned(request.user) and (not thread.locked or moderator),
        # A refused reply still shows what was typed, so nothing is lost.
        "kept": form is not None and form.is_bound,
        "banned": member and access.is_banned(request.user), "moderator": moderator, "following": following,
        "categories": Category.objects.all() if moderator else (),
        "trail": _trail((thread.category.name, thread.category.get_absolute_url()), (thread.title, ""))},
        status=status), thread.category)


def _thread_or_404(request, pk: int) -> Thread:
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=pk)
    if thread.hidden and not access.is_moderator(request.user):
        raise Http404
    return thread


@require_GET
def thread(request: HttpRequest, pk: int) -> HttpResponse:
    found = _thread_or_404(request, pk)
    if (denied := _readable_category(request, found.category)) is not None:
        return denied
    return _thread_page(request, found)


@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    found = _thread_or_404(request, pk)
    if not access.is_member(request.user):
        return _login_redirect(request)
    form = PostForm(request.POST, request.FILES)
    if not form.is_valid():
        return _thread_page(request, found, form, status=400)
    try:
        post = services.reply(request.user, found, form.cleaned_data["source"], form.cleaned_data["attachment"])
    except services.ForumError as exc:
        return _thread_page(request, found, form, str(exc), status=403)
    last_page = (found.posts.filter(hidden=False).count() - 1) // PER_PAGE + 1
    return HttpResponseRedirect(f"{found.get_absolute_url()}?page={last_page}#bai-{post.pk}")


@require_POST
def follow(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if not access.is_member(request.user):
        return _login_redirect(request)
    if kind == "chu-de":
        target = _thread_or_404(request, pk)
        services.toggle_subscription(request.user, thread=target)
    else:
        target = get_object_or_404(Category, pk=pk)
        services.toggle_subscription(request.user, category=target)
    return HttpResponseRedirect(target.get_absolute_url())


@require_GET
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
    hidden = post.hidden or post.thread.hidden
    if not post.attachment or (hidden and not access.is_moderator(request.user)):
        raise Http404
    if not access.can_read(request.user, post.thread.category):
        return _login_redirect(request)
    response = FileResponse(post.attachment.open("rb"), as_attachment=True, filename=post.attachment_name or None)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def moderate(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """One decision with its reason; the service checks the role and records it (audited)."""
    if not access.is_moderator(request.user):
        raise Http404
    form = ModerationForm(request.POST)
    if kind == "bai":
        post = get_object_or_404(Post, pk=pk)
        found = post.thread
    else:
        found = get_object_or_404(Thread, pk=pk)
    if not form.is_valid():
        return _thread_page(request, found, error=_("Hãy ghi lý do cho quyết định này."), status=400)
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    try:
        if kind == "bai" and action in ("hide", "unhide"):
            services.set_post_hidden(request.user, post, action == "hide", reason)
        elif kind == "bai" and action in ("ban", "unban"):
            if post.author is None:
                raise services.ForumError(_("Bài viết không còn tác giả."))
            (services.ban if action == "ban" else services.unban)(request.user, post.author, reason)
        elif kind == "chu-de" and action in ("hide", "unhide"):
            services.set_thread_hidden(request.user, found, action == "hide", reason)
        elif kind == "chu-de" and action in ("lock", "unlock"):
            services.set_locked(request.user, found, action == "lock", reason)
        elif kind == "chu-de" and action == "move" and form.cleaned_data["category"]:
            services.move(request.user, found, form.cleaned_data["category"], reason)
        else:
            raise services.ForumError(_("Thao tác không hợp lệ."))
    except services.ForumError as exc:
        return _thread_page(request, found, error=str(exc), status=400)
    return HttpResponseRedirect(found.get_absolute_url())


class LoginView(auth_views.LoginView):
    """Members sign in here (django-axes limits failures per user and address, as for staff)."""

    template_name = "forum/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("forum:index")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "trail": _trail((_("Đăng nhập"), ""))}


logout = auth_views.LogoutView.as_view(next_page=reverse_lazy("forum:index"))


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee chooses a user name and a password; the link then stops working."""
    context = {"trail": _trail((_("Nhận lời mời"), ""))}
    try:
        invitation = services.open_invitation(token)
    except services.ForumError as exc:
        return render(request, "forum/accept.html", {**context, "error": str(exc)}, status=400)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.accept_invitation(invitation, username=form.cleaned_data["username"],
                                       full_name=form.cleaned_data["full_name"],
                                       password=form.cleaned_data["password1"])
        except services.ForumError as exc:
            return render(request, "forum/accept.html", {**context, "error": str(exc)}, status=400)
        return HttpResponseRedirect(reverse("forum:login") + "?moi=1")
    response = render(request, "forum/accept.html", {**context, "form": form, "email": invitation.email},
                      status=400 if request.method == "POST" else 200)
    response["Referrer-Policy"] = "no-referrer"
    return response


