"""Keep cached directory fragments fresh when their records change."""

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from rihub.directory.models import Economy

FOOTNOTES_CACHE_KEY = "directory:economy-footnotes"


@receiver([post_save, post_delete], sender=Economy)
def forget_footnotes(**kwargs: Any) -> None:
    cache.delete(FOOTNOTES_CACHE_KEY)
