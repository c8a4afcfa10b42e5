"""A ModelForm builds its fields and validation from the model.

https://docs.djangoproject.com/en/5.2/topics/forms/modelforms/
"""

from django import forms

from .models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, Note, validate_title_text


class NoteForm(forms.ModelForm):
    # strip=False: the limits apply to the title as sent (200 characters, no control
    # character, not even a trailing newline); clean_title trims it afterwards.
    title = forms.CharField(
        max_length=TITLE_MAX_LENGTH, strip=False, validators=[validate_title_text]
    )
    # Kept exactly as written: form fields trim whitespace by default.
    body = forms.CharField(
        required=False,
        strip=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea,
    )

    class Meta:
        model = Note
        fields = ["title", "body"]

    def clean_title(self):
        """Store the title without surrounding whitespace; all blank is missing."""
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(
                self.fields["title"].error_messages["required"], code="required"
            )
        return title
