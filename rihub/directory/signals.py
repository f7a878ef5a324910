"""React to changes of directory records: caches, deleted reference records."""

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from rihub.directory.models import Body, Economy, ReferenceRecord, SeatDefinition
from rihub.directory.records import bury
from rihub.directory.services import sync_seats

FOOTNOTES_CACHE_KEY = "directory:economy-footnotes"


@receiver([post_save, post_delete], sender=Economy)
def forget_footnotes(**kwargs: Any) -> None:
    cache.delete(FOOTNOTES_CACHE_KEY)


@receiver(post_delete)
def remember_deleted_reference(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ReferenceRecord):
        bury(instance)


@receiver(post_save, sender=SeatDefinition)
def make_defined_seats(instance: SeatDefinition, **kwargs: Any) -> None:
    sync_seats(instance.body)


@receiver(post_save, sender=Economy)
def seat_a_new_economy(instance: Economy, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    for body in Body.objects.filter(seat_definitions__per_economy=True).distinct():
        sync_seats(body)
