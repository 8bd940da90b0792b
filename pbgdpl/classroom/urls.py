from django.urls import path, re_path

from . import views

app_name = "classroom"

urlpatterns = [
    path("", views.join, name="join"),
    path("giao-vien/", views.teacher_start, name="teacher_start"),
    path("giao-vien/<int:pk>/", views.teacher, name="teacher"),
    path("giao-vien/<int:pk>/phan/", views.teacher_live, name="teacher_live"),
    path("giao-vien/<int:pk>/<slug:action>/", views.teacher_action, name="teacher_action"),
    re_path(r"^(?P<code>[0-9]{6})/$", views.play, name="play"),
    re_path(r"^(?P<code>[0-9]{6})/phan/$", views.play_live, name="play_live"),
    re_path(r"^(?P<code>[0-9]{6})/tra-loi/$", views.answer, name="answer"),
]
