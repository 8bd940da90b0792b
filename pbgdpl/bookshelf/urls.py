from django.urls import path, re_path

from . import views

app_name = "bookshelf"

urlpatterns = [
    path("", views.index, name="index"),
    path("podcast/<slug:slug>/", views.show, name="show"),
    path("podcast/<slug:slug>/rss.xml", views.feed, name="feed"),
    path("podcast/<slug:show_slug>/<slug:slug>/", views.episode, name="episode"),
    path("sach-noi/<slug:slug>/", views.audiobook, name="audiobook"),
    re_path(r"^am-thanh/(?P<kind>podcast|sach-noi)/(?P<pk>[0-9]+)\.(?P<ext>mp3|m4a|ogg)$", views.audio, name="audio"),
    path("<slug:slug>/", views.chapter, name="book"),
    path("<slug:slug>/chuong-<int:number>/", views.chapter, name="chapter"),
    path("<slug:slug>/tim/", views.search_in_book, name="search"),
    path("<slug:slug>/tai-ve/", views.download, name="download"),
]
