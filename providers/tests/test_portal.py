"""Provider onboarding and self-service through the portal, as a newcomer would use it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import PersonalDataAccess
from providers import services
from providers.models import Certificate, Provider, Staff
from providers.tests.factories import make_provider, pdf_upload, valid_id_number, valid_uscc

pytestmark = pytest.mark.django_db


def apply_form(catalog, **overrides):
    data = {
        "company-kind": "company",
        "company-legal_name_zh": "济宁孔孟家政服务有限公司",
        "company-legal_name_en": "Jining Kongmeng Home Services Co., Ltd.",
        "company-uscc": valid_uscc(424242),
        "company-legal_representative": "孔明",
        "company-contact_name": "孟丽",
        "company-contact_phone": "138 0000 0099",
        "company-registered_address": "济宁市任城区古槐路 8 号",
        "company-categories": [catalog.housekeeping.pk],
        "company-districts": [catalog.rencheng.pk],
        "applicant-applicant_name": "孟丽",
        "applicant-applicant_phone": "13800000099",
        "applicant-password": "kongmeng-2026!",
        "applicant-password_again": "kongmeng-2026!",
    }
    data.update(overrides)
    return data


def test_a_newcomer_applies_and_gets_certified(client, catalog):
    response = client.post("/zh-hans/provider/apply/", apply_form(catalog))
    assert response.status_code == 302, response.content.decode()[-3000:]
    provider = Provider.objects.get(uscc=valid_uscc(424242))
    assert provider.status == Provider.Status.DRAFT
    assert response["Location"] == reverse("providers:papers", args=[provider.pk])

    papers_url = reverse("providers:papers", args=[provider.pk])
    for kind in ("business_licence", "housekeeping_permit"):
        response = client.post(papers_url, {"kind": kind, "file": pdf_upload(), "expires_on": ""})
        assert response.status_code == 302

    response = client.post(reverse("providers:submit", args=[provider.pk]), follow=True)
    assert "至少添加一名服务人员" in response.content.decode() or "staff" in response.content.decode()
    provider.refresh_from_db()
    assert provider.status == Provider.Status.DRAFT

    response = client.post(
        reverse("providers:staff_add", args=[provider.pk]),
        {
            "real_name": "王堃",
            "id_number": valid_id_number(7),
            "phone": "13800000098",
            "password": "wangkun-2026!",
            "skills": [catalog.housekeeping.pk],
            "districts": [catalog.rencheng.pk],
            "background_check": "passed",
            "background_checked_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    staff = Staff.objects.get(provider=provider)
    assert staff.status == Staff.Status.ACTIVE

    client.post(reverse("providers:submit", args=[provider.pk]))
    provider.refresh_from_db()
    assert provider.status == Provider.Status.APPLIED

    services.change_status(provider, "request_more", actor=None, reason="请补充家政服务许可证的清晰扫描件")
    page = client.get(reverse("providers:dashboard", args=[provider.pk])).content.decode()
    assert "请补充家政服务许可证的清晰扫描件" in page
    client.post(reverse("providers:submit", args=[provider.pk]))
    services.change_status(Provider.objects.get(pk=provider.pk), "approve", actor=None)

    response = client.post(
        reverse("providers:staff_schedule", args=[staff.pk]),
        {"save_hours": "1", "start_0": "08:00", "end_0": "17:00", "start_2": "09:00", "end_2": "12:00"},
    )
    assert response.status_code == 302
    assert staff.weekly_shifts.count() == 2

    client.post(reverse("providers:certificates", args=[provider.pk]))
    client.post(reverse("providers:certificates", args=[provider.pk]), {"staff": staff.pk})
    assert Certificate.objects.filter(provider=provider).count() == 2

    staff_certificate = Certificate.objects.get(staff=staff)
    client.logout()
    client.login(username="13800000098", password="wangkun-2026!")
    assert "Content-Disposition" in client.get(
        reverse("providers:certificate_pdf", args=[staff_certificate.number])
    )
    verdict = client.get(f"/verify/{staff_certificate.number}/", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert verdict.redirect_chain[0][0].startswith("/en/verify/")
    assert "Valid" in verdict.content.decode()


def test_application_errors_are_clear(client, catalog):
    data = apply_form(catalog, **{"company-uscc": "91370800MA3C4XYZ1A", "applicant-applicant_phone": "12345"})
    response = client.post("/zh-hans/provider/apply/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "统一社会信用代码" in html
    assert "手机号" in html
    assert not Provider.objects.exists()


def test_bad_upload_is_refused_with_a_message(client, catalog):
    provider = make_provider(status=Provider.Status.DRAFT, categories=[catalog.housekeeping])
    client.force_login(provider.admin_user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("evil.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    response = client.post(reverse("providers:papers", args=[provider.pk]), {"kind": "other", "file": bad})
    assert response.status_code == 400
    assert "PDF、JPEG 或 PNG" in response.content.decode()


def test_staff_personal_data_is_masked_until_revealed_and_the_reveal_is_logged(client, catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    staff = provider.staff.get()
    client.force_login(provider.admin_user)
    url = reverse("providers:staff_detail", args=[staff.pk])
    masked = client.get(url).content.decode()
    assert staff.masked_id_number in masked and staff.id_number not in masked
    assert staff.phone not in masked
    revealed = client.get(url, {"reveal": "1"}).content.decode()
    assert staff.id_number in revealed
    access = PersonalDataAccess.objects.get(subject_id=str(staff.pk))
    assert access.actor == provider.admin_user and "id_number" in access.fields


def test_dispatcher_cannot_reveal_personal_data(client, catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    dispatcher = services.register_applicant(phone="13911112222", password="x" * 12, name="调度")
    services.add_member(provider, dispatcher, "dispatcher")
    staff = provider.staff.get()
    client.force_login(dispatcher)
    page = client.get(reverse("providers:staff_detail", args=[staff.pk]), {"reveal": "1"}).content.decode()
    assert staff.id_number not in page
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.parametrize(
    "state, verdict",
    [("valid", "有效"), ("suspended", "已暂停"), ("revoked", "已撤销"), ("expired", "已过期")],
)
def test_verify_page_states_without_personal_data(client, catalog, state, verdict):
    provider = make_provider(categories=[catalog.housekeeping])
    staff = provider.staff.get()
    certificate = services.issue_staff_certificate(staff, actor=None)
    if state == "suspended":
        services.change_status(provider, "suspend", actor=None, reason="投诉核查中")
    elif state == "revoked":
        services.change_status(provider, "revoke", actor=None, reason="严重违规")
    elif state == "expired":
        Certificate.objects.filter(pk=certificate.pk).update(
            valid_from=timezone.localdate() - timedelta(days=400),
            valid_until=timezone.localdate() - timedelta(days=1),
        )
    html = client.get(reverse("providers:verify", args=[certificate.number])).content.decode()
    assert f"verdict-{state}" in html
    assert verdict in html
    assert staff.real_name not in html and staff.masked_id_number not in html


def test_unknown_certificate_number_is_a_404_with_help(client, db):
    response = client.get("/zh-hans/verify/SMC-0000-0000-0000/")
    assert response.status_code == 404
    assert "SMC-XXXX-XXXX-XXXX" in response.content.decode()


def test_week_schedule_query_count_is_fixed(client, catalog, django_assert_max_num_queries):
    from providers.tests.factories import make_staff

    provider = make_provider(categories=[catalog.housekeeping])
    client.force_login(provider.admin_user)
    url = reverse("providers:schedule_week", args=[provider.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for n in range(8):
        make_staff(provider, name=f"员工{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["schedule"]) == 9


def test_manager_adds_photo_certificates_and_training(client, catalog):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cms.models import Qualification

    provider = make_provider(categories=[catalog.housekeeping])
    staff = provider.staff.get()
    health, _ = Qualification.objects.get_or_create(
        code="health_certificate", defaults={"name_zh": "健康证", "name_en": "Health certificate"}
    )
    client.force_login(provider.admin_user)
    url = reverse("providers:staff_records", args=[staff.pk])
    png = SimpleUploadedFile("face.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert client.post(url, {"photo_upload": "1", "photo": png}).status_code == 302
    staff.refresh_from_db()
    assert staff.photo.name.endswith(".png")
    photo = client.get(reverse("providers:staff_photo", args=[staff.pk]))
    assert photo["Content-Type"] == "image/png"

    not_an_image = SimpleUploadedFile("face.png", b"%PDF-1.4 not a photo")
    assert client.post(url, {"photo_upload": "1", "photo": not_an_image}).status_code == 400

    response = client.post(
        url,
        {
            "certificate": "1",
            "qualification": health.pk,
            "number": "JK2026001",
            "expires_on": (timezone.localdate() + timedelta(days=300)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert staff.certificates.get().number == "JK2026001"
    expired = client.post(url, {"certificate": "1", "qualification": health.pk, "expires_on": "2020-01-01"})
    assert expired.status_code == 400

    response = client.post(
        url, {"training": "1", "title": "母婴护理", "completed_on": "2026-01-10", "hours": "16"}
    )
    assert response.status_code == 302
    assert staff.training.get().title == "母婴护理"


def test_service_page_lists_bookable_providers_and_hides_suspended_ones(client, catalog):
    provider = make_provider(categories=[catalog.housekeeping], name="任城好帮手家政")
    services.offer_service(provider, service=catalog.daily)
    assert "任城好帮手家政" in client.get(catalog.daily.url).content.decode()
    services.change_status(provider, "suspend", actor=None, reason="投诉核查")
    page = client.get(catalog.daily.url).content.decode()
    assert "任城好帮手家政" not in page
    assert "暂无" in page or "No certified provider" in page


def test_expired_papers_hide_the_provider_at_once(client, catalog):
    provider = make_provider(
        categories=[catalog.housekeeping],
        name="过期证照家政",
        papers_expire_on=timezone.localdate() + timedelta(days=3),
    )
    services.offer_service(provider, service=catalog.daily)
    assert "过期证照家政" in client.get(catalog.daily.url).content.decode()
    Provider.objects.filter(pk=provider.pk).update(
        papers_valid_until=timezone.localdate() - timedelta(days=1)
    )
    assert "过期证照家政" not in client.get(catalog.daily.url).content.decode()
