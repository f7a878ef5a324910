"""Remember the pages an editor deleted, so the reference data never restores them."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver

from rihub.directory.models import ReferenceTombstone
from rihub.website.models import EconomyProfilePage, EventPage, NewsPage, TopicPage

LOADED_PAGES = (EconomyProfilePage, TopicPage, NewsPage, EventPage)


def remember_deleted_page(
    sender: type[models.Model], instance: Any, **kwargs: Any
) -> None:
    # Reference pages are English, keyed by slug; translations have their own life.
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    ReferenceTombstone.objects.get_or_create(
        model=sender._meta.label, key=instance.slug
    )


for model in LOADED_PAGES:
    receiver(post_delete, sender=model, dispatch_uid=f"tombstone-{model.__name__}")(
        remember_deleted_page
    )
