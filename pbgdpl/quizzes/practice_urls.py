from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("<slug:slug>/", views.practice, name="practice"),
    path("<slug:slug>/cau-<int:question_id>/", views.practice_check, name="check"),
]
