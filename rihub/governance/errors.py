class GovernanceError(Exception):
    """A refused step in the life of a meeting; its message is safe to show."""
