"""Portal pages for provider administrators, dispatchers and staff, and the public certificate check.

Every view asks providers.permissions before it shows or changes anything, and changes go
through providers.services.
"""

from datetime import date, timedelta
from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.services import record_personal_data_access

from . import permissions, selectors, services
from .forms import (
    ApplicantForm,
    CompanyForm,
    DocumentForm,
    OfferForm,
    PersonalCertificateForm,
    PhotoForm,
    ScheduleExceptionForm,
    StaffEditForm,
    StaffForm,
    TrainingForm,
    WeeklyHoursForm,
)
from .models import (
    Certificate,
    Provider,
    ProviderDocument,
    ScheduleException,
    ServiceOffer,
    Staff,
    StaffCertificate,
)
from .pdf import qr_svg_data_uri, render_pdf

BAD_REQUEST = 400


def _provider_for(request, provider_id, check):
    provider = get_object_or_404(Provider, pk=provider_id)
    permissions.require(check(request.user, provider))
    return provider


def _staff_for(request, staff_id, check):
    staff = get_object_or_404(Staff.objects.select_related("provider", "user"), pk=staff_id)
    permissions.require(check(request.user, staff))
    return staff


def _render(request, template, context, form=None):
    status = BAD_REQUEST if form is not None and form.is_bound and form.errors else 200
    return TemplateResponse(request, template, context, status=status)


# Application ----------------------------------------------------------------------------------------------


def apply(request):
    """Step 1: the company (and, for a newcomer, the administrator's own account)."""
    company_form = CompanyForm(request.POST or None, prefix="company")
    applicant_form = (
        None if request.user.is_authenticated else ApplicantForm(request.POST or None, prefix="applicant")
    )
    forms_valid = company_form.is_valid() and (applicant_form is None or applicant_form.is_valid())
    if request.method == "POST" and forms_valid:
        try:
            with transaction.atomic():
                applicant = request.user
                if applicant_form is not None:
                    data = applicant_form.cleaned_data
                    applicant = services.register_applicant(
                        phone=data["applicant_phone"], password=data["password"], name=data["applicant_name"]
                    )
                provider = services.start_application(applicant=applicant, **company_form.cleaned_data)
        except ValidationError as error:
            company_form.add_error(None, error)
        else:
            if applicant_form is not None:
                login(request, applicant, backend="accounts.backends.PhoneOrUsernameBackend")
            messages.success(request, _("Your application is saved. Next, upload your papers."))
            return redirect("providers:papers", provider_id=provider.pk)
    context = {"company_form": company_form, "applicant_form": applicant_form, "step": 1}
    bound_with_errors = request.method == "POST" and not forms_valid or company_form.non_field_errors()
    return TemplateResponse(
        request, "providers/apply.html", context, status=BAD_REQUEST if bound_with_errors else 200
    )


@login_required
def home(request):
    provider = permissions.managed_providers(request.user).first()
    if provider is not None:
        return redirect("providers:dashboard", provider_id=provider.pk)
    if permissions.staff_profile(request.user) is not None:
        return redirect("providers:staff_me")
    return redirect("providers:apply")


@login_required
def dashboard(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_dispatch)
    context = {
        "provider": provider,
        "can_manage": permissions.can_manage(request.user, provider),
        "events": provider.events.select_related("actor")[:20],
        "missing_papers": services.missing_papers(provider),
        "editable": provider.status in services.EDITABLE_APPLICATION_STATUSES,
        "staff_count": selectors.provider_staff(provider).count(),
    }
    return TemplateResponse(request, "providers/dashboard.html", context)


@login_required
def edit_application(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_manage)
    if provider.status not in services.EDITABLE_APPLICATION_STATUSES:
        messages.error(
            request, _("The application can only be changed before it is submitted or when it was sent back.")
        )
        return redirect("providers:dashboard", provider_id=provider.pk)
    initial = {
        field: getattr(provider, field)
        for field in (
            "kind",
            "legal_name_zh",
            "legal_name_en",
            "uscc",
            "legal_representative",
            "contact_name",
            "contact_phone",
            "registered_address",
        )
    }
    initial["categories"] = list(provider.categories.all())
    initial["districts"] = list(provider.districts.all())
    form = CompanyForm(request.POST or None, initial=initial, prefix="company")
    if request.method == "POST" and form.is_valid():
        try:
            services.update_application(provider, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The application was updated."))
            return redirect("providers:dashboard", provider_id=provider.pk)
    return _render(request, "providers/edit_application.html", {"provider": provider, "form": form}, form)


@login_required
def papers(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_manage)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.upload_document(
                provider,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                uploaded_file=form.cleaned_data["file"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The paper was uploaded."))
            return redirect("providers:papers", provider_id=provider.pk)
    context = {
        "provider": provider,
        "form": form,
        "documents": provider.documents.all(),
        "required": sorted(services.required_papers(provider)),
        "missing": services.missing_papers(provider),
        "editable": provider.status in services.EDITABLE_APPLICATION_STATUSES,
    }
    return _render(request, "providers/papers.html", context, form)


@login_required
def document(request, document_id):
    document = get_object_or_404(ProviderDocument.objects.select_related("provider"), pk=document_id)
    permissions.require(
        permissions.can_manage(request.user, document.provider) or permissions.can_review(request.user)
    )
    record_personal_data_access(
        actor=request.user, subject=document, fields=["file"], purpose="provider paper"
    )
    handle = document.file.open("rb")
    return FileResponse(handle, content_type=document.content_type, filename=document.original_name)


@login_required
@require_POST
def delete_document(request, document_id):
    document = get_object_or_404(ProviderDocument.objects.select_related("provider"), pk=document_id)
    permissions.require(permissions.can_manage(request.user, document.provider))
    try:
        services.delete_document(document, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The paper was removed."))
    return redirect("providers:papers", provider_id=document.provider_id)


@login_required
@require_POST
def submit(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_manage)
    try:
        services.submit_application(provider, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("providers:dashboard", provider_id=provider.pk)
    messages.success(
        request, _("Submitted. A reviewer will look at your application, usually within two working days.")
    )
    return redirect("providers:dashboard", provider_id=provider.pk)


# Staff ----------------------------------------------------------------------------------------------------


@login_required
def staff_list(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_dispatch)
    context = {
        "provider": provider,
        "staff": selectors.provider_staff(provider),
        "can_manage": permissions.can_manage(request.user, provider),
    }
    return TemplateResponse(request, "providers/staff_list.html", context)


@login_required
def staff_add(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_manage)
    form = StaffForm(request.POST or None, provider=provider)
    if request.method == "POST" and form.is_valid():
        try:
            staff = services.add_staff(provider, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(name)s was added. Now set the working hours.") % {"name": staff.real_name}
            )
            return redirect("providers:staff_schedule", staff_id=staff.pk)
    return _render(request, "providers/staff_form.html", {"provider": provider, "form": form}, form)


@login_required
def staff_detail(request, staff_id):
    staff = _staff_for(request, staff_id, permissions.can_view_staff)
    can_reveal = permissions.can_see_personal_data_of_staff(request.user, staff)
    full_view = can_reveal and request.GET.get("reveal") == "1"
    if full_view:
        record_personal_data_access(
            actor=request.user, subject=staff, fields=["id_number", "phone"], purpose="provider staff record"
        )
    context = {
        "staff": staff,
        "provider": staff.provider,
        "full_view": full_view,
        "can_reveal": can_reveal,
        "can_manage": permissions.can_manage(request.user, staff.provider),
        "certificates": staff.certificates.select_related("qualification"),
        "training": staff.training.all(),
        "issued": staff.issued_certificates.all(),
    }
    return TemplateResponse(request, "providers/staff_detail.html", context)


@login_required
def staff_records(request, staff_id):
    """The manager's additions to a staff record: photo, personal certificates, training."""
    staff = _staff_for(request, staff_id, lambda user, s: permissions.can_manage(user, s.provider))
    forms_by_action = {
        "photo": PhotoForm(request.POST if "photo_upload" in request.POST else None, request.FILES or None),
        "certificate": PersonalCertificateForm(request.POST if "certificate" in request.POST else None),
        "training": TrainingForm(request.POST if "training" in request.POST else None),
    }
    bound = next((form for form in forms_by_action.values() if form.is_bound), None)
    if request.method == "POST" and bound is not None and bound.is_valid():
        data = bound.cleaned_data
        try:
            if bound is forms_by_action["photo"]:
                services.set_staff_photo(staff, data["photo"])
            elif bound is forms_by_action["certificate"]:
                services.add_personal_certificate(staff, **data)
            else:
                services.add_training_record(staff, **data)
        except ValidationError as error:
            bound.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("providers:staff_records", staff_id=staff.pk)
    context = {
        "staff": staff,
        "provider": staff.provider,
        "certificates": staff.certificates.select_related("qualification"),
        "training": staff.training.all(),
        **{f"{name}_form": form for name, form in forms_by_action.items()},
    }
    return _render(request, "providers/staff_records.html", context, bound)


@login_required
@require_POST
def delete_personal_certificate(request, certificate_id):
    certificate = get_object_or_404(
        StaffCertificate.objects.select_related("staff__provider"), pk=certificate_id
    )
    permissions.require(permissions.can_manage(request.user, certificate.staff.provider))
    certificate.delete()
    return redirect("providers:staff_records", staff_id=certificate.staff_id)


@login_required
def staff_photo(request, staff_id):
    staff = _staff_for(request, staff_id, permissions.can_view_staff)
    if not staff.photo:
        raise Http404
    # The stored name's extension comes from the sniffed type, so the served Content-Type is an image's.
    return FileResponse(staff.photo.open("rb"))


@login_required
def staff_edit(request, staff_id):
    staff = _staff_for(request, staff_id, lambda user, s: permissions.can_manage(user, s.provider))
    initial = {
        "real_name": staff.real_name,
        "skills": list(staff.skills.all()),
        "districts": list(staff.districts.all()),
        "background_check": staff.background_check,
        "background_checked_on": staff.background_checked_on,
    }
    form = StaffEditForm(request.POST or None, initial=initial, provider=staff.provider)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_staff(staff, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("providers:staff_detail", staff_id=staff.pk)
    return _render(
        request, "providers/staff_form.html", {"provider": staff.provider, "form": form, "staff": staff}, form
    )


@login_required
@require_POST
def staff_leave(request, staff_id):
    staff = _staff_for(request, staff_id, lambda user, s: permissions.can_manage(user, s.provider))
    services.staff_leaves(staff, actor=request.user)
    messages.success(request, _("%(name)s no longer works for this provider.") % {"name": staff.real_name})
    return redirect("providers:staff_list", provider_id=staff.provider_id)


@login_required
def staff_schedule(request, staff_id):
    staff = _staff_for(request, staff_id, lambda user, s: permissions.can_manage(user, s.provider))
    initial = {}
    for shift in staff.weekly_shifts.all():
        initial.setdefault(f"start_{shift.weekday}", shift.start_time)
        initial.setdefault(f"end_{shift.weekday}", shift.end_time)
    hours_form = WeeklyHoursForm(request.POST if "save_hours" in request.POST else None, initial=initial)
    exception_form = ScheduleExceptionForm(request.POST if "add_exception" in request.POST else None)
    bound = hours_form if hours_form.is_bound else exception_form
    if request.method == "POST" and bound.is_valid():
        try:
            if bound is hours_form:
                services.set_weekly_shifts(staff, hours_form.cleaned_data["shifts"])
            else:
                data = exception_form.cleaned_data
                services.add_schedule_exception(
                    staff,
                    on=data["date"],
                    kind=data["kind"],
                    start=data["start_time"],
                    end=data["end_time"],
                    note=data["note"],
                )
        except ValidationError as error:
            bound.add_error(None, error)
        else:
            messages.success(request, _("The schedule was saved."))
            return redirect("providers:staff_schedule", staff_id=staff.pk)
    context = {
        "staff": staff,
        "provider": staff.provider,
        "hours_form": hours_form,
        "exception_form": exception_form,
        "exceptions": staff.schedule_exceptions.filter(date__gte=timezone.localdate()),
    }
    return _render(request, "providers/staff_schedule.html", context, bound)


@login_required
@require_POST
def delete_schedule_exception(request, exception_id):
    exception = get_object_or_404(
        ScheduleException.objects.select_related("staff__provider"), pk=exception_id
    )
    permissions.require(permissions.can_manage(request.user, exception.staff.provider))
    exception.delete()
    return redirect("providers:staff_schedule", staff_id=exception.staff_id)


def _week_start(request):
    try:
        chosen = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        chosen = timezone.localdate()
    return chosen - timedelta(days=chosen.weekday())


@login_required
def schedule_week(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_dispatch)
    week_start = _week_start(request)
    staff = list(selectors.provider_staff(provider))
    context = {
        "provider": provider,
        "week_start": week_start,
        "days": [week_start + timedelta(days=offset) for offset in range(7)],
        "schedule": selectors.week_schedule(staff, week_start),
        "previous_week": week_start - timedelta(days=7),
        "next_week": week_start + timedelta(days=7),
    }
    return TemplateResponse(request, "providers/schedule_week.html", context)


# Offers and certificates -----------------------------------------------------------------------------------


@login_required
def offers(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_manage)
    form = OfferForm(request.POST or None, provider=provider)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_service(
                provider, service=form.cleaned_data["service"], price=form.cleaned_data["price"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The service is now on your list."))
            return redirect("providers:offers", provider_id=provider.pk)
    context = {
        "provider": provider,
        "form": form,
        "offers": provider.offers.select_related("service").order_by("service__path"),
        "bookable": selectors.bookable_providers().filter(pk=provider.pk).exists(),
    }
    return _render(request, "providers/offers.html", context, form)


@login_required
@require_POST
def withdraw_offer(request, offer_id):
    offer = get_object_or_404(ServiceOffer.objects.select_related("provider"), pk=offer_id)
    permissions.require(permissions.can_manage(request.user, offer.provider))
    offer.delete()
    return redirect("providers:offers", provider_id=offer.provider_id)


@login_required
def certificates(request, provider_id):
    provider = _provider_for(request, provider_id, permissions.can_manage)
    if request.method == "POST":
        try:
            if request.POST.get("staff"):
                staff = get_object_or_404(Staff, pk=request.POST["staff"], provider=provider)
                services.issue_staff_certificate(staff, actor=request.user)
            else:
                services.issue_provider_certificate(provider, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The certificate was issued."))
        return redirect("providers:certificates", provider_id=provider.pk)
    issued = provider.certificates.select_related("staff", "provider")
    context = {
        "provider": provider,
        "certificates": [(c, selectors.certificate_validity(c)) for c in issued],
        "staff": selectors.provider_staff(provider).filter(status=Staff.Status.ACTIVE),
    }
    return TemplateResponse(request, "providers/certificates.html", context)


def verify_url(number: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}/verify/{number}/"


@login_required
def certificate_pdf(request, number):
    certificate = selectors.certificate_by_number(number)
    if certificate is None:
        raise Http404
    own = certificate.staff is not None and permissions.can_act_as_staff(request.user, certificate.staff)
    permissions.require(own or permissions.can_manage(request.user, certificate.provider))
    url = verify_url(certificate.number)
    context = {
        "certificate": SimpleNamespace(
            number=certificate.number,
            kind=certificate.kind,
            valid_from=certificate.valid_from,
            valid_until=certificate.valid_until,
            issued_on=timezone.localtime(certificate.issued_at).date(),
            **certificate.snapshot,
        ),
        "verify_url": url,
        "qr_data_uri": qr_svg_data_uri(url),
    }
    response = HttpResponse(
        render_pdf("providers/pdf/certificate.html", context), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{certificate.number}.pdf"'
    return response


# Staff's own page and the public check ----------------------------------------------------------------------


@login_required
def staff_me(request):
    staff = permissions.staff_profile(request.user)
    if staff is None:
        raise Http404
    permissions.require(permissions.can_act_as_staff(request.user, staff))
    week_start = _week_start(request)
    context = {
        "staff": staff,
        "provider": staff.provider,
        "week": selectors.week_schedule([staff], week_start)[staff],
        "week_start": week_start,
        "issued": [
            (c, selectors.certificate_validity(c))
            for c in staff.issued_certificates.select_related("provider")
        ],
    }
    return TemplateResponse(request, "providers/staff_me.html", context)


def verify(request, number):
    check = selectors.certificate_check(number)
    context = {
        "number": number,
        "certificate": check.certificate if check else None,
        "validity": check.validity if check else None,
        "Validity": Certificate.Validity,
    }
    return TemplateResponse(request, "providers/verify.html", context, status=200 if check else 404)


def verify_redirect(request, number):
    """The address printed in QR codes has no language; send the visitor to theirs."""
    with translation.override(get_language_from_request(request)):
        return HttpResponseRedirect(reverse("providers:verify", args=[number]))
