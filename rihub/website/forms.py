"""The back office's form for library documents."""

from typing import Any

from wagtail.admin.forms import WagtailAdminModelForm

from rihub.website import uploads


class DocumentForm(WagtailAdminModelForm):
    """Say which files are accepted; the model's clean() refuses the others.

    The checks live on the model so that every form and import meets them; this
    form only tells the editor the rules before the upload, and lets the browser
    offer the accepted kinds.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        file = self.fields.get("file")
        if file is not None:
            file.help_text = uploads.help_text()
            file.widget.attrs["accept"] = uploads.ACCEPT
