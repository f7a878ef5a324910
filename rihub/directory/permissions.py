"""Who may change which directory records.

The secretariat edits every record. A National Roma Contact Point edits only the
records of their own economy: its institutions, their people and the mandates of its
seats. Delegates and partners read.
"""

from typing import Any

from django.db.models import Model, Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from rihub.directory.models import Economy, Mandate, Organisation, Person

EDIT_EVERY_ECONOMY = "directory.edit_every_economy"
SCOPED_ACTIONS = {"change", "delete"}


def economies_of(user: Any) -> QuerySet[Economy]:
    """The economies whose institutions employ the user's person record."""
    if not user.is_authenticated:
        return Economy.objects.none()
    return Economy.objects.filter(organisations__people__user=user).distinct()


def edits_every_economy(user: Any) -> bool:
    return bool(user.is_active and user.has_perm(EDIT_EVERY_ECONOMY))


class EconomyScopedPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the user's own economy for change and delete.

    `economy_field` is the lookup from the model to its economy.
    """

    def __init__(self, model: type[Model], economy_field: str) -> None:
        super().__init__(model)
        self.economy_field = economy_field

    def user_has_permission_for_instance(
        self, user: Any, action: str, instance: Model
    ) -> bool:
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(
        self, user: Any, actions: list[str], instance: Model
    ) -> bool:
        if not self.user_has_any_permission(user, actions):
            return False
        if edits_every_economy(user) or not SCOPED_ACTIONS.intersection(actions):
            return True
        return self.instances_in_reach(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(
        self, user: Any, actions: list[str]
    ) -> QuerySet[Any]:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        if edits_every_economy(user) or not SCOPED_ACTIONS.intersection(actions):
            return self.model._default_manager.all()
        return self.instances_in_reach(user)

    def instances_in_reach(self, user: Any) -> QuerySet[Any]:
        own = Q(**{f"{self.economy_field}__in": economies_of(user)})
        return self.model._default_manager.filter(own)


organisation_policy = EconomyScopedPolicy(Organisation, "economy")
person_policy = EconomyScopedPolicy(Person, "organisation__economy")
mandate_policy = EconomyScopedPolicy(Mandate, "seat__economy")

register_permission_policy(Organisation, organisation_policy)
register_permission_policy(Person, person_policy)
register_permission_policy(Mandate, mandate_policy)
