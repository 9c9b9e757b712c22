"""Forms of the after-sales pages. They only check the shape of the input; every rule (windows, limits, file
types, who may do what) is checked by aftersales.services, whose refusals the views put on the form."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import CompensationClaim, Complaint, Feedback, ReviewPhoto
from .services import MAX_EVIDENCE_FILES, MAX_REVIEW_PHOTOS

EVIDENCE_ACCEPT = "application/pdf,image/jpeg,image/png"
RATING_LABELS = {
    "overall": _("Overall"),
    "punctuality": _("Punctuality"),
    "quality": _("Quality of work"),
    "attitude": _("Attitude"),
}


def _star_choices():
    # Called each time the radios render, so that the labels follow the reader's language.
    return [
        (stars, ngettext("%(count)d star", "%(count)d stars", stars) % {"count": stars})
        for stars in range(1, 6)
    ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked as a file here, and by type and count in the services."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(upload, initial) for upload in files]


def _stars_field(name):
    return forms.TypedChoiceField(
        label=RATING_LABELS[name],
        choices=_star_choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose from 1 to 5 stars.")},
    )


class ReviewForm(forms.Form):
    overall = _stars_field("overall")
    punctuality = _stars_field("punctuality")
    quality = _stars_field("quality")
    attitude = _stars_field("attitude")
    text = forms.CharField(
        label=_("Your review"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        help_text=_("Up to 2000 characters. Your name is shown only as its first character."),
    )
    photos = MultipleFileField(
        label=_("Photos"),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    remove_photos = forms.ModelMultipleChoiceField(
        label=_("Remove these photos"),
        queryset=ReviewPhoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    rating_fields = tuple(RATING_LABELS)

    def __init__(self, *args, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].help_text = _("JPEG or PNG, at most %(count)s photos in all, 5 MB each.") % {
            "count": MAX_REVIEW_PHOTOS
        }
        if review is None:
            del self.fields["remove_photos"]
        else:
            self.fields["remove_photos"].queryset = review.photos.all()
            self.fields["remove_photos"].label_from_instance = lambda photo: _("Remove this photo")

    @property
    def ratings(self):
        return {name: self.cleaned_data[name] for name in self.rating_fields}

    def star_fields(self):
        return [self[name] for name in self.rating_fields]


class ComplaintForm(forms.Form):
    category = forms.ChoiceField(label=_("What went wrong"), choices=[("", "—"), *Complaint.Category.choices])
    description = forms.CharField(
        label=_("What happened"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        help_text=_("When, what, and what you would like us to do."),
    )
    evidence = MultipleFileField(
        label=_("Evidence"),
        widget=MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = _("Photos or PDFs (JPEG, PNG, PDF), at most %(count)s files.") % {
            "count": MAX_EVIDENCE_FILES
        }


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("What is still wrong"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ClaimForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=[("", "—"), *CompensationClaim.Reason.choices])
    description = forms.CharField(
        label=_("What happened"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
    )
    amount = forms.DecimalField(
        label=_("Amount claimed (yuan)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("In yuan, e.g. 120.00."),
        error_messages={"invalid": _("Enter the amount in yuan, e.g. 120.00.")},
    )
    evidence = MultipleFileField(
        label=_("Evidence"),
        widget=MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = _(
            "Photos, receipts or PDFs (JPEG, PNG, PDF), at most %(count)s files."
        ) % {"count": MAX_EVIDENCE_FILES}


class FeedbackForm(forms.Form):
    category = forms.ChoiceField(label=_("About"), choices=[("", "—"), *Feedback.Category.choices])
    text = forms.CharField(
        label=_("Your message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000})
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your public reply"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )


class ResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Your side of the story"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        help_text=_("The customer and our customer service see it."),
    )
