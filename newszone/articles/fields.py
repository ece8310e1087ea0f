from django_prose_editor.fields import ProseEditorField

from newszone.core.html import sanitize_html

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "SpecialCharacters": True,
    "History": True,
}


class BodyField(ProseEditorField):
    """Rich text edited with ProseMirror; stored only after nh3 sanitising.

    Sanitising happens in ``pre_save`` too, so HTML that arrives by any road
    (admin, shell, importer, API) is cleaned before it reaches the database.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs.setdefault("sanitize", sanitize_html)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname) or ""
        # Bulk writers that sanitised this very string already say so (an
        # identity check: any change since makes it a new string, cleaned here).
        if value is not getattr(model_instance, f"_clean_{self.attname}", None):
            value = sanitize_html(value)
            setattr(model_instance, self.attname, value)
        return value
