from django.urls import path

from . import dialogue_views as views

app_name = "dialogues"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/hoi-dap/", views.answers, name="answers"),
    path("<slug:slug>/ung-ho/<int:pk>/", views.vote, name="vote"),
]
