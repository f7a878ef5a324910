from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from rihub.api.views import api
from rihub.website import discovery, serving

# Addresses without a language prefix are English; /sq/, /sr/ and the others carry
# the same pages in another language.
urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", discovery.sitemap, name="sitemap"),
    path("robots.txt", discovery.robots_txt, name="robots-txt"),
    # The mail provider's reports of bounces and complaints (django-anymail).
    path("anymail/", include("anymail.urls")),
    *i18n_patterns(
        path("", include("rihub.directory.urls")),
        path("", include("rihub.governance.urls")),
        path("", include("rihub.mainstreaming.urls")),
        path("", include("rihub.website.urls")),
        path("", include("rihub.bulletins.urls")),
        path("", include("rihub.monograph.urls")),
        path("", serving.serve, {"path": ""}, name="home"),
        *wagtail_urls.urlpatterns[:-1],
        re_path(wagtail_urls.serve_pattern, serving.serve, name="wagtail_serve"),
        prefix_default_language=False,
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
