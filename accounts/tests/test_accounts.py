import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation

from accounts.masking import mask_id_number, mask_name, mask_phone
from accounts.models import User
from accounts.services import PhoneAlreadyRegistered, create_phone_user
from accounts.validators import (
    id_check_character,
    uscc_check_character,
    validate_id_number,
    validate_mainland_mobile,
    validate_uscc,
)


@pytest.mark.parametrize("phone", ["13812345678", "+86 138 1234 5678", "0086-199-0000-0000"])
def test_mainland_mobiles_are_accepted(phone):
    validate_mainland_mobile(phone)


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "138123456789", "abc", ""])
def test_other_numbers_are_refused(phone):
    with pytest.raises(ValidationError):
        validate_mainland_mobile(phone)


def test_uscc_check_character():
    # A published example code (Xiaomi Communications): 91110108558521630L.
    assert uscc_check_character("91110108558521630") == "L"
    validate_uscc("91110108558521630L")
    validate_uscc("91110108558521630l")


@pytest.mark.parametrize(
    "code, error_code, message",
    [
        ("91110108558521630M", "invalid_uscc_check", "check character does not match"),
        ("9111010855852163", "invalid_uscc", "18 characters"),
        ("91110108558521630I", "invalid_uscc", "except I, O, S, V, Z"),
    ],
)
def test_bad_uscc_is_explained(code, error_code, message):
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        validate_uscc(code)
    assert excinfo.value.error_list[0].code == error_code
    with translation.override("en"):
        assert message in excinfo.value.messages[0]


def test_id_number_check_character_and_birth_date():
    # The GB 11643 example: 11010519491231002X.
    assert id_check_character("11010519491231002") == "X"
    validate_id_number("11010519491231002X")
    validate_id_number("11010519491231002x")


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check character
        "11010519990231002" + id_check_character("11010519990231002"),  # 31 February
        "11010518001231002" + id_check_character("11010518001231002"),  # born 1800
        f"110105{timezone.localdate().year + 1}0101002"
        + id_check_character(f"110105{timezone.localdate().year + 1}0101002"),
        "11010519491231002",
        "1101051949123100ZX",
    ],
)
def test_bad_id_numbers_are_refused(number):
    with pytest.raises(ValidationError):
        validate_id_number(number)


def test_masks():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_name("王小明") == "王**"
    assert mask_phone("") == ""


@pytest.mark.django_db
def test_phone_is_encrypted_at_rest_and_signs_in(client):
    user = create_phone_user(phone="138 1234 5678", password="a-long-password-1", name="王小明")
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, username FROM accounts_user WHERE id = %s", [user.pk])
        stored_phone, username = cursor.fetchone()
    assert "13812345678" not in stored_phone and "13812345678" not in username
    assert User.objects.get(pk=user.pk).phone == "13812345678"
    assert client.login(username="13812345678", password="a-long-password-1")
    assert client.login(username="+86 138-1234-5678", password="a-long-password-1")
    assert not client.login(username="13812345678", password="wrong")


@pytest.mark.django_db
def test_a_phone_registers_once():
    create_phone_user(phone="13812345678", password="a-long-password-1")
    with pytest.raises(PhoneAlreadyRegistered):
        create_phone_user(phone="+8613812345678", password="a-long-password-2")


@pytest.mark.django_db
def test_sign_in_page_explains_a_failed_sign_in(client):
    response = client.post("/zh-hans/accounts/login/", {"username": "13800000000", "password": "nope"})
    assert response.status_code == 400
    assert "手机号" in response.content.decode()
