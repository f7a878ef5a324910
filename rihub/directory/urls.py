from django.urls import path

from rihub.directory import views

app_name = "directory"

urlpatterns = [
    path("who-we-are/", views.who_we_are, name="who-we-are"),
]
