"""What the subscriber tests share: their world, a cache of their own, the mail.

The rate limit counts in the cache, so each test starts from an empty one: a
local-memory cache of these tests alone, never the shared Redis of CI.
"""

import re
from email.message import EmailMessage, Message
from typing import Any, cast
from urllib.parse import urlsplit

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from rihub.bulletins.models import Consent, Subscriber
from rihub.bulletins.subscriptions import services
from rihub.directory.models import PriorityArea
from rihub.tests.personas import Personas
from rihub.tests.smtp import SmtpServerMixin

OWN_CACHE = override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rihub-subscription-tests",
        }
    }
)
ADDRESS = "reader@example.org"


def text_of(message: Message) -> str:
    body = cast(EmailMessage, message).get_body(preferencelist=("plain",))
    return str(cast(EmailMessage, body).get_content())


def html_of(message: Message) -> str:
    body = cast(EmailMessage, message).get_body(preferencelist=("html",))
    return str(cast(EmailMessage, body).get_content())


def link_in(message: Message, name: str) -> str:
    """The absolute link of that name (confirm, preferences…) in the mail's text."""
    found = re.search(rf"https?://\S+?/bulletin/{name}/[^/\s]+/", text_of(message))
    assert found, f"No {name} link in:\n{text_of(message)}"
    return found.group(0)


def path_of(link: str) -> str:
    return urlsplit(link).path


def current_wording_version() -> str:
    return services.wording_version(services.consent_wording())


@OWN_CACHE
class SubscriptionTestCase(SmtpServerMixin, TestCase):
    people: Personas
    education: PriorityArea
    housing: PriorityArea

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()
        cls.education = PriorityArea.objects.create(
            slug="education", name="Education", order=1
        )
        cls.housing = PriorityArea.objects.create(
            slug="housing", name="Housing", order=2
        )

    def setUp(self) -> None:
        super().setUp()
        # A request to /sq/… leaves Albanian active in this thread, and
        # `reverse` would then give Albanian addresses to the next test.
        self.enterContext(translation.override("en"))
        cache.clear()

    def form(self, **changes: Any) -> dict[str, Any]:
        data = {
            "email": ADDRESS,
            "language": "en",
            "economies": [self.people.albania.pk],
            "priority_areas": [self.education.pk],
            "consent": "on",
            "wording_version": current_wording_version(),
            "website": "",
        }
        return data | changes

    def submit(self, client: str = "192.0.2.1", path: str = "", **changes: Any) -> Any:
        address = path or reverse("bulletins:subscribe")
        return self.client.post(address, self.form(**changes), REMOTE_ADDR=client)

    def confirmed(self, email: str = ADDRESS, language: str = "en") -> Subscriber:
        """A subscriber who went through the double opt-in some time ago."""
        now = timezone.now()
        subscriber = Subscriber.objects.create(
            email=email,
            language=language,
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=now,
        )
        subscriber.economies.set([self.people.albania])
        subscriber.priority_areas.set([self.education])
        wording = services.consent_wording()
        Consent.objects.create(
            subscriber=subscriber,
            wording=wording,
            wording_version=services.wording_version(wording),
            language=language,
            confirmed_at=now,
        )
        return subscriber
