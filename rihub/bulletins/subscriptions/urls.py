"""Addresses of this part of the bulletin."""

from django.urls import URLPattern, path

from rihub.bulletins.subscriptions import views

PREFERENCES = "bulletin/preferences/<str:token>/"

urlpatterns: list[URLPattern] = [
    path("bulletin/subscribe/", views.subscribe, name="subscribe"),
    path("bulletin/subscribe/sent/", views.subscribe_sent, name="subscribe-sent"),
    path("bulletin/confirm/<str:token>/", views.confirm, name="confirm"),
    path(PREFERENCES, views.preferences, name="preferences"),
    path(PREFERENCES + "data/", views.download_data, name="preferences-data"),
    path(PREFERENCES + "erase/", views.erase, name="preferences-erase"),
    path("bulletin/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
