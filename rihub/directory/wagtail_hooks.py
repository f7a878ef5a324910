from wagtail.snippets.models import register_snippet

from rihub.directory.viewsets import DirectoryViewSetGroup

register_snippet(DirectoryViewSetGroup)
