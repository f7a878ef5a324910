from django.urls import path

from rihub.website import exports, feeds, views
from rihub.website.search import views as search_views

app_name = "website"
urlpatterns = [
    path("search/", search_views.search, name="search"),
    path("library/export.csv", exports.documents_csv, name="documents-csv"),
    path("library/feed/", feeds.DocumentFeed(), name="document-feed"),
    path("library/<int:pk>/file/", views.document_file, name="document-file"),
    path("library/<int:pk>/<slug:slug>/", views.document_detail, name="document"),
    path("news/feed/", feeds.NewsFeed(), name="news-feed"),
    path("events/feed/", feeds.EventFeed(), name="event-feed"),
    path("feeds/economies/<str:code>/", feeds.EconomyFeed(), name="economy-feed"),
    path("feeds/topics/<slug:slug>/", feeds.TopicFeed(), name="topic-feed"),
]
