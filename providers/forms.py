from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from accounts.validators import normalize_phone, validate_id_number, validate_mainland_mobile, validate_uscc
from cms.models import District, Qualification, ServiceCategoryPage, ServicePage

from .models import Provider, ProviderDocument, ScheduleException, Staff

DATE_INPUT = forms.DateInput(attrs={"type": "date"})
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def launched_districts():
    return District.objects.filter(city__is_launched=True).select_related("city")


def source_categories():
    """Categories are kept against the catalog's source language; the labels follow the visitor's."""
    return ServiceCategoryPage.objects.live().filter(locale=Locale.get_default()).order_by("path")


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, category):
        localized = category.localized
        return localized.title


class DistrictChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class CompanyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Provider.Kind.choices)
    legal_name_zh = forms.CharField(label=_("Legal name (Chinese)"), max_length=200)
    legal_name_en = forms.CharField(label=_("Legal name (English)"), max_length=200, required=False)
    uscc = forms.CharField(
        label=_("Unified social credit code"),
        max_length=18,
        min_length=18,
        validators=[validate_uscc],
        help_text=_("18 characters, as printed on the business licence."),
    )
    legal_representative = forms.CharField(label=_("Legal representative"), max_length=100)
    contact_name = forms.CharField(label=_("Contact person"), max_length=100)
    contact_phone = forms.CharField(
        label=_("Contact phone"), max_length=20, validators=[validate_mainland_mobile]
    )
    registered_address = forms.CharField(label=_("Registered address"), max_length=300)
    categories = CategoryChoiceField(
        label=_("Categories offered"), queryset=ServiceCategoryPage.objects.none()
    )
    districts = DistrictChoiceField(label=_("Districts served"), queryset=District.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = source_categories()
        self.fields["districts"].queryset = launched_districts()

    def clean_uscc(self):
        return self.cleaned_data["uscc"].upper()

    def clean_contact_phone(self):
        return normalize_phone(self.cleaned_data["contact_phone"])


class ApplicantForm(forms.Form):
    """The provider administrator's own account, for an applicant who is not signed in."""

    applicant_name = forms.CharField(label=_("Your name"), max_length=50)
    applicant_phone = forms.CharField(
        label=_("Your mobile number (to sign in)"), max_length=20, validators=[validate_mainland_mobile]
    )
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, min_length=8)
    password_again = forms.CharField(label=_("Password again"), widget=forms.PasswordInput)

    def clean_applicant_phone(self):
        return normalize_phone(self.cleaned_data["applicant_phone"])

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password and password != cleaned.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        if password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Paper"), choices=ProviderDocument.Kind.choices)
    file = forms.FileField(label=_("File (PDF, JPEG or PNG, at most 10 MB)"))
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Leave empty if the paper does not expire."),
    )


class StaffForm(forms.Form):
    real_name = forms.CharField(label=_("Real name"), max_length=50)
    id_number = forms.CharField(label=_("Resident ID number"), max_length=18, validators=[validate_id_number])
    phone = forms.CharField(
        label=_("Mobile number (to sign in)"), max_length=20, validators=[validate_mainland_mobile]
    )
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput, min_length=8)
    skills = CategoryChoiceField(label=_("Skills"), queryset=ServiceCategoryPage.objects.none())
    districts = DistrictChoiceField(label=_("Districts"), queryset=District.objects.none())
    background_check = forms.ChoiceField(label=_("Background check"), choices=Staff.BackgroundCheck.choices)
    background_checked_on = forms.DateField(label=_("Checked on"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = provider.categories.order_by("path")
        self.fields["districts"].queryset = provider.districts.order_by("code")

    def clean_id_number(self):
        return self.cleaned_data["id_number"].upper()

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("background_check") != Staff.BackgroundCheck.PENDING and not cleaned.get(
            "background_checked_on"
        ):
            self.add_error("background_checked_on", _("Give the date of the background check."))
        return cleaned


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("Photo (JPEG or PNG)"))


class PersonalCertificateForm(forms.Form):
    qualification = forms.ModelChoiceField(label=_("Certificate"), queryset=Qualification.objects.all())
    number = forms.CharField(label=_("Certificate number"), max_length=60, required=False)
    expires_on = forms.DateField(label=_("Valid until"), required=False, widget=DATE_INPUT)


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Course"), max_length=200)
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE_INPUT)
    hours = forms.DecimalField(label=_("Hours"), max_digits=5, decimal_places=1, min_value=0)


class StaffEditForm(StaffForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("id_number", "phone", "password"):
            del self.fields[name]


WEEKDAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


class WeeklyHoursForm(forms.Form):
    """One working period per weekday; an empty day is a day off."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for day, name in enumerate(WEEKDAYS):
            self.fields[f"start_{day}"] = forms.TimeField(label=name, required=False, widget=TIME_INPUT)
            self.fields[f"end_{day}"] = forms.TimeField(label=name, required=False, widget=TIME_INPUT)

    def days(self):
        return [(name, self[f"start_{day}"], self[f"end_{day}"]) for day, name in enumerate(WEEKDAYS)]

    def clean(self):
        cleaned = super().clean()
        shifts = []
        for day in range(7):
            start, end = cleaned.get(f"start_{day}"), cleaned.get(f"end_{day}")
            if (start is None) != (end is None):
                self.add_error(f"end_{day}", _("Give both the start and the end, or neither for a day off."))
            elif start is not None and start >= end:
                self.add_error(f"end_{day}", _("The end must be after the start."))
            elif start is not None:
                shifts.append((day, start, end))
        cleaned["shifts"] = shifts
        return cleaned


class ScheduleExceptionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    kind = forms.ChoiceField(label=_("Type"), choices=ScheduleException.Kind.choices)
    start_time = forms.TimeField(label=_("From"), required=False, widget=TIME_INPUT)
    end_time = forms.TimeField(label=_("Until"), required=False, widget=TIME_INPUT)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class OfferForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Service"), queryset=ServicePage.objects.none())
    price = forms.DecimalField(
        label=_("Own price (yuan)"),
        max_digits=10,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("Leave empty to charge the catalog price."),
    )

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        categories = list(provider.categories.all())
        queryset = ServicePage.objects.live().filter(locale=Locale.get_default()).none()
        for category in categories:
            queryset = queryset | ServicePage.objects.live().child_of(category)
        self.fields["service"].queryset = queryset.order_by("path")
        self.fields["service"].label_from_instance = lambda service: service.localized.title
