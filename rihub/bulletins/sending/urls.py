"""Addresses of this part of the bulletin: its views live in the back office."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
