"""Every subscriber page, and the HTML mail, is valid HTML (the Nu HTML Checker)."""

from django.urls import reverse

from rihub.bulletins.models import Consent
from rihub.bulletins.subscriptions import services, tokens
from rihub.bulletins.tests.subscription_support import (
    ADDRESS,
    SubscriptionTestCase,
    html_of,
    path_of,
)
from rihub.tests.html import nu_checker_or_skip, nu_errors


class SubscriberPagesAreValidHtmlTests(SubscriptionTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    def pages(self) -> dict[str, str]:
        get = self.client.get
        self.submit()
        pending = Consent.objects.get().subscriber
        confirm = path_of(tokens.confirmation_url(pending.consents.get()))
        subscriber = self.confirmed(email="confirmed@example.org")
        preferences = path_of(tokens.preferences_url(subscriber))
        token = preferences.split("/")[-2]
        unsubscribe = path_of(tokens.unsubscribe_url(subscriber))
        responses = {
            "form": get(reverse("bulletins:subscribe")),
            "form with errors": self.submit(email="not an address", consent=""),
            "sent": get(reverse("bulletins:subscribe-sent")),
            "confirm": get(confirm),
            "confirmed": self.client.post(confirm),
            "preferences": get(preferences),
            "erase": get(reverse("bulletins:preferences-erase", args=[token])),
            "unsubscribe": get(unsubscribe),
            "unsubscribed": self.client.post(unsubscribe),
            "refused": get("/bulletin/unsubscribe/forged/"),
        }
        pages = {
            name: response.content.decode() for name, response in responses.items()
        }
        services.send_preferences_link(subscriber)
        pages["confirmation mail"] = html_of(self.mailbox.to(ADDRESS)[0])
        pages["preferences mail"] = html_of(self.mailbox.to(subscriber.email)[0])
        return pages

    def test_the_pages_are_valid_html(self) -> None:
        pages = self.pages()
        self.assertEqual(nu_errors(pages), {name: [] for name in pages})
