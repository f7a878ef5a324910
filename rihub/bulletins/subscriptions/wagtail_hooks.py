"""Back-office views of this part of the bulletin, registered with Wagtail."""
