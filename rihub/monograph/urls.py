from django.urls import path

from rihub.monograph import views

app_name = "monograph"

urlpatterns = [
    path("monograph/<slug:slug>/", views.page, name="home"),
    path("monograph/<slug:slug>/<str:name>", views.page, name="page"),
]
