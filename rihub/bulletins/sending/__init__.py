"""Mailing a bulletin: rendering, batches at a set rate, retries, bounces."""
