from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.validators import normalize_phone, validate_mainland_mobile
from cms.models import District

from .models import Address

ADDRESS_DETAIL_MIN_LENGTH = 5
ADDRESS_DETAIL_MAX_LENGTH = 200
CONTACT_NAME_MAX_LENGTH = 50


class AddressForm(forms.ModelForm):
    class Meta:
        model = Address
        fields = ["district", "detail", "landmark", "contact_name", "contact_phone"]
        labels = {
            "district": _("District"),
            "detail": _("Address (building, unit, house number)"),
            "landmark": _("Nearby landmark (optional)"),
            "contact_name": _("Contact name"),
            "contact_phone": _("Contact phone"),
        }
        widgets = {
            "detail": forms.TextInput,
            "landmark": forms.TextInput,
            "contact_name": forms.TextInput,
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel"}),
        }

    def __init__(self, *args, districts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = (
            districts if districts is not None else District.objects.filter(city__is_launched=True)
        )
        self.fields["detail"].max_length = ADDRESS_DETAIL_MAX_LENGTH
        self.fields["contact_name"].max_length = CONTACT_NAME_MAX_LENGTH

    def clean_contact_phone(self):
        phone = normalize_phone(self.cleaned_data["contact_phone"])
        validate_mainland_mobile(phone)
        return phone

    def clean_detail(self):
        detail = self.cleaned_data["detail"].strip()
        if len(detail) < ADDRESS_DETAIL_MIN_LENGTH:
            raise forms.ValidationError(_("Give the full address down to the house number."))
        return detail


class SlotChoiceForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.none(), to_field_name="code"
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts


class DetailsForm(forms.Form):
    address = forms.ModelChoiceField(
        label=_("Address"), queryset=Address.objects.none(), empty_label=None, widget=forms.RadioSelect
    )
    notes = forms.CharField(
        label=_("Notes and special requests"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, addresses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["address"].queryset = addresses
        self.fields["address"].label_from_instance = lambda address: (
            f"{address.district} {address.detail} · {address.contact_name} {address.masked_phone}"
        )


class ChangeForm(forms.Form):
    date = forms.DateField(
        label=_("New date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    notes = forms.CharField(
        label=_("Notes and special requests"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
