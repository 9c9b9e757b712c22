"""The providers API: /me/ with a person's roles, the public certificate check, and the staff list of the
providers one administers or dispatches for — refused to everyone else, provider B's people included."""

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.services import create_phone_user
from cms.tests.factories import build_catalog
from providers import services
from providers.models import Certificate
from providers.permissions import REVIEWERS_GROUP
from providers.tests.factories import make_applicant, make_provider, make_staff

pytestmark = pytest.mark.django_db

PASSWORD = "shangmen-demo"
ERROR_KEYS = {"code", "detail", "fields"}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(SimpleNamespace(**build_catalog()))
        transaction.set_rollback(True)


def build_world(catalog):
    provider_a = make_provider(categories=[catalog.housekeeping], name="甲家政")
    provider_b = make_provider(categories=[catalog.housekeeping], name="乙家政")
    make_staff(provider_a, name="李师傅")
    gone = make_staff(provider_a, name="赵离职")
    services.staff_leaves(gone, actor=provider_a.admin_user)
    dispatcher = make_applicant(name="调度员")
    services.add_member(provider_a, dispatcher, "dispatcher")
    reviewer = make_applicant(name="审核员")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    customer = create_phone_user(phone="13600000001", password=PASSWORD, name="陈女士")
    superuser = make_applicant(name="平台")
    superuser.is_superuser = True
    superuser.save()
    staff_a = provider_a.staff.get(real_name="王阿姨")
    return SimpleNamespace(
        catalog=catalog,
        provider_a=provider_a,
        provider_b=provider_b,
        staff_a=staff_a,
        users={
            "customer": customer,
            "a_admin": provider_a.admin_user,
            "a_dispatcher": dispatcher,
            "a_staff": staff_a.user,
            "b_admin": provider_b.admin_user,
            "b_staff": provider_b.staff.get().user,
            "reviewer": reviewer,
            "superuser": superuser,
        },
    )


def signed_in(user, **headers):
    """An API client carrying a real access token from the token endpoint."""
    api = APIClient()
    response = api.post(reverse("api:token"), {"username": user.phone, "password": PASSWORD})
    assert response.status_code == 200, response.content
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}", **headers)
    return api


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS and body["code"] == code and body["detail"]
    return body


# /me/ --------------------------------------------------------------------------------------------------------


def test_me_needs_a_signed_in_caller(db):
    body = assert_error(APIClient().get(reverse("api:me")), 401, "not_authenticated")
    assert body["detail"] == "身份认证信息未提供。"


def test_me_contract_for_a_customer(world):
    customer = world.users["customer"]
    response = signed_in(customer).get(reverse("api:me"))
    assert response.status_code == 200
    body = response.json()
    label = body["roles"][0].pop("label")
    assert isinstance(label, str) and label
    assert body == {
        "id": customer.pk,
        "name": "陈女士",
        "display_name": "陈女士",
        "phone": "13600000001",  # their own number, in full
        "language": "zh-hans",
        "roles": [{"role": "customer", "provider": None, "staff_id": None}],
    }


@pytest.mark.parametrize(
    "who, roles",
    [
        ("a_admin", [("admin", "a")]),
        ("a_dispatcher", [("dispatcher", "a")]),
        ("a_staff", [("staff", "a")]),
        ("b_admin", [("admin", "b")]),
        ("reviewer", [("reviewer", None)]),
        ("superuser", [("platform_admin", None)]),
    ],
)
def test_me_tells_the_roles_apart(world, who, roles):
    providers = {"a": world.provider_a.pk, "b": world.provider_b.pk, None: None}
    body = signed_in(world.users[who]).get(reverse("api:me")).json()
    got = [(role["role"], role["provider"]["id"] if role["provider"] else None) for role in body["roles"]]
    assert got == [(role, providers[provider]) for role, provider in roles]
    if who == "a_staff":
        assert body["roles"][0]["staff_id"] == world.staff_a.pk


def test_me_labels_follow_the_language(world):
    zh = signed_in(world.users["a_admin"]).get(reverse("api:me")).json()
    assert zh["roles"][0]["label"] == "服务商管理员"
    assert zh["roles"][0]["provider"]["name"] == "甲家政"
    en = signed_in(world.users["a_admin"], HTTP_ACCEPT_LANGUAGE="en").get(reverse("api:me")).json()
    assert en["language"] == "en" and en["roles"][0]["label"] == "Provider administrator"
    assert en["roles"][0]["provider"]["name"].startswith("Jining Test Home Services")


# Certificate check -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state, label", [("valid", "有效"), ("suspended", "已暂停"), ("revoked", "已撤销"), ("expired", "已过期")]
)
def test_verify_answers_as_the_verification_page(client, catalog, state, label):
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
    certificate.refresh_from_db()
    response = APIClient().get(reverse("api:verify", args=[certificate.number]))
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "number": certificate.number,
        "validity": state,
        "validity_label": label,
        "kind": "staff",
        "kind_label": "服务人员证书",
        "provider_name": provider.legal_name_zh,
        "holder": "王**",
        "valid_from": certificate.valid_from.isoformat(),
        "valid_until": certificate.valid_until.isoformat(),
    }
    raw = json.dumps(body, ensure_ascii=False)
    for personal in (
        staff.real_name,
        staff.id_number,
        staff.masked_id_number,
        staff.phone,
        staff.masked_phone,
    ):
        assert personal not in raw
    page = client.get(reverse("providers:verify", args=[certificate.number])).content.decode()
    assert f"verdict-{state}" in page  # the portal's page gives the same verdict


def test_verify_a_provider_certificate_in_english(catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    certificate = services.issue_provider_certificate(provider, actor=None)
    body = APIClient().get(f"/api/v1/verify/{certificate.number.lower()}/?lang=en").json()
    assert body["number"] == certificate.number
    assert body["validity_label"] == "Valid" and body["kind"] == "provider"
    assert body["kind_label"] == "Provider certificate"
    assert body["holder"] == provider.legal_name_zh
    assert provider.uscc not in json.dumps(body)


def test_a_certificate_number_with_a_nul_character_is_unknown_not_a_server_error(db):
    # PostgreSQL refuses even to compare text holding NUL; no certificate number has one.
    assert_error(APIClient().get("/api/v1/verify/SMC%00/"), 404, "unknown_certificate")


def test_an_unknown_certificate_number_is_a_404_in_the_error_shape(db):
    body = assert_error(APIClient().get("/api/v1/verify/SMC-0000-0000-0000/"), 404, "unknown_certificate")
    assert body["detail"] == "没有该编号的证书。"
    english = APIClient().get("/api/v1/verify/SMC-0000-0000-0000/", HTTP_ACCEPT_LANGUAGE="en")
    assert assert_error(english, 404, "unknown_certificate")["detail"] == "No certificate has this number."


# Staff list --------------------------------------------------------------------------------------------------

STAFF = reverse("api:provider_staff")


def staff_names(response):
    return [member["real_name"] for member in response.json()["results"]]


@pytest.mark.parametrize("who", ["a_admin", "a_dispatcher"])
def test_provider_people_see_their_providers_staff(world, who):
    response = signed_in(world.users[who]).get(STAFF)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert staff_names(response) == ["李师傅", "王阿姨"]  # those who left are not listed
    wang = body["results"][1]
    assert set(wang) == {
        "id",
        "provider",
        "real_name",
        "phone",
        "skills",
        "districts",
        "background_check",
        "background_check_label",
        "status",
        "status_label",
    }
    assert wang["id"] == world.staff_a.pk
    assert wang["provider"] == {"id": world.provider_a.pk, "name": "甲家政"}
    assert wang["phone"] == world.staff_a.masked_phone and wang["phone"] != world.staff_a.phone
    assert world.staff_a.id_number not in response.content.decode()
    assert wang["skills"] == [{"id": world.catalog.housekeeping.pk, "title": "家政保洁"}]
    assert wang["districts"] == [{"code": "370811", "name": "任城区"}]
    assert (wang["status"], wang["status_label"]) == ("active", "在岗")
    assert wang["background_check"] == "passed"
    filtered = signed_in(world.users[who]).get(STAFF, {"provider": world.provider_a.pk})
    assert staff_names(filtered) == ["李师傅", "王阿姨"]


def test_staff_list_labels_follow_the_language(world):
    response = signed_in(world.users["a_admin"]).get(STAFF, {"lang": "en"})
    wang = response.json()["results"][1]
    assert wang["status_label"] == "Active" and wang["background_check_label"] == "Passed"
    assert wang["districts"][0]["name"] == "Rencheng District"


def test_provider_b_sees_only_its_own_staff_and_is_refused_provider_as(world):
    b_admin = signed_in(world.users["b_admin"])
    assert staff_names(b_admin.get(STAFF)) == ["王阿姨"]
    assert all(m["provider"]["id"] == world.provider_b.pk for m in b_admin.get(STAFF).json()["results"])
    body = assert_error(b_admin.get(STAFF, {"provider": world.provider_a.pk}), 403, "permission_denied")
    assert "李师傅" not in json.dumps(body, ensure_ascii=False)


@pytest.mark.parametrize("who", ["customer", "a_staff", "b_staff", "reviewer"])
def test_everyone_else_is_refused(world, who):
    api = signed_in(world.users[who])
    assert_error(api.get(STAFF), 403, "permission_denied")
    assert_error(api.get(STAFF, {"provider": world.provider_a.pk}), 403, "permission_denied")
    english = signed_in(world.users[who], HTTP_ACCEPT_LANGUAGE="en").get(STAFF)
    assert english.json()["detail"] == "You do not have permission to perform this action."


def test_signed_out_callers_get_a_401(world):
    assert_error(APIClient().get(STAFF), 401, "not_authenticated")
    assert_error(APIClient().get(STAFF, {"provider": world.provider_a.pk}), 401, "not_authenticated")


def test_an_unknown_provider_is_refused_like_another_ones(world):
    assert_error(signed_in(world.users["a_admin"]).get(STAFF, {"provider": 987654}), 403, "permission_denied")


@pytest.mark.parametrize("value", ["abc", "", "-1", "0", "1.0", " 1", str(10**30)])
def test_a_bad_provider_filter_is_a_400(world, value):
    body = assert_error(signed_in(world.users["a_admin"]).get(STAFF, {"provider": value}), 400, "invalid")
    assert list(body["fields"]) == ["provider"]


def test_a_superuser_sees_every_providers_staff_as_in_the_portal(world):
    names = staff_names(signed_in(world.users["superuser"]).get(STAFF))
    assert sorted(names) == ["李师傅", "王阿姨", "王阿姨"]


def test_staff_list_query_count_does_not_grow_with_the_page_size(world, django_assert_max_num_queries):
    for n in range(25):
        make_staff(world.provider_a, name=f"员工{n:02d}")
    api = signed_in(world.users["a_admin"])
    api.get(STAFF)
    counts = []
    for size in (2, 20):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(STAFF, {"page_size": size})
        assert len(response.json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(10):
        api.get(STAFF, {"page_size": 20})
    assert api.get(STAFF, {"page": 999}).status_code == 404


def test_provider_endpoints_are_documented(db):
    import yaml

    schema = yaml.safe_load(APIClient().get("/api/v1/schema/").content)
    assert {} in schema["paths"]["/api/v1/verify/{certificate_number}/"]["get"]["security"]
    assert {} not in schema["paths"]["/api/v1/provider/staff/"]["get"]["security"]
    assert {} not in schema["paths"]["/api/v1/me/"]["get"]["security"]
    names = {p["name"] for p in schema["paths"]["/api/v1/provider/staff/"]["get"]["parameters"]}
    assert names >= {"provider", "page", "page_size"}


def test_me_documents_what_is_null_for_a_customer(world):
    """A customer's role names no provider and no staff record: the schema must allow null for both."""
    import yaml

    schema = yaml.safe_load(APIClient().get("/api/v1/schema/").content)
    role = schema["components"]["schemas"]["Role"]["properties"]
    assert role["staff_id"]["type"] == "integer" and role["staff_id"]["nullable"] is True
    assert role["provider"]["nullable"] is True
    body = signed_in(world.users["customer"]).get(reverse("api:me")).json()
    assert body["roles"][0]["staff_id"] is None and body["roles"][0]["provider"] is None


def test_the_provider_filter_is_documented_as_an_id(db):
    import yaml

    schema = yaml.safe_load(APIClient().get("/api/v1/schema/").content)
    (provider,) = [
        p for p in schema["paths"]["/api/v1/provider/staff/"]["get"]["parameters"] if p["name"] == "provider"
    ]
    assert provider["schema"]["type"] == "integer" and provider["schema"]["minimum"] == 1
    assert not provider.get("required")
