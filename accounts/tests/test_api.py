"""The accounts API: JSON web tokens for the portal's sign-in identifier, and the portal's sign-up and password
reset (a texted code, then the code with a password) through the same services."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from accounts import sms
from accounts.models import PhoneVerification, User
from accounts.services import create_phone_user

pytestmark = pytest.mark.django_db

PHONE = "13812345678"
PASSWORD = "jining-harbour-42"
ERROR_KEYS = {"code", "detail", "fields"}
JWT = re.compile(r"^[\w-]+\.[\w-]+\.[\w-]+$")


class RefusingSmsBackend:
    def send(self, phone, message):
        raise sms.SmsDeliveryError("gateway down")


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def customer(db):
    return create_phone_user(phone=PHONE, password=PASSWORD, name="陈女士")


def sent_code(phone=PHONE):
    message = [sent for sent in sms.outbox if sent.phone == phone][-1].message
    return re.search(r"\b(\d{6})\b", message).group(1)


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS and body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    return body


# Tokens ------------------------------------------------------------------------------------------------------


def test_a_mobile_number_and_password_give_a_token_pair_that_signs_in(api, customer):
    response = api.post(reverse("api:token"), {"username": PHONE, "password": PASSWORD})
    assert response.status_code == 200
    tokens = response.json()
    assert (
        set(tokens) == {"access", "refresh"} and JWT.match(tokens["access"]) and JWT.match(tokens["refresh"])
    )
    me = api.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert me.status_code == 200 and me.json()["id"] == customer.pk
    customer.refresh_from_db()
    assert customer.last_login is not None


def test_the_number_may_be_written_as_on_the_sign_in_page(api, customer):
    for written in ("+86 138 1234 5678", "138-1234-5678"):
        assert api.post(reverse("api:token"), {"username": written, "password": PASSWORD}).status_code == 200


def test_editors_sign_in_with_their_username(api, db):
    User.objects.create_user("editor", "editor@example.invalid", PASSWORD, is_staff=True)
    response = api.post(reverse("api:token"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "credentials",
    [{"username": PHONE, "password": "wrong-password"}, {"username": "13900000000", "password": PASSWORD}],
)
def test_bad_credentials_are_a_401_with_the_portals_message(api, customer, credentials):
    response = api.post(reverse("api:token"), credentials)
    body = assert_error(response, 401, "invalid_credentials")
    assert body["detail"] == "手机号（或用户名）与密码不匹配。"
    assert response["WWW-Authenticate"].startswith("Bearer")
    english = api.post(reverse("api:token"), credentials, HTTP_ACCEPT_LANGUAGE="en")
    assert assert_error(english, 401, "invalid_credentials")["detail"] == (
        "The mobile number (or username) and password do not match an account."
    )
    assert (
        api.post("/api/v1/auth/token/?lang=en", credentials).json()["detail"].startswith("The mobile number")
    )


def test_a_disabled_account_cannot_get_tokens(api, customer):
    User.objects.filter(pk=customer.pk).update(is_active=False)
    assert_error(
        api.post(reverse("api:token"), {"username": PHONE, "password": PASSWORD}), 401, "invalid_credentials"
    )


def test_missing_credentials_are_a_400_per_field(api, db):
    body = assert_error(api.post(reverse("api:token"), {}), 400, "invalid")
    assert set(body["fields"]) == {"username", "password"}
    assert body["fields"]["username"] == ["该字段是必填项。"]
    english = assert_error(api.post(reverse("api:token"), {}, HTTP_ACCEPT_LANGUAGE="en"), 400, "invalid")
    assert english["fields"]["password"] == ["This field is required."]


def test_a_refresh_token_gives_a_new_access_token(api, customer):
    tokens = api.post(reverse("api:token"), {"username": PHONE, "password": PASSWORD}).json()
    response = api.post(reverse("api:token_refresh"), {"refresh": tokens["refresh"]})
    assert response.status_code == 200
    access = response.json()["access"]
    assert JWT.match(access)
    assert api.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {access}").status_code == 200


@pytest.mark.parametrize("token", ["garbage", "access"])
def test_a_bad_refresh_token_is_a_401(api, customer, token):
    if token == "access":
        token = api.post(reverse("api:token"), {"username": PHONE, "password": PASSWORD}).json()["access"]
    body = assert_error(
        api.post(reverse("api:token_refresh"), {"refresh": token}, HTTP_ACCEPT_LANGUAGE="en"),
        401,
        "token_not_valid",
    )
    assert body["detail"] == "The refresh token is not valid or has expired. Please sign in again."
    assert_error(api.post(reverse("api:token_refresh"), {}), 400, "invalid")


def test_a_refresh_token_of_a_disabled_account_is_refused(api, customer):
    tokens = api.post(reverse("api:token"), {"username": PHONE, "password": PASSWORD}).json()
    User.objects.filter(pk=customer.pk).update(is_active=False)
    assert_error(
        api.post(reverse("api:token_refresh"), {"refresh": tokens["refresh"]}), 401, "token_not_valid"
    )


# Texted codes ------------------------------------------------------------------------------------------------


def test_a_sign_up_code_is_texted(api, db):
    response = api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"})
    assert response.status_code == 202
    assert response.json() == {
        "phone": "138****5678",
        "purpose": "signup",
        "expires_in": 600,
        "resend_after": 60,
    }
    assert len(sms.outbox) == 1 and sms.outbox[0].phone == PHONE
    assert PhoneVerification.objects.get().purpose == PhoneVerification.Purpose.SIGNUP


def test_asking_again_within_a_minute_is_a_429(api, db):
    api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"})
    response = api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"})
    body = assert_error(response, 429, "too_many_codes")
    assert body["detail"] == "请等待一分钟后再获取验证码。"
    assert int(response["Retry-After"]) == 60
    assert len(sms.outbox) == 1


def test_a_sign_up_code_for_a_registered_number_is_refused_as_on_the_site(api, customer):
    body = assert_error(
        api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"}), 400, "phone_taken"
    )
    assert body["fields"] == {"phone": ["该手机号已注册，请直接登录。"]}
    assert sms.outbox == []


def test_a_reset_code_answers_the_same_whether_or_not_the_number_has_an_account(api, customer):
    known = api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "reset"})
    unknown = api.post(reverse("api:sms_code"), {"phone": "13987654321", "purpose": "reset"})
    assert known.status_code == unknown.status_code == 202
    assert set(known.json()) == set(unknown.json())
    assert [sent.phone for sent in sms.outbox] == [PHONE]
    assert PhoneVerification.objects.filter(purpose=PhoneVerification.Purpose.RESET_PASSWORD).count() == 2


@pytest.mark.parametrize(
    "data, fields",
    [
        ({"phone": "12345", "purpose": "signup"}, {"phone"}),
        ({"phone": PHONE, "purpose": "login"}, {"purpose"}),
        ({}, {"phone", "purpose"}),
    ],
)
def test_bad_code_requests_are_a_400_per_field(api, db, data, fields):
    body = assert_error(api.post(reverse("api:sms_code"), data), 400, "invalid")
    assert set(body["fields"]) == fields
    if "phone" in fields and data:
        assert body["fields"]["phone"][0].startswith("请输入以 13–19 开头的 11 位大陆手机号")
        english = api.post(reverse("api:sms_code"), data, HTTP_ACCEPT_LANGUAGE="en").json()
        assert english["fields"]["phone"][0].startswith("Enter an 11-digit mainland mobile number")


@pytest.mark.parametrize(
    "written", ["138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "0086-13812345678", "+8613812345678"]
)
def test_a_number_may_be_written_with_spaces_dashes_and_a_prefix(api, db, written):
    response = api.post(reverse("api:sms_code"), {"phone": written, "purpose": "signup"})
    assert response.status_code == 202 and response.json()["phone"] == "138****5678"
    assert [sent.phone for sent in sms.outbox] == [PHONE]


@pytest.mark.parametrize(
    "written",
    [
        " 13812345678",  # nothing around the number
        "13812345678 ",
        "138  1234 5678",  # one space or dash between two digits
        "138--12345678",
        "(+86) 13812345678",
        "86 13812345678",
        "12812345678",  # the second digit is 3 to 9
        "1381234567８",  # ASCII digits only
        "138123456789",
    ],
)
def test_a_number_that_does_not_match_the_documented_pattern_is_a_400(api, db, written):
    body = assert_error(
        api.post(reverse("api:sms_code"), {"phone": written, "purpose": "signup"}), 400, "invalid"
    )
    assert body["fields"] == {"phone": ["请输入以 13–19 开头的 11 位大陆手机号，例如 13812345678。"]}
    assert sms.outbox == []


def test_the_documented_phone_pattern_is_the_one_checked_and_passes_the_portals_rule(api, db):
    import yaml

    from accounts.validators import MAINLAND_MOBILE_AS_WRITTEN, validate_mainland_mobile

    schema = yaml.safe_load(api.get("/api/v1/schema/").content)["components"]["schemas"]
    for name in ("SmsCodeRequest", "SignUpRequest", "PasswordResetRequest", "CustomerAddressInputRequest"):
        phone = schema[name]["properties"].get("phone") or schema[name]["properties"]["contact_phone"]
        assert phone["pattern"] == MAINLAND_MOBILE_AS_WRITTEN.replace(r"\Z", "$")
    for written in ("+86 138 1234 5678", "0086-139-0000-0000", "1 9 9 1 2 3 4 5 6 7 8", "13812345678"):
        assert re.match(MAINLAND_MOBILE_AS_WRITTEN, written)
        validate_mainland_mobile(written)


@override_settings(SMS_BACKEND="accounts.tests.test_api.RefusingSmsBackend")
def test_a_text_the_gateway_refuses_is_a_503(api, db):
    assert_error(api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"}), 503, "sms_failed")


# Sign-up -----------------------------------------------------------------------------------------------------


def test_sign_up_with_the_texted_code_gives_the_account_and_tokens(api, db):
    api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"})
    data = {"phone": PHONE, "code": sent_code(), "password": PASSWORD, "name": "李先生"}
    response = api.post(reverse("api:signup"), data)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"user", "access", "refresh"}
    user = User.objects.get(phone_digest__isnull=False)
    assert body["user"] == {
        "id": user.pk,
        "name": "李先生",
        "display_name": "李先生",
        "phone": PHONE,
        "language": "zh-hans",
    }
    assert user.check_password(PASSWORD)
    me = api.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {body['access']}").json()
    assert me["id"] == user.pk and [role["role"] for role in me["roles"]] == ["customer"]
    again = api.post(reverse("api:signup"), data)
    assert_error(again, 400, "phone_taken")


def test_a_wrong_code_is_a_400_on_the_code_and_counts(api, db):
    api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"})
    wrong = "000000" if sent_code() != "000000" else "111111"
    data = {"phone": PHONE, "code": wrong, "password": PASSWORD}
    body = assert_error(api.post(reverse("api:signup"), data), 400, "wrong_code")
    assert body["fields"] == {"code": ["验证码错误，请核对短信后重试。"]}
    english = assert_error(
        api.post(reverse("api:signup"), data, HTTP_ACCEPT_LANGUAGE="en"), 400, "wrong_code"
    )
    assert english["fields"]["code"] == ["The code is wrong. Check the text message and try again."]
    assert PhoneVerification.objects.get().attempts == 2
    assert not User.objects.exists()


def test_without_a_code_sent_sign_up_is_refused(api, db):
    data = {"phone": PHONE, "code": "123456", "password": PASSWORD}
    assert_error(api.post(reverse("api:signup"), data), 400, "no_code")


def test_a_weak_password_is_refused_without_using_up_the_code(api, db):
    api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"})
    code = sent_code()
    weak = assert_error(
        api.post(reverse("api:signup"), {"phone": PHONE, "code": code, "password": "12345678"}),
        400,
        "invalid",
    )
    assert list(weak["fields"]) == ["password"]
    good = api.post(reverse("api:signup"), {"phone": PHONE, "code": code, "password": PASSWORD})
    assert good.status_code == 201


@pytest.mark.parametrize(
    "password, message",
    [
        ("short-1", "Ensure this field has at least 8 characters."),
        ("1234567890", "This password is entirely numeric."),
    ],
)
def test_the_documented_password_rules_are_checked_before_the_code_is_used(api, db, password, message):
    api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "signup"})
    code = sent_code()
    data = {"phone": PHONE, "code": code, "password": password}
    body = assert_error(api.post(reverse("api:signup"), data, HTTP_ACCEPT_LANGUAGE="en"), 400, "invalid")
    assert body["fields"] == {"password": [message]}
    assert api.post(reverse("api:signup"), {**data, "password": PASSWORD}).status_code == 201


def test_the_schema_states_the_password_rules_it_can(api, db):
    import yaml

    schema = yaml.safe_load(api.get("/api/v1/schema/").content)["components"]["schemas"]
    for name, field in (("SignUpRequest", "password"), ("PasswordResetRequest", "new_password")):
        password = schema[name]["properties"][field]
        assert password["minLength"] == 8
        assert re.search(password["pattern"], "jining-harbour-42")
        assert not re.search(password["pattern"], "12345678")


def test_bad_sign_up_input_is_a_400_per_field(api, db):
    body = assert_error(api.post(reverse("api:signup"), {"phone": "1", "code": "12"}), 400, "invalid")
    assert set(body["fields"]) == {"phone", "code", "password"}
    assert body["fields"]["code"] == ["请输入短信中的 6 位数字。"]


# Password reset ----------------------------------------------------------------------------------------------


def test_password_reset_with_the_texted_code(api, customer):
    api.post(reverse("api:sms_code"), {"phone": PHONE, "purpose": "reset"})
    new_password = "qufu-stele-rubbing-7"
    response = api.post(
        reverse("api:password_reset"), {"phone": PHONE, "code": sent_code(), "new_password": new_password}
    )
    assert response.status_code == 200
    assert response.json() == {"detail": "密码已修改，请用新密码登录。"}
    assert api.post(reverse("api:token"), {"username": PHONE, "password": new_password}).status_code == 200
    assert api.post(reverse("api:token"), {"username": PHONE, "password": PASSWORD}).status_code == 401


def test_password_reset_for_a_number_without_an_account_changes_nothing(api, customer):
    api.post(reverse("api:sms_code"), {"phone": "13987654321", "purpose": "reset"})
    data = {"phone": "13987654321", "code": "123456", "new_password": "qufu-stele-rubbing-7"}
    assert_error(api.post(reverse("api:password_reset"), data), 400, "wrong_code")


# Throttling --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["token", "token_refresh", "sms_code", "signup", "password_reset"])
def test_auth_endpoints_are_throttled_as_anonymous_even_with_a_token(api, customer, monkeypatch, name):
    access = api.post(reverse("api:token"), {"username": PHONE, "password": PASSWORD}).json()["access"]
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    monkeypatch.setattr(AnonRateThrottle, "rate", "2/min", raising=False)
    cache.clear()
    try:
        codes = [api.post(reverse(f"api:{name}"), {}).status_code for _ in range(3)]
        last = api.post(reverse(f"api:{name}"), {})
    finally:
        cache.clear()
    assert codes[:2] == [400, 400] and codes[2] == 429
    assert_error(last, 429, "throttled")
    assert int(last["Retry-After"]) > 0
