from django.urls import path

from . import recovery_views, views

app_name = "quizzes"

urlpatterns = [
    path("", views.contest_list, name="list"),
    path("dang-ky/", views.register, name="register"),
    path("dang-nhap/", views.login, name="login"),
    path("dang-xuat/", views.logout, name="logout"),
    path("quen-mat-khau/", recovery_views.forgot_password, name="forgot_password"),
    path("dat-lai-mat-khau/<str:token>/", recovery_views.reset_password, name="reset_password"),
    path("bai-thi/<uuid:key>/", views.take, name="take"),
    path("bai-thi/<uuid:key>/luu/", views.autosave, name="autosave"),
    path("bai-thi/<uuid:key>/nop-bai/", views.submit, name="submit"),
    path("bai-thi/<uuid:key>/ket-qua/", views.result, name="result"),
    path("bai-thi/<uuid:key>/giay-chung-nhan.pdf", views.certificate, name="certificate"),
    path("<slug:slug>/", views.contest_detail, name="contest"),
    path("<slug:slug>/dot-<int:number>/", views.round_detail, name="round"),
    path("<slug:slug>/dot-<int:number>/bat-dau/", views.start, name="start"),
    path("<slug:slug>/dot-<int:number>/ket-qua/", views.round_results, name="round_results"),
]
