"""A ModelForm builds its fields and validation from the model.

https://docs.djangoproject.com/en/5.2/topics/forms/modelforms/
"""

from django import forms

from .models import BODY_MAX_LENGTH, Note


class NoteForm(forms.ModelForm):
    # Declared to keep the body exactly as written: form fields trim whitespace by
    # default, which suits the title only.
    body = forms.CharField(
        required=False,
        strip=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea,
    )

    class Meta:
        model = Note
        fields = ["title", "body"]
