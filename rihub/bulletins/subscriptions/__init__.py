"""Subscribers: sign-up with double opt-in, preferences, unsubscribe, their data."""
