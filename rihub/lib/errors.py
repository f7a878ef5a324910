class Refusal(Exception):
    """A step the platform refuses; its message is safe to show to the user."""
