from django.urls import path

from rihub.bulletins import feeds
from rihub.bulletins.sending import urls as sending_urls
from rihub.bulletins.subscriptions import urls as subscription_urls

app_name = "bulletins"

urlpatterns = [
    path("bulletin/feed/", feeds.BulletinFeed(), name="feed"),
    *subscription_urls.urlpatterns,
    *sending_urls.urlpatterns,
]
