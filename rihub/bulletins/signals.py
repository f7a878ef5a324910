"""Publishing a bulletin prints it and opens its campaign, in the background."""

from functools import partial
from typing import Any

from django.db import transaction
from wagtail.signals import page_published

from rihub.bulletins.models import BulletinPage


def connect() -> None:
    page_published.connect(
        bulletin_published, sender=BulletinPage, dispatch_uid="bulletin-published"
    )


def bulletin_published(instance: BulletinPage, **kwargs: Any) -> None:
    from rihub.bulletins import tasks

    transaction.on_commit(partial(tasks.bulletin_published.enqueue, instance.pk))
