"""Subscribers and deliveries are written often, and no page shows them."""

from django.test import TestCase

from rihub.bulletins.models import Consent, Subscriber, Suppression, address_hash
from rihub.website import caching


class PageCacheTests(TestCase):
    def test_subscriber_records_leave_the_page_cache_alone(self) -> None:
        before = caching.current_generation()

        subscriber = Subscriber.objects.create(email="reader@example.org")
        Consent.objects.create(
            subscriber=subscriber, wording="Yes.", wording_version="1", language="en"
        )
        Suppression.objects.create(
            address_hash=address_hash("gone@example.org"), reason="unsubscribed"
        )
        subscriber.delete()

        self.assertEqual(caching.current_generation(), before)
