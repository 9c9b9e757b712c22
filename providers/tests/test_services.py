from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from guardian.shortcuts import get_perms

from providers import services
from providers.models import Certificate, Provider, ProviderEvent, Staff
from providers.permissions import can_act_as_staff, can_dispatch, can_manage
from providers.services import ProviderActionError
from providers.tests.factories import (
    make_applicant,
    make_provider,
    make_staff,
    valid_uscc,
)

pytestmark = pytest.mark.django_db


def test_application_life_cycle_is_recorded(catalog):
    provider = make_provider(status=Provider.Status.DRAFT, categories=[catalog.housekeeping])
    applicant = provider.admin_user
    assert provider.status == Provider.Status.DRAFT
    provider = services.submit_application(provider, actor=applicant)
    provider = services.change_status(provider, "request_more", actor=None, reason="营业执照不清晰")
    assert provider.status == Provider.Status.MORE_INFO
    assert provider.status_reason == "营业执照不清晰"
    provider = services.submit_application(provider, actor=applicant)
    provider = services.change_status(provider, "approve", actor=None)
    assert provider.status == Provider.Status.CERTIFIED and provider.certified_at
    actions = list(
        ProviderEvent.objects.filter(provider=provider)
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )
    assert actions[0] == "created"
    assert actions[-3:] == ["request_more", "submit", "approve"]


def test_submit_needs_the_papers_of_its_categories(catalog):
    applicant = make_applicant()
    provider = services.start_application(
        applicant=applicant,
        categories=[catalog.housekeeping],
        districts=[catalog.rencheng],
        kind="company",
        legal_name_zh="济宁某家政",
        uscc=valid_uscc(),
        legal_representative="李",
        contact_name="张",
        contact_phone="13900000000",
        registered_address="任城区",
    )
    make_staff(provider)
    with pytest.raises(ProviderActionError, match="Business licence|营业执照"):
        services.submit_application(provider, actor=applicant)


def test_reasons_are_required_for_negative_decisions(catalog):
    provider = make_provider(status=Provider.Status.APPLIED, categories=[catalog.housekeeping])
    with pytest.raises(ProviderActionError):
        services.change_status(provider, "reject", actor=None, reason="  ")


@pytest.mark.parametrize("action", ["approve", "reinstate", "clear_warning"])
def test_impossible_transitions_are_refused(catalog, action):
    provider = make_provider(status=Provider.Status.DRAFT, categories=[catalog.housekeeping])
    with pytest.raises(ProviderActionError):
        services.change_status(provider, action, actor=None, reason="x")


def test_duplicate_uscc_is_a_clear_error(catalog):
    first = make_provider(categories=[catalog.housekeeping])
    with pytest.raises(ProviderActionError, match="already registered|已"):
        services.start_application(
            applicant=make_applicant(),
            categories=[],
            districts=[catalog.rencheng],
            kind="company",
            legal_name_zh="另一家",
            uscc=first.uscc.lower(),
            legal_representative="李",
            contact_name="张",
            contact_phone="13900000001",
            registered_address="任城区",
        )


def test_uploads_are_checked_by_content_not_name(catalog):
    provider = make_provider(status=Provider.Status.DRAFT, categories=[catalog.housekeeping])
    fake = SimpleUploadedFile("licence.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ProviderActionError):
        services.upload_document(provider, actor=None, kind="other", uploaded_file=fake, expires_on=None)


def test_expired_papers_make_the_provider_unbookable(catalog):
    provider = make_provider(
        categories=[catalog.housekeeping], papers_expire_on=timezone.localdate() + timedelta(days=5)
    )
    assert provider.papers_valid_today
    provider.papers_valid_until = timezone.localdate() - timedelta(days=1)
    assert not provider.papers_valid_today


def test_roles_get_and_lose_object_permissions(catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    admin = provider.admin_user
    assert can_manage(admin, provider) and can_dispatch(admin, provider)
    staff = provider.staff.get()
    assert can_act_as_staff(staff.user, staff)
    assert not can_manage(staff.user, provider)
    dispatcher = make_applicant()
    services.add_member(provider, dispatcher, "dispatcher")
    assert can_dispatch(dispatcher, provider) and not can_manage(dispatcher, provider)
    services.remove_member(provider, dispatcher, "dispatcher")
    assert get_perms(dispatcher, provider) == []
    services.staff_leaves(staff, actor=admin)
    staff.user.refresh_from_db()
    assert not can_act_as_staff(type(staff.user).objects.get(pk=staff.user.pk), staff)


def test_staff_id_number_is_encrypted_and_unique(catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    staff = provider.staff.get()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM providers_staff WHERE id = %s", [staff.pk])
        stored = cursor.fetchone()[0]
    assert staff.id_number not in stored
    assert Staff.objects.get(pk=staff.pk).id_number == staff.id_number
    with pytest.raises(ProviderActionError):
        services.add_staff(
            provider,
            actor=None,
            real_name="重复",
            id_number=staff.id_number,
            phone="13900009999",
            password="x" * 10,
            skills=[],
            districts=[],
        )


def test_overlapping_shifts_are_refused(catalog):
    staff = make_provider(categories=[catalog.housekeeping]).staff.get()
    with pytest.raises(ProviderActionError):
        services.set_weekly_shifts(staff, [(0, time(8), time(12)), (0, time(11), time(15))])


def test_certificates_are_snapshots(catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    certificate = services.issue_provider_certificate(provider, actor=None)
    provider.legal_name_zh = "改名后的公司"
    provider.save()
    certificate.refresh_from_db()
    assert certificate.snapshot["holder_name"] != "改名后的公司"
    assert certificate.number.startswith("SMC-") and len(certificate.number) == 18
    staff_certificate = services.issue_staff_certificate(provider.staff.get(), actor=None)
    assert staff_certificate.kind == Certificate.Kind.STAFF


def test_suspended_provider_gets_no_certificate(catalog):
    provider = make_provider(status=Provider.Status.SUSPENDED, categories=[catalog.housekeeping])
    with pytest.raises(ProviderActionError):
        services.issue_provider_certificate(provider, actor=None)


def test_offers_stay_within_categories(catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    services.offer_service(provider, service=catalog.en_daily)
    assert provider.offers.get().service.pk == catalog.daily.pk
    with pytest.raises(ProviderActionError):
        services.offer_service(provider, service=catalog.aircon)


def test_pending_background_check_keeps_staff_pending(catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    staff = make_staff(provider, passed=False, name="新员工")
    assert staff.status == Staff.Status.PENDING
    with pytest.raises(ProviderActionError):
        services.issue_staff_certificate(staff, actor=None)
