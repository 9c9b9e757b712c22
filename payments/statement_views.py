"""Providers' daily statements in the portal: a page to choose a day and its CSV/XLSX downloads.

The provider's administrators and platform reviewers see them (superusers pass both checks); anyone else
gets 403, as the providers' own pages do. Every number comes from payments.statements.
"""

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from providers import permissions
from providers.models import Provider

from . import statements

BAD_REQUEST = 400
# Earlier than any payment; keeps day arithmetic and time-zone conversion far from datetime's limits.
EARLIEST_DAY = date(2000, 1, 1)


class DayForm(forms.Form):
    day = forms.DateField(
        label=gettext_lazy("Day"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Choose a day."),
            "invalid": gettext_lazy("Enter the day as YYYY-MM-DD, for example 2026-07-01."),
        },
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        if not EARLIEST_DAY <= day <= statements.local_today():
            raise forms.ValidationError(
                _("Choose a day between %(first)s and today.") % {"first": f"{EARLIEST_DAY:%Y-%m-%d}"},
                code="out_of_range",
            )
        return day


def day_from_url(value: str):
    """(day, None) for a valid day in a download's URL, else (None, a 400 response that says why)."""
    form = DayForm({"day": value})
    if form.is_valid():
        return form.cleaned_data["day"], None
    message = " ".join(form.errors["day"])
    return None, HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def require_format(fmt: str) -> None:
    if fmt not in statements.EXPORT_CONTENT_TYPES:
        raise Http404


def export_response(dataset, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        statements.export(dataset, fmt), content_type=statements.EXPORT_CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def can_see_statements(user, provider: Provider) -> bool:
    return permissions.can_manage(user, provider) or permissions.can_review(user)


def _provider_for(request, provider_id) -> Provider:
    provider = get_object_or_404(Provider, pk=provider_id)
    permissions.require(can_see_statements(request.user, provider))
    return provider


def chosen_day(request, form_class=DayForm):
    """(form, day): the day asked for in ?day=, yesterday without one, None when it is not a valid day."""
    default = statements.default_day()
    form = form_class(request.GET if "day" in request.GET else None, initial={"day": default})
    if not form.is_bound:
        return form, default
    return form, form.cleaned_data["day"] if form.is_valid() else None


@login_required
def statement_page(request, provider_id):
    provider = _provider_for(request, provider_id)
    form, day = chosen_day(request)
    statement = statements.provider_statement(provider, day) if day else None
    context = {
        "provider": provider,
        "can_manage": permissions.can_manage(request.user, provider),
        "form": form,
        "statement": statement,
        "formats": list(statements.EXPORT_CONTENT_TYPES),
    }
    return TemplateResponse(
        request, "payments/statements.html", context, status=BAD_REQUEST if statement is None else 200
    )


@login_required
def statement_download(request, provider_id, day, fmt):
    provider = _provider_for(request, provider_id)
    require_format(fmt)
    day, bad_request = day_from_url(day)
    if bad_request is not None:
        return bad_request
    statement = statements.provider_statement(provider, day)
    return export_response(
        statements.statement_dataset(statement), fmt, f"statement-{provider.pk}-{day:%Y%m%d}"
    )
