"""Remember what an editor deleted, so the reference data never restores it."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver

from rihub.directory.models import ReferenceTombstone
from rihub.website.models import (
    Document,
    EconomyProfilePage,
    EventPage,
    NewsPage,
    TopicPage,
)

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


def remember_deleted_document(
    sender: type[Document], instance: Document, **kwargs: Any
) -> None:
    if instance.reference_key:
        ReferenceTombstone.objects.get_or_create(
            model=sender._meta.label, key=instance.reference_key
        )


post_delete.connect(
    remember_deleted_document, sender=Document, dispatch_uid="tombstone-Document"
)

for model in LOADED_PAGES:
    receiver(post_delete, sender=model, dispatch_uid=f"tombstone-{model.__name__}")(
        remember_deleted_page
    )
