"""Demo providers for the README's first command: certified companies with staff, hours, offers and
certificates across Jining, and one applicant waiting for review. Everything goes through the services."""

from datetime import date, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.validators import id_check_character, uscc_check_character
from cms.models import District, Qualification, ServiceCategoryPage, ServicePage

from . import services
from .models import Provider, Staff

DEMO_PASSWORD = "shangmen-demo"
# The personal certificates a staff member of each skill holds, on top of a health certificate.
CERTIFICATES_BY_SKILL = {
    "housekeeping": "housekeeping_cert",
    "elderly-care": "elderly_care_worker",
    "nursing": "nurse_licence",
    "appliance-repair": "refrigeration_cert",
    "home-repair": "electrician_licence",
    "beauty-hair": "hairdresser_cert",
    "personal-training": "fitness_instructor_cert",
    "private-chef": "chef_cert",
    "culture": "tour_guide_licence",
}
DEMO_PDF = b"%PDF-1.4\n% demo paper\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

PROVIDERS = [
    {
        "uscc_body": "91370811MA3C4K7P1",
        "legal_name_zh": "济宁孔孟之乡家政服务有限公司",
        "legal_name_en": "Jining Kongmeng Home Services Co., Ltd.",
        "kind": Provider.Kind.COMPANY,
        "admin": ("13800000003", "孟经理"),
        "representative": "孟庆华",
        "address": "济宁市任城区太白楼中路 18 号",
        "categories": ["housekeeping", "elderly-care"],
        "districts": ["370811", "370812", "370881", "370883"],
        "staff": [
            ("13800000002", "王秀英", date(1978, 3, 12), ["housekeeping", "elderly-care"]),
            ("13800000012", "李桂兰", date(1972, 9, 3), ["housekeeping"]),
            ("13800000013", "张玉梅", date(1981, 1, 27), ["elderly-care"]),
            ("13800000014", "赵丽娟", date(1986, 11, 8), ["housekeeping"]),
        ],
        "status": Provider.Status.CERTIFIED,
    },
    {
        "uscc_body": "92370811MA3D2R8N5",
        "legal_name_zh": "任城运河家电维修服务部",
        "legal_name_en": "Rencheng Grand Canal Appliance Repair",
        "kind": Provider.Kind.INDIVIDUAL,
        "admin": ("13800000021", "刘师傅"),
        "representative": "刘建国",
        "address": "济宁市任城区运河路 56 号",
        "categories": ["appliance-repair", "home-repair"],
        "districts": ["370811", "370812", "370828", "370829"],
        "staff": [
            ("13800000022", "刘建国", date(1975, 5, 20), ["appliance-repair", "home-repair"]),
            ("13800000023", "陈志强", date(1990, 8, 14), ["appliance-repair"]),
        ],
        "status": Provider.Status.CERTIFIED,
        "papers_expire_in": 20,
    },
    {
        "uscc_body": "91370881MA3E6T2L8",
        "legal_name_zh": "曲阜尼山文化传播有限公司",
        "legal_name_en": "Qufu Nishan Culture Communication Co., Ltd.",
        "kind": Provider.Kind.COMPANY,
        "admin": ("13800000031", "孔主任"),
        "representative": "孔令文",
        "address": "曲阜市鼓楼北街 9 号",
        "categories": ["culture", "private-chef"],
        "districts": ["370811", "370881", "370883", "370831", "370829"],
        "staff": [
            ("13800000032", "孔祥瑞", date(1968, 4, 2), ["culture"]),
            ("13800000033", "颜素琴", date(1983, 12, 19), ["culture", "private-chef"]),
            ("13800000034", "曾繁德", date(1979, 7, 7), ["private-chef"]),
        ],
        "status": Provider.Status.CERTIFIED,
    },
    {
        "uscc_body": "91370883MA3F1W4Q9",
        "legal_name_zh": "邹城康宁健康服务有限公司",
        "legal_name_en": "Zoucheng Kangning Health Services Co., Ltd.",
        "kind": Provider.Kind.COMPANY,
        "admin": ("13800000041", "周护士长"),
        "representative": "周慧敏",
        "address": "邹城市孟子大街 120 号",
        "categories": ["nursing", "beauty-hair", "personal-training"],
        "districts": ["370811", "370883", "370881", "370826", "370832", "370830", "370827"],
        "staff": [
            ("13800000042", "周慧敏", date(1984, 2, 29), ["nursing"]),
            ("13800000043", "吴婷婷", date(1995, 6, 1), ["beauty-hair"]),
            ("13800000044", "郑浩", date(1992, 10, 10), ["personal-training"]),
        ],
        "status": Provider.Status.CERTIFIED,
    },
    {
        "uscc_body": "91370826MA3G8Y5H2",
        "legal_name_zh": "微山湖畔家政服务有限公司",
        "legal_name_en": "Weishan Lakeside Home Services Co., Ltd.",
        "kind": Provider.Kind.COMPANY,
        "admin": ("13800000051", "韩经理"),
        "representative": "韩永胜",
        "address": "微山县夏镇微山湖大道 66 号",
        "categories": ["housekeeping"],
        "districts": ["370826", "370827"],
        "staff": [("13800000052", "韩春燕", date(1980, 3, 3), ["housekeeping"])],
        "status": Provider.Status.APPLIED,
    },
]


def providers_loaded() -> bool:
    return Provider.objects.filter(uscc=_uscc(PROVIDERS[0]["uscc_body"])).exists()


@transaction.atomic
def load_providers() -> bool:
    if providers_loaded():
        return False
    zh = Locale.get_default()
    for index, spec in enumerate(PROVIDERS):
        _load_provider(spec, index, zh)
    return True


def _uscc(body: str) -> str:
    return body + uscc_check_character(body)


def _id_number(district: str, born: date, serial: int) -> str:
    body = f"{district}{born:%Y%m%d}{serial:03d}"
    return body + id_check_character(body)


def _load_provider(spec, index, locale):
    phone, name = spec["admin"]
    admin = services.register_applicant(phone=phone, password=DEMO_PASSWORD, name=name)
    categories = {
        c.slug: c for c in ServiceCategoryPage.objects.filter(slug__in=spec["categories"], locale=locale)
    }
    districts = list(District.objects.filter(code__in=spec["districts"]))
    provider = services.start_application(
        applicant=admin,
        categories=list(categories.values()),
        districts=districts,
        kind=spec["kind"],
        legal_name_zh=spec["legal_name_zh"],
        legal_name_en=spec["legal_name_en"],
        uscc=_uscc(spec["uscc_body"]),
        legal_representative=spec["representative"],
        contact_name=name,
        contact_phone=phone,
        registered_address=spec["address"],
    )
    expiry = timezone.localdate() + timedelta(days=spec.get("papers_expire_in", 700))
    for kind in sorted(services.required_papers(provider)):
        upload = SimpleUploadedFile(f"{kind}.pdf", DEMO_PDF, content_type="application/pdf")
        services.upload_document(provider, actor=admin, kind=kind, uploaded_file=upload, expires_on=expiry)
    for serial, (staff_phone, staff_name, born, skills) in enumerate(spec["staff"], start=1):
        staff = services.add_staff(
            provider,
            actor=admin,
            real_name=staff_name,
            id_number=_id_number(spec["districts"][0], born, index * 10 + serial),
            phone=staff_phone,
            password=DEMO_PASSWORD,
            skills=[categories[slug] for slug in skills],
            districts=districts,
            background_check=Staff.BackgroundCheck.PASSED,
            background_checked_on=timezone.localdate() - timedelta(days=30),
        )
        for code in ["health_certificate", *(CERTIFICATES_BY_SKILL[slug] for slug in skills)]:
            services.add_personal_certificate(
                staff,
                qualification=Qualification.objects.get(code=code),
                number=f"{code[:3].upper()}{index:02d}{serial:04d}",
                expires_on=timezone.localdate() + timedelta(days=365 * 2),
            )
        # Monday to Saturday, 8:00–18:00; Sunday off.
        services.set_weekly_shifts(staff, [(day, time(8, 0), time(18, 0)) for day in range(6)])
    provider = services.submit_application(provider, actor=admin)
    if spec["status"] == Provider.Status.CERTIFIED:
        provider = services.change_status(provider, "approve", actor=None)
        for category in categories.values():
            for service in ServicePage.objects.live().child_of(category):
                services.offer_service(provider, service=service)
        services.issue_provider_certificate(provider, actor=admin)
        for staff in provider.staff.all():
            services.issue_staff_certificate(staff, actor=admin)
