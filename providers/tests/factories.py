"""Test data for providers: valid identifiers, providers in any status, staff with accounts."""

from datetime import date, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Locale

from accounts.validators import id_check_character, uscc_check_character
from cms.models import District, ServiceCategoryPage
from cms.tests.factories import jining_district
from providers import services
from providers.models import Provider, ProviderDocument, Staff

_sequence = iter(range(1, 10**6))

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def valid_uscc(seed: int | None = None) -> str:
    seed = next(_sequence) if seed is None else seed
    body = f"91370800MA{seed:07d}"[:17]
    return body + uscc_check_character(body)


def valid_id_number(seed: int | None = None, born: date = date(1985, 6, 15)) -> str:
    seed = next(_sequence) if seed is None else seed
    body = f"370811{born:%Y%m%d}{seed % 1000:03d}"
    return body + id_check_character(body)


def unique_phone() -> str:
    return f"139{next(_sequence):08d}"


def pdf_upload(name="licence.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def category(slug="housekeeping"):  # noqa: D103
    return ServiceCategoryPage.objects.get(slug=slug, locale=Locale.get_default())


def make_applicant(phone=None, name="张经理"):
    return services.register_applicant(phone=phone or unique_phone(), password="shangmen-demo", name=name)


def make_provider(
    *,
    status=Provider.Status.CERTIFIED,
    categories=None,
    districts=None,
    applicant=None,
    name=None,
    papers_expire_on=None,
    with_staff=True,
) -> Provider:
    """A provider in ``status`` reached through the real services; ``categories`` are category pages."""
    applicant = applicant or make_applicant()
    districts = districts or [jining_district("370811")]
    categories = categories or []
    seq = next(_sequence)
    provider = services.start_application(
        applicant=applicant,
        categories=categories,
        districts=districts,
        kind=Provider.Kind.COMPANY,
        legal_name_zh=name or f"济宁测试家政服务有限公司{seq}",
        legal_name_en=f"Jining Test Home Services Co., Ltd. {seq}",
        uscc=valid_uscc(seq),
        legal_representative="李明",
        contact_name="张经理",
        contact_phone=applicant.phone,
        registered_address="济宁市任城区太白楼中路 1 号",
    )
    for kind in services.required_papers(provider):
        services.upload_document(
            provider, actor=applicant, kind=kind, uploaded_file=pdf_upload(), expires_on=papers_expire_on
        )
    if with_staff:
        make_staff(provider, actor=applicant)
    path = {
        Provider.Status.DRAFT: [],
        Provider.Status.APPLIED: ["submit"],
        Provider.Status.UNDER_REVIEW: ["submit", "start_review"],
        Provider.Status.MORE_INFO: ["submit", "request_more"],
        Provider.Status.REJECTED: ["submit", "reject"],
        Provider.Status.CERTIFIED: ["submit", "approve"],
        Provider.Status.WARNED: ["submit", "approve", "warn"],
        Provider.Status.SUSPENDED: ["submit", "approve", "suspend"],
        Provider.Status.REVOKED: ["submit", "approve", "revoke"],
    }[status]
    for action in path:
        if action == "submit":
            provider = services.submit_application(provider, actor=applicant)
        else:
            provider = services.change_status(provider, action, actor=None, reason="测试原因")
    provider.admin_user = applicant
    return provider


def make_staff(
    provider, *, actor=None, name="王阿姨", phone=None, passed=True, skills=None, districts=None
) -> Staff:
    staff = services.add_staff(
        provider,
        actor=actor,
        real_name=name,
        id_number=valid_id_number(),
        phone=phone or unique_phone(),
        password="shangmen-demo",
        skills=skills if skills is not None else list(provider.categories.all()),
        districts=districts if districts is not None else list(provider.districts.all()),
        background_check=Staff.BackgroundCheck.PASSED if passed else Staff.BackgroundCheck.PENDING,
        background_checked_on=timezone.localdate() - timedelta(days=10) if passed else None,
    )
    services.set_weekly_shifts(staff, [(day, time(8, 0), time(18, 0)) for day in range(6)])
    return staff


def all_districts():
    return list(District.objects.filter(city__code="370800"))


PAPER_KINDS = ProviderDocument.Kind
