"""Whole pages kept for visitors until what they show changes; file validators."""

import datetime as dt
import hashlib
import itertools
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.utils.http import http_date
from wagtail.models import PageLogEntry, PageViewRestriction

import rihub.urls
from rihub.governance.models import Meeting
from rihub.tests.personas import Personas
from rihub.website import caching
from rihub.website.models import DocumentType
from rihub.website.tests import content, samples

SERIAL = itertools.count()


def probe(request: HttpRequest, kind: str) -> HttpResponse:
    """A page that tells each rendering apart, and may be one visitor's own."""
    if kind == "csrf":
        get_token(request)
    elif kind == "message":
        messages.info(request, "Saved.")
    elif kind == "session":
        request.session["seen"] = True
    return HttpResponse(f"rendering {next(SERIAL)}")


urlpatterns = [path("probe/<slug:kind>/", probe), *rihub.urls.urlpatterns]


@override_settings(RIHUB_PAGE_CACHE_SECONDS=300)
class PageCacheTestCase(TestCase):
    people: Personas

    @classmethod
    def setUpTestData(cls) -> None:
        # The app connects these at start-up; again here, before any request.
        caching.connect()
        cls.people = Personas.create()

    def setUp(self) -> None:
        # Copies stored by an earlier test show rows its rollback removed.
        cache.clear()

    def queries(self, path: str, **headers: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path, headers=headers)
        self.assertEqual(response.status_code, 200)
        return len(queries), response.text


class ServingFromTheCacheTests(PageCacheTestCase):
    def test_a_second_visit_is_served_without_the_database(self) -> None:
        content.news("Plan adopted", dt.date(2021, 1, 1))

        first, page = self.queries("/news/")
        second, again = self.queries("/news/")

        self.assertGreater(first, 0)
        self.assertEqual(second, 0)
        self.assertEqual(again, page)
        self.assertIn("Plan adopted", again)

    def test_publishing_a_change_shows_at_once(self) -> None:
        page = content.news("Plan adopted", dt.date(2021, 1, 1))
        self.queries("/news/")

        page.title = "Plan adopted by the government"
        page.save_revision().publish()

        count, html = self.queries("/news/")
        self.assertGreater(count, 0)
        self.assertIn("Plan adopted by the government", html)

    def test_unpublishing_and_restricting_take_effect_at_once(self) -> None:
        page = content.news("Plan adopted", dt.date(2021, 1, 1))
        self.queries(page.url)

        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertEqual(self.client.get(page.url).status_code, 302)

        PageViewRestriction.objects.filter(page=page).delete()
        page.unpublish()
        self.assertEqual(self.client.get(page.url).status_code, 404)

    def test_changes_to_records_the_pages_show_reach_them(self) -> None:
        document = content.document("Action plan", featured=True)
        meeting = Meeting.objects.create(
            body=self.people.task_force, title="Task Force 2021", slug="tf", year=2021
        )
        self.queries("/")
        self.queries(meeting.get_absolute_url())

        document.title = "Revised action plan"
        document.save()
        meeting.title = "Fifth Task Force meeting"
        meeting.save()

        self.assertIn("Revised action plan", self.queries("/")[1])
        self.assertIn(
            "Fifth Task Force meeting", self.queries(meeting.get_absolute_url())[1]
        )

    def test_an_economy_renamed_is_renamed_on_its_profile(self) -> None:
        profile = content.profile(self.people.albania)
        self.queries(profile.url)

        self.people.albania.designation_footnote = "A footnote for the test."
        self.people.albania.save()

        self.assertIn("A footnote for the test.", self.queries(profile.url)[1])

    def test_each_language_and_address_is_kept_apart(self) -> None:
        content.news("Plan adopted", dt.date(2021, 1, 1))
        english = self.queries("/news/")[1]

        albanian_count, albanian = self.queries("/sq/news/")
        second_page_count, _ = self.queries("/news/?page=2")

        self.assertGreater(albanian_count, 0)
        self.assertIn('lang="sq"', albanian)
        self.assertNotEqual(albanian, english)
        self.assertGreater(second_page_count, 0)

    def test_a_stored_page_answers_conditional_requests(self) -> None:
        first = self.client.get("/news/")
        etag = first["ETag"]

        response = self.client.get("/news/", headers={"If-None-Match": etag})

        self.assertEqual(response.status_code, 304)
        self.assertEqual(response["ETag"], etag)

    @override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
    def test_no_page_is_kept_when_the_cache_is_off(self) -> None:
        self.queries("/news/")

        self.assertGreater(self.queries("/news/")[0], 0)


class NeverCachedTests(PageCacheTestCase):
    def test_signed_in_users_never_get_or_leave_a_stored_page(self) -> None:
        self.queries("/news/")
        self.client.force_login(self.people.secretariat_editor)

        self.assertGreater(self.queries("/news/")[0], 0)
        self.assertGreater(self.queries("/news/")[0], 0)
        self.client.logout()
        self.assertEqual(self.queries("/news/")[0], 0)

    def test_a_page_for_a_signed_in_user_is_not_kept_for_visitors(self) -> None:
        self.client.force_login(self.people.secretariat_editor)
        self.client.get("/who-we-are/")
        self.client.logout()

        self.assertGreater(self.queries("/who-we-are/")[0], 0)

    def test_a_password_form_is_not_kept(self) -> None:
        page = content.news("Members only", dt.date(2021, 1, 1))
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )

        first = self.client.get(page.url)
        second_count, _ = self.queries(page.url)

        self.assertIn("csrfmiddlewaretoken", first.text)
        self.assertGreater(second_count, 0)

    @override_settings(ROOT_URLCONF=__name__)
    def test_pages_of_one_visitor_are_never_kept(self) -> None:
        for address in ["/probe/csrf/", "/probe/message/", "/probe/session/"]:
            with self.subTest(address=address):
                first = self.client.get(address).text
                self.client.cookies.clear()

                self.assertNotEqual(self.client.get(address).text, first)

    @override_settings(ROOT_URLCONF=__name__)
    def test_a_plain_probe_is_kept(self) -> None:
        first = self.client.get("/probe/plain/").text

        self.assertEqual(self.client.get("/probe/plain/").text, first)

    def test_a_visitor_with_messages_waiting_gets_a_fresh_page(self) -> None:
        self.queries("/news/")
        self.client.cookies["messages"] = "pending"

        self.assertGreater(self.queries("/news/")[0], 0)

    def test_errors_and_posts_are_not_kept(self) -> None:
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get("/news/missing/").status_code, 404)
            self.assertGreater(len(queries), 0)

        self.client.post("/news/")
        self.assertGreater(self.queries("/news/")[0], 0)


class GenerationTests(PageCacheTestCase):
    def test_content_changes_bump_the_generation(self) -> None:
        before = caching.current_generation()

        content.news("Plan adopted", dt.date(2021, 1, 1))

        self.assertGreater(caching.current_generation(), before)

    def test_writes_no_visitor_sees_leave_it_alone(self) -> None:
        page = content.news("Plan adopted", dt.date(2021, 1, 1))
        before = caching.current_generation()

        User.objects.create_user("someone")
        PageLogEntry.objects.log_action(page, "wagtail.edit")

        self.assertEqual(caching.current_generation(), before)

    def test_one_more_bump_waits_for_the_commit_however_many_saves(self) -> None:
        content.document("Action plan")
        content.document("Progress report")

        callbacks = [entry[1] for entry in connection.run_on_commit]
        pending = [c for c in callbacks if c is caching.bump_generation]
        self.assertEqual(pending, [caching.bump_generation])

    def test_a_lost_counter_starts_again_where_no_copy_was_stored(self) -> None:
        before = caching.current_generation()
        cache.delete(caching.GENERATION_KEY)

        caching.bump_generation()

        self.assertNotEqual(caching.current_generation(), before)
        self.assertNotEqual(caching.current_generation(), before + 1)


class QueryCountTests(PageCacheTestCase):
    @override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
    def test_listing_pages_cost_the_same_with_more_content(self) -> None:
        paths = ["/", "/news/", "/library/"]
        content.news("First", dt.date(2021, 1, 1), economies=[self.people.albania])
        content.document("First plan", economies=[self.people.albania])
        few = {path: self.count(path) for path in paths}

        for day in range(2, 10):
            content.news(
                f"Item {day}",
                dt.date(2021, 1, day),
                economies=[self.people.albania, self.people.serbia],
            )
            content.document(f"Plan {day}", featured=True)

        self.assertEqual({path: self.count(path) for path in paths}, few)

    def count(self, path: str) -> int:
        cache.clear()
        return self.queries(path)[0]


class DocumentFileTests(samples.PrivateMedia):
    @classmethod
    def setUpTestData(cls) -> None:
        Personas.create()

    def setUp(self) -> None:
        super().setUp()
        self.document = content.document(
            "Action plan",
            document_type=DocumentType.ACTION_PLAN,
            file=samples.upload("plan.pdf", samples.pdf()),
        )
        self.url = self.document.get_file_url()

    def test_the_file_carries_its_digest_and_date(self) -> None:
        response = self.client.get(self.url)

        digest = hashlib.sha256(samples.pdf()).hexdigest()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["ETag"], f'"{digest}"')
        self.assertEqual(
            response["Last-Modified"],
            http_date(int(self.document.updated_at.timestamp())),
        )
        self.assertEqual(body(response), samples.pdf())

    def test_a_reader_holding_the_file_gets_not_modified(self) -> None:
        first = self.client.get(self.url)

        by_etag = self.client.get(self.url, headers={"If-None-Match": first["ETag"]})
        by_date = self.client.get(
            self.url, headers={"If-Modified-Since": first["Last-Modified"]}
        )

        self.assertEqual(by_etag.status_code, 304)
        self.assertEqual(by_date.status_code, 304)

    def test_another_version_is_sent_whole(self) -> None:
        response = self.client.get(self.url, headers={"If-None-Match": '"other"'})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(body(response), samples.pdf())

    def test_an_unpublished_file_is_not_found_whatever_the_reader_holds(self) -> None:
        etag = self.client.get(self.url)["ETag"]
        self.document.live = False
        self.document.save()

        response = self.client.get(self.url, headers={"If-None-Match": etag})

        self.assertEqual(response.status_code, 404)


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content)
