from django.conf import settings
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from rihub import views
from rihub.api.views import api

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("rihub.directory.urls")),
    path("", include("rihub.governance.urls")),
    path("", include("rihub.mainstreaming.urls")),
    path("api/v1/", api.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
