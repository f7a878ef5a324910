from rihub.lib.errors import Refusal


class GovernanceError(Refusal):
    """A refused step in the life of a meeting; its message is safe to show."""
