"""Work on meetings that spans several records, each step in one transaction."""
