"""Permission matrix: role × view × method → expected status. Provider A's data is refused to everyone
else, provider B's people included (as pretix's tests/api/test_permissions.py does for its API)."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from cms.models import Qualification
from cms.tests.factories import build_catalog
from providers import services
from providers.models import Provider
from providers.permissions import REVIEWERS_GROUP
from providers.tests.factories import make_applicant, make_provider, make_staff

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, LOGIN = 200, 403, 302
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ROLES = ["anonymous", "customer", "a_admin", "a_dispatcher", "a_staff", "b_admin", "b_staff", "reviewer"]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(SimpleNamespace(**build_catalog()))
        transaction.set_rollback(True)


def build_world(catalog):
    provider_a = make_provider(categories=[catalog.housekeeping], name="甲家政")
    provider_b = make_provider(categories=[catalog.housekeeping], name="乙家政")
    dispatcher = make_applicant(name="调度员")
    services.add_member(provider_a, dispatcher, "dispatcher")
    staff_a = provider_a.staff.get()
    staff_b = provider_b.staff.get()
    reviewer = make_applicant(name="审核员")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    certificate = services.issue_staff_certificate(staff_a, actor=provider_a.admin_user)
    services.set_staff_photo(staff_a, SimpleUploadedFile("face.png", PNG_BYTES))
    personal_certificate = services.add_personal_certificate(
        staff_a,
        qualification=Qualification.objects.get_or_create(
            code="health_certificate", defaults={"name_zh": "健康证", "name_en": "Health certificate"}
        )[0],
    )
    extra = make_staff(provider_a, name="备用员工")
    return {
        "provider": provider_a,
        "staff": staff_a,
        "extra_staff": extra,
        "document": provider_a.documents.first(),
        "exception": services.add_schedule_exception(staff_a, on=date(2030, 1, 2), kind="leave"),
        "offer": services.offer_service(provider_a, service=catalog.daily),
        "certificate": certificate,
        "personal_certificate": personal_certificate,
        "users": {
            "anonymous": None,
            "customer": make_applicant(name="顾客"),
            "a_admin": provider_a.admin_user,
            "a_dispatcher": dispatcher,
            "a_staff": staff_a.user,
            "b_admin": provider_b.admin_user,
            "b_staff": staff_b.user,
            "reviewer": reviewer,
        },
    }


def expect(**overrides):
    """Everyone refused (anonymous sent to sign in) unless overridden."""
    expected = {role: FORBIDDEN for role in ROLES}
    expected["anonymous"] = LOGIN
    expected.update(overrides)
    return expected


MANAGE_ONLY = expect(a_admin=OK)
DISPATCH = expect(a_admin=OK, a_dispatcher=OK)

MATRIX = [
    ("dashboard", "GET", lambda w: reverse("providers:dashboard", args=[w["provider"].pk]), DISPATCH),
    (
        "edit application",
        "GET",
        lambda w: reverse("providers:edit_application", args=[w["provider"].pk]),
        expect(a_admin=LOGIN),
    ),
    ("papers", "GET", lambda w: reverse("providers:papers", args=[w["provider"].pk]), MANAGE_ONLY),
    (
        "paper download",
        "GET",
        lambda w: reverse("providers:document", args=[w["document"].pk]),
        expect(a_admin=OK, reviewer=OK),
    ),
    (
        "paper delete",
        "POST",
        lambda w: reverse("providers:delete_document", args=[w["document"].pk]),
        expect(a_admin=LOGIN),
    ),
    ("submit", "POST", lambda w: reverse("providers:submit", args=[w["provider"].pk]), expect(a_admin=LOGIN)),
    ("staff list", "GET", lambda w: reverse("providers:staff_list", args=[w["provider"].pk]), DISPATCH),
    ("staff add", "GET", lambda w: reverse("providers:staff_add", args=[w["provider"].pk]), MANAGE_ONLY),
    (
        "staff detail",
        "GET",
        lambda w: reverse("providers:staff_detail", args=[w["staff"].pk]),
        expect(a_admin=OK, a_dispatcher=OK, a_staff=OK, reviewer=OK),
    ),
    ("staff edit", "GET", lambda w: reverse("providers:staff_edit", args=[w["staff"].pk]), MANAGE_ONLY),
    (
        "staff leave",
        "POST",
        lambda w: reverse("providers:staff_leave", args=[w["extra_staff"].pk]),
        expect(a_admin=LOGIN),
    ),
    ("staff records", "GET", lambda w: reverse("providers:staff_records", args=[w["staff"].pk]), MANAGE_ONLY),
    (
        "staff photo",
        "GET",
        lambda w: reverse("providers:staff_photo", args=[w["staff"].pk]),
        expect(a_admin=OK, a_dispatcher=OK, a_staff=OK, reviewer=OK),
    ),
    (
        "personal certificate delete",
        "POST",
        lambda w: reverse("providers:delete_personal_certificate", args=[w["personal_certificate"].pk]),
        expect(a_admin=LOGIN),
    ),
    (
        "staff schedule",
        "GET",
        lambda w: reverse("providers:staff_schedule", args=[w["staff"].pk]),
        MANAGE_ONLY,
    ),
    (
        "exception delete",
        "POST",
        lambda w: reverse("providers:delete_schedule_exception", args=[w["exception"].pk]),
        expect(a_admin=LOGIN),
    ),
    ("week schedule", "GET", lambda w: reverse("providers:schedule_week", args=[w["provider"].pk]), DISPATCH),
    ("offers", "GET", lambda w: reverse("providers:offers", args=[w["provider"].pk]), MANAGE_ONLY),
    (
        "offer withdraw",
        "POST",
        lambda w: reverse("providers:withdraw_offer", args=[w["offer"].pk]),
        expect(a_admin=LOGIN),
    ),
    (
        "certificates",
        "GET",
        lambda w: reverse("providers:certificates", args=[w["provider"].pk]),
        MANAGE_ONLY,
    ),
    (
        "certificate issue",
        "POST",
        lambda w: reverse("providers:certificates", args=[w["provider"].pk]),
        expect(a_admin=LOGIN),
    ),
    (
        "certificate pdf",
        "GET",
        lambda w: reverse("providers:certificate_pdf", args=[w["certificate"].number]),
        expect(a_admin=OK, a_staff=OK),
    ),
    (
        "staff me",
        "GET",
        lambda w: reverse("providers:staff_me"),
        expect(
            a_staff=OK, b_staff=OK, customer=404, a_admin=404, b_admin=404, a_dispatcher=404, reviewer=404
        ),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, method, url, expected", MATRIX, ids=[row[0] for row in MATRIX])
def test_permission_matrix(db, client, world, role, name, method, url, expected):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    target = url(world)
    response = client.post(target) if method == "POST" else client.get(target)
    assert response.status_code == expected[role], f"{role} {method} {name}"
    if response.status_code == LOGIN and role == "anonymous":
        assert reverse("login") in response["Location"]


def test_refused_writes_change_nothing(db, client, world):
    provider = world["provider"]
    client.force_login(world["users"]["b_admin"])
    client.post(reverse("providers:staff_leave", args=[world["staff"].pk]))
    client.post(reverse("providers:withdraw_offer", args=[world["offer"].pk]))
    client.post(reverse("providers:delete_document", args=[world["document"].pk]))
    world["staff"].refresh_from_db()
    assert world["staff"].status == "active"
    assert provider.offers.exists()
    assert provider.documents.filter(pk=world["document"].pk).exists()
    assert Provider.objects.get(pk=provider.pk).status == Provider.Status.CERTIFIED


ADMIN_ROLES = [*ROLES, "editor"]


def admin_user_for(world, role):
    if role == "editor":
        from providers.tests.factories import make_applicant as make_user

        editor = make_user(name="编辑")
        editor.groups.add(Group.objects.get(name="Editors"))
        return editor
    return world["users"][role]


def admin_urls(world):
    from providers.tests.test_admin_review import REVIEW_URLS
    from providers.tests.test_bulk import BULK_URLS

    provider = world["provider"]
    return [(f"review: {name}", build(provider)) for name, build in REVIEW_URLS] + [
        (f"bulk: {name}", url) for name, url in BULK_URLS
    ]


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_admin_screens_of_provider_data_are_for_reviewers_only(db, client, world, role):
    """Every reviewer and bulk-data admin URL, GET and POST: only platform reviewers get through."""
    user = admin_user_for(world, role)
    if user is not None:
        client.force_login(user)
    provider = world["provider"]
    for name, url in admin_urls(world):
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"reason": "越权测试"})
            if role == "reviewer":
                # Through the permission gate; an empty POST may still be bad input (400) or GET-only (405).
                assert response.status_code in (200, 302, 400, 405), f"{role} {method} {name}"
                assert "/login/" not in response.get("Location", ""), f"{role} {method} {name}"
            elif response.status_code == 302:
                assert "/admin/login/" in response["Location"], f"{role} {method} {name}"
            else:
                assert response.status_code == 403, f"{role} {method} {name}: {response.status_code}"
    if role != "reviewer":
        assert Provider.objects.get(pk=provider.pk).status == Provider.Status.CERTIFIED
        assert world["staff"].__class__.objects.get(pk=world["staff"].pk).background_check == "passed"
