from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import District, ServiceCategoryPage
from .selectors import launched_districts


class ServiceFilterForm(forms.Form):
    SORT_CHOICES = [
        ("recommended", _("Recommended")),
        ("price_asc", _("Price: low to high")),
        ("price_desc", _("Price: high to low")),
        ("duration_asc", _("Shortest first")),
        ("newest", _("Newest")),
    ]
    DURATION_CHOICES = [
        ("", _("Any length")),
        ("60", _("Up to 1 hour")),
        ("120", _("Up to 2 hours")),
        ("240", _("Up to 4 hours")),
        ("480", _("Up to 8 hours")),
    ]

    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=ServiceCategoryPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All districts"),
    )
    min_price = forms.DecimalField(
        label=_("Lowest price (¥)"), min_value=Decimal("0"), max_digits=10, decimal_places=2, required=False
    )
    max_price = forms.DecimalField(
        label=_("Highest price (¥)"), min_value=Decimal("0"), max_digits=10, decimal_places=2, required=False
    )
    max_duration = forms.TypedChoiceField(
        label=_("Duration"), choices=DURATION_CHOICES, coerce=int, empty_value=None, required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, data, *, locale, with_category):
        super().__init__(data)
        self.fields["district"].queryset = launched_districts()
        if with_category:
            self.fields["category"].queryset = ServiceCategoryPage.objects.live().filter(locale=locale)
        else:
            del self.fields["category"]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_price"), cleaned.get("max_price")
        if low is not None and high is not None and low > high:
            self.add_error("max_price", _("The highest price must not be below the lowest price."))
        return cleaned

    def filters(self, *, category=None) -> dict:
        """The ``filter_services`` arguments asked for; a listing inside ``category`` stays inside it.

        Filters that are not valid ask for nothing: the portal reports them and lists everything."""
        if not (self.is_bound and self.is_valid()):
            return {"category": category}
        data = self.cleaned_data
        return {
            "category": data.get("category") or category,
            "district": data.get("district"),
            "min_price": data.get("min_price"),
            "max_price": data.get("max_price"),
            "max_duration": data.get("max_duration"),
            "sort": data.get("sort") or "recommended",
        }


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False, strip=True)
    page = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
