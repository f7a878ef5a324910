"""The quarterly bulletin: drafted, edited, archived, printed and mailed."""
