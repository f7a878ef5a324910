"""The bulletin in the back office: each part registers its own views."""

from rihub.bulletins.sending import wagtail_hooks as sending_hooks
from rihub.bulletins.subscriptions import wagtail_hooks as subscription_hooks

__all__ = ["sending_hooks", "subscription_hooks"]
