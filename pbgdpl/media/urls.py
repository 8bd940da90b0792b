"""Mounted at the site root before the news and Wagtail catch-alls (full paths here)."""

from django.urls import path

from .views import lectures, materials, videos

app_name = "media"

urlpatterns = [
    path("tai-lieu-tuyen-truyen/", materials.index, name="materials"),
    path("tai-lieu-tuyen-truyen/<int:pk>-<slug:slug>/", materials.detail, name="material"),
    path("tai-lieu-tuyen-truyen/<int:pk>/", materials.detail, name="material_short"),
    path("tai-lieu-tuyen-truyen/<int:pk>/tai-ve/", materials.download, name="material_download"),
    path("tai-lieu-tuyen-truyen/<int:pk>/trang-dau.jpg", materials.preview, name="material_preview"),
    path("tai-lieu-tuyen-truyen/<int:pk>/ban.pdf", materials.pdf, name="material_pdf"),
    path("tinh-huong-phap-luat/chuong-trinh-nghe-nhin/", videos.programme_index, name="programme"),
    path("video/<int:pk>-<slug:slug>/", videos.video_detail, name="video"),
    path("video/<int:pk>/", videos.video_detail, name="video_short"),
    path("video/<int:pk>/video.<slug:ext>", videos.video_stream, {"what": "video"}, name="video_stream"),
    path("video/<int:pk>/goc.<slug:ext>", videos.video_stream, {"what": "goc"}, name="video_original"),
    path("video/<int:pk>/<str:what>", videos.video_file, name="video_file"),
    path("infographic/", videos.infographic_index, name="infographics"),
    path("infographic/<int:pk>-<slug:slug>/", videos.infographic_detail, name="infographic"),
    path("infographic/<int:pk>/tai-ve/", videos.infographic_download, name="infographic_download"),
    path("bai-giang/", lectures.index, name="courses"),
    path("bai-giang/<slug:slug>/", lectures.course, name="course"),
    path("bai-giang/<slug:slug>/bai-<int:number>/", lectures.lesson, name="lesson"),
]
