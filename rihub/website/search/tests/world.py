"""Content to search: one of each kind of source, public and not."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.test import Client
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from rihub.directory.models import PriorityArea
from rihub.governance.models import Commitment, Meeting
from rihub.governance.services import minutes
from rihub.governance.tests.world import World
from rihub.website.models import (
    Document,
    DocumentType,
    EventIndexPage,
    EventPage,
    HomePage,
    Level,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from rihub.website.tests.content import publish


def paragraph(html: str) -> list[tuple[str, Any]]:
    return [("paragraph", RichText(html))]


def news(title: str, day: dt.date, **fields: Any) -> NewsPage:
    relations = {
        k: fields.pop(k) for k in ("economies", "priority_areas") if k in fields
    }
    page = NewsPage(title=title, date=day, **fields)
    return publish(NewsIndexPage.objects.get(), page, **relations)


def document(title: str, **fields: Any) -> Document:
    relations = {
        k: fields.pop(k) for k in ("economies", "priority_areas") if k in fields
    }
    values = {
        "document_type": DocumentType.REPORT,
        "date": dt.date(2019, 5, 1),
        "language": "en",
        "live": True,
    }
    found = Document(title=title, **values | fields)
    for name, related in relations.items():
        getattr(found, name).set(related)
    found.save()
    return found


def area(slug: str, name: str) -> PriorityArea:
    return PriorityArea.objects.get_or_create(slug=slug, defaults={"name": name})[0]


@dataclass
class SearchWorld:
    """Everything says "housing"; only what is public may be found."""

    world: World
    housing: PriorityArea
    education: PriorityArea
    news: NewsPage
    event: EventPage
    about: StandardPage
    strategy: Document
    meeting: Meeting
    launch: Meeting
    commitment: Commitment
    # Never to be found:
    draft_news: NewsPage
    private_page: StandardPage
    draft_document: Document
    hidden_meeting: Meeting
    hidden_commitment: Commitment

    @classmethod
    def create(cls) -> "SearchWorld":
        world = World.create()
        albania, serbia = world.people.albania, world.people.serbia
        housing = area("housing", "Housing")
        education = area("education", "Education")
        home = HomePage.objects.get()

        news_page = news(
            "Housing fund opens in Tirana",
            dt.date(2019, 5, 2),
            summary="A fund for Roma families' homes.",
            body=paragraph("<p>The fund pays for housing legalisation.</p>"),
            level=Level.ECONOMY,
            economies=[albania],
            priority_areas=[housing],
        )
        event = publish(
            EventIndexPage.objects.get(),
            EventPage(
                title="Regional housing forum",
                start_date=dt.date(2018, 10, 10),
                level=Level.REGIONAL,
            ),
            economies=[albania, serbia],
            priority_areas=[housing, education],
        )
        about = publish(
            home,
            StandardPage(
                title="About the project",
                slug="about",
                summary="How the housing work is organised.",
            ),
        )
        strategy = document(
            "Strategy for Roma inclusion",
            summary="The national strategy.",
            text="Chapter four covers housing in Belgrade and Niš.",
            document_type=DocumentType.STRATEGY,
            level=Level.ECONOMY,
            language="sr",
            date=dt.date(2017, 3, 1),
            economies=[serbia],
            priority_areas=[housing],
        )

        meeting = world.task_force_meeting(
            dt.date(2016, 11, 9), title="Task Force 2016"
        )
        editor = world.people.secretariat_editor
        record = minutes.draft(
            meeting, "## Housing\nMembers agreed a housing survey.", editor
        )
        minutes.circulate(record, dt.date(2016, 12, 1), editor)
        minutes.adopt(record, dt.date(2016, 12, 20), editor)

        launch = world.launch(start_date=dt.date(2016, 6, 1), title="Launch in Tirana")
        commitment = Commitment.objects.create(
            meeting=launch,
            economy=albania,
            text="Legalise housing in every Roma settlement.",
            priority_area=housing,
        )

        draft_news = NewsPage(
            title="Draft housing plan", date=dt.date(2020, 1, 1), live=False
        )
        NewsIndexPage.objects.get().add_child(instance=draft_news)
        draft_news.save_revision()
        private_section = publish(home, StandardPage(title="Members", slug="members"))
        PageViewRestriction.objects.create(
            page=private_section, restriction_type=PageViewRestriction.LOGIN
        )
        private_page = publish(
            private_section, StandardPage(title="Private housing notes", slug="notes")
        )
        draft_document = document("Secret housing draft", live=False)
        hidden_meeting = world.launch(
            kind=Meeting.Kind.CONCLUSION,
            slug="conclusion",
            title="Closed housing meeting",
            published=False,
        )
        hidden_commitment = Commitment.objects.create(
            meeting=hidden_meeting,
            economy=serbia,
            text="A housing promise not yet public.",
            priority_area=housing,
        )
        return cls(
            world=world,
            housing=housing,
            education=education,
            news=news_page,
            event=event,
            about=about,
            strategy=strategy,
            meeting=meeting,
            launch=launch,
            commitment=commitment,
            draft_news=draft_news,
            private_page=private_page,
            draft_document=draft_document,
            hidden_meeting=hidden_meeting,
            hidden_commitment=hidden_commitment,
        )


def found_titles(client: Client, **params: str) -> list[str]:
    """The titles of the results on the page, in order, without their marks."""
    response = client.get("/search/", params)
    hits = response.context["hits"] if response.context.get("terms") else []
    return [hit.entry.title for hit in hits]
