from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.logout, name="logout"),
    path("loi-moi/<str:token>/", views.accept, name="accept"),
    path("chu-de/<int:pk>/", views.thread, name="thread"),
    path("chu-de/<int:pk>/tra-loi/", views.reply, name="reply"),
    path("bai/<int:pk>/tep/", views.attachment, name="attachment"),
    path("theo-doi/<str:kind>/<int:pk>/", views.follow, name="follow"),
    path("dieu-hanh/<str:kind>/<int:pk>/", views.moderate, name="moderate"),
    path("<slug:slug>/", views.category, name="category"),
    path("<slug:slug>/chu-de-moi/", views.new_thread, name="new_thread"),
]
