from wagtail.snippets.models import register_snippet

from rihub.mainstreaming.viewsets import StrategyViewSetGroup

register_snippet(StrategyViewSetGroup)
