"""Addresses of this part of the bulletin."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
