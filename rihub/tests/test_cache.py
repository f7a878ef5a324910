from django.conf import settings
from django.core.cache import cache, caches
from django.test import SimpleTestCase


class CacheTests(SimpleTestCase):
    def test_the_configured_cache_keeps_and_forgets_values(self) -> None:
        cache.set("rihub:probe", {"economies": 7}, timeout=30)
        self.assertEqual(cache.get("rihub:probe"), {"economies": 7})

        cache.delete("rihub:probe")
        self.assertIsNone(cache.get("rihub:probe"))

    def test_redis_is_used_exactly_when_configured(self) -> None:
        backend = type(caches["default"]).__name__
        self.assertEqual(backend, "RedisCache" if settings.REDIS_URL else "LocMemCache")
