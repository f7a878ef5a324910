"""RI Hub: the platform of a regional cooperation project on Roma integration."""
