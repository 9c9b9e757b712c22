"""The accounts part of the API under /api/v1/: serializers and views calling the same services and selectors as
the portal.

Signing in gives a pair of JSON web tokens (simplejwt) for the same identifier as the portal's sign-in form: a
mobile number, or a username for editors. Sign-up and password reset are the portal's two steps, a code texted
to the number and then the code with the new password, through the same services. These endpoints are public
and take no credentials, so they are always throttled at the anonymous rate."""

import re

from django.contrib.auth import password_validation
from django.contrib.auth.models import update_last_login
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from api import patterns
from api.errors import error_response
from api.fields import PatternField, TextField
from api.views import JsonBody

from . import services
from .forms import CodeForm
from .masking import mask_phone
from .models import PhoneVerification
from .validators import MAINLAND_MOBILE_AS_WRITTEN, MAINLAND_MOBILE_MESSAGE, normalize_phone

# The API's names for the purposes of a texted code.
PURPOSES = {"signup": PhoneVerification.Purpose.SIGNUP, "reset": PhoneVerification.Purpose.RESET_PASSWORD}


def tokens_for(user) -> dict:
    """A fresh pair of tokens, as the token endpoint gives them."""
    refresh = RefreshToken.for_user(user)
    if jwt_settings.UPDATE_LAST_LOGIN:
        update_last_login(None, user)
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


def service_refusal(error: DjangoValidationError, *, field: str | None = None) -> Response:
    """A refusal of the accounts services in the API's error shape, keeping its code.

    Too many codes is 429 (with Retry-After: the minute to wait between codes), a text message the gateway
    did not take is 503, anything else 400; ``field`` names the request field the refusal is about."""
    if hasattr(error, "error_dict"):
        fields = {name: list(messages) for name, messages in error.message_dict.items()}
        detail = " ".join(message for messages in fields.values() for message in messages)
        return error_response("invalid", detail, status.HTTP_400_BAD_REQUEST, fields)
    code = error.code or "invalid"
    detail = " ".join(error.messages)
    if isinstance(error, services.TooManyCodes):
        response = error_response(code, detail, status.HTTP_429_TOO_MANY_REQUESTS)
        response["Retry-After"] = str(int(services.CODE_RESEND_INTERVAL.total_seconds()))
        return response
    if code == "sms_failed":
        return error_response(code, detail, status.HTTP_503_SERVICE_UNAVAILABLE)
    if code == "invalid_phone" or isinstance(error, services.PhoneAlreadyRegistered):
        field = "phone"
    elif isinstance(error, services.InvalidCode):
        field = "code"
    return error_response(code, detail, status.HTTP_400_BAD_REQUEST, {field: error.messages} if field else {})


# Serializers -------------------------------------------------------------------------------------------------


def phone_field(**kwargs):
    """A mainland mobile number as people write it; the schema's pattern is the one the API checks."""
    return PatternField(
        MAINLAND_MOBILE_AS_WRITTEN,
        trim_whitespace=False,
        error_messages={"invalid": MAINLAND_MOBILE_MESSAGE},
        help_text=kwargs.pop(
            "help_text",
            "Mainland mobile number, e.g. 13812345678; a +86 or 0086 prefix and spaces or dashes between "
            "the digits are allowed.",
        ),
        **kwargs,
    )


def code_field():
    # The portal's own check of the code's shape (six digits), with its message.
    return TextField(
        max_length=6, validators=CodeForm.base_fields["code"].validators, help_text="The 6 digits texted."
    )


def _password_min_length() -> int | None:
    for validator in password_validation.get_default_password_validators():
        if isinstance(validator, password_validation.MinimumLengthValidator):
            return validator.min_length
    return None


# The parts of the site's password rules a schema can say: the shortest length, and not only digits. Whether
# a password is too common or too close to the person's details is checked when it is set (400, `password`).
NOT_ONLY_DIGITS = patterns.Rule(
    patterns.NOT_ONLY_DIGITS,
    lambda password: not re.fullmatch(r"[0-9]*", password),
    message=gettext_lazy("This password is entirely numeric."),
    code="password_entirely_numeric",
)


def password_field(**kwargs):
    return TextField(
        style={"input_type": "password"},
        trim_whitespace=False,
        min_length=_password_min_length(),
        validators=[NOT_ONLY_DIGITS],
        help_text="At least as long as the site asks, not only digits, not a common password.",
        **kwargs,
    )


class UserSerializer(serializers.Serializer):
    """The signed-in person, shown to themselves: their own number in full."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="first_name", help_text="The name given at sign-up; may be empty.")
    display_name = serializers.CharField(help_text="How the site addresses the person.")
    phone = serializers.CharField(help_text="The person's own mobile number, in full; empty for editors.")
    language = serializers.SerializerMethodField(help_text="The language of this answer: zh-hans or en.")

    def get_language(self, user) -> str:
        return get_language()


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(
        help_text="Mobile number (customers, providers, staff) or username (editors)."
    )
    # As simplejwt's own field reads it: trimmed.
    password = serializers.CharField(style={"input_type": "password"})


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(help_text="Send as `Authorization: Bearer <access>`; valid 30 minutes.")
    refresh = serializers.CharField(
        help_text="Trade for a new access token at /auth/token/refresh/; 14 days."
    )


class RefreshRequestSerializer(serializers.Serializer):
    refresh = serializers.CharField()


class AccessTokenSerializer(serializers.Serializer):
    access = serializers.CharField()


class SignInSerializer(TokenObtainPairSerializer):
    """simplejwt's, with the portal's sign-in message and a stable code for a wrong number or password."""

    def validate(self, attrs):
        try:
            return super().validate(attrs)
        except AuthenticationFailed:
            raise AuthenticationFailed(
                _("The mobile number (or username) and password do not match an account."),
                code="invalid_credentials",
            ) from None


class SmsCodeSerializer(serializers.Serializer):
    phone = phone_field()
    purpose = serializers.ChoiceField(choices=list(PURPOSES), help_text="`signup` or `reset` (the password).")


class SmsCodeSentSerializer(serializers.Serializer):
    phone = serializers.CharField(help_text="The number, masked.")
    purpose = serializers.CharField()
    expires_in = serializers.IntegerField(help_text="Seconds the code stays valid.")
    resend_after = serializers.IntegerField(help_text="Seconds before another code may be asked for.")


class SignUpSerializer(serializers.Serializer):
    phone = phone_field()
    code = code_field()
    password = password_field()
    name = TextField(max_length=50, required=False, allow_blank=True, default="")


class SignedUpSerializer(TokenPairSerializer):
    user = UserSerializer()


class PasswordResetSerializer(serializers.Serializer):
    phone = phone_field()
    code = code_field()
    new_password = password_field()


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


SMS_FAILED = OpenApiResponse(description="The text message could not be sent (`sms_failed`); try again soon.")


# Views -------------------------------------------------------------------------------------------------------


class PublicAuthView(JsonBody, APIView):
    """Public and credential-free, so the anonymous throttle always applies."""

    authentication_classes = []
    permission_classes = [AllowAny]


class TokenObtain(JsonBody, TokenObtainPairView):
    """Sign in: a mobile number (or an editor's username) and password give an access and a refresh token."""

    serializer_class = SignInSerializer

    @extend_schema(request=CredentialsSerializer, responses=TokenPairSerializer)
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


class TokenRefresh(JsonBody, TokenRefreshView):
    """A new access token for a refresh token that is still valid."""

    serializer_class = TokenRefreshSerializer

    @extend_schema(request=RefreshRequestSerializer, responses=AccessTokenSerializer)
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except (TokenError, AuthenticationFailed):
            raise AuthenticationFailed(
                _("The refresh token is not valid or has expired. Please sign in again."),
                code="token_not_valid",
            ) from None
        return Response(serializer.validated_data)


class SmsCode(PublicAuthView):
    """Text a one-time code for sign-up or a password reset (step 1 of the portal's forms).

    As on the site, a reset for a number without an account answers the same as for a known one."""

    @extend_schema(request=SmsCodeSerializer, responses={202: SmsCodeSentSerializer, 503: SMS_FAILED})
    def post(self, request):
        serializer = SmsCodeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        phone, purpose = serializer.validated_data["phone"], serializer.validated_data["purpose"]
        try:
            services.send_verification_code(phone=phone, purpose=PURPOSES[purpose])
        except DjangoValidationError as error:
            return service_refusal(error)
        sent = {
            "phone": mask_phone(normalize_phone(phone)),
            "purpose": purpose,
            "expires_in": int(services.CODE_LIFETIME.total_seconds()),
            "resend_after": int(services.CODE_RESEND_INTERVAL.total_seconds()),
        }
        return Response(SmsCodeSentSerializer(sent).data, status=status.HTTP_202_ACCEPTED)


class SignUp(PublicAuthView):
    """Create an account with the texted code (step 2); the answer signs the new customer in."""

    @extend_schema(request=SignUpSerializer, responses={201: SignedUpSerializer})
    def post(self, request):
        serializer = SignUpSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            user = services.sign_up(
                phone=data["phone"], code=data["code"], password=data["password"], name=data["name"]
            )
        except DjangoValidationError as error:
            return service_refusal(error)
        body = {"user": UserSerializer(user).data, **tokens_for(user)}
        return Response(body, status=status.HTTP_201_CREATED)


class PasswordReset(PublicAuthView):
    """Set a new password with the texted code (step 2); then sign in with it."""

    @extend_schema(request=PasswordResetSerializer, responses=DetailSerializer)
    def post(self, request):
        serializer = PasswordResetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            services.reset_password(phone=data["phone"], code=data["code"], new_password=data["new_password"])
        except DjangoValidationError as error:
            return service_refusal(error)
        return Response({"detail": _("Your password has been changed. Sign in with the new password.")})


urlpatterns = [
    path("auth/token/", TokenObtain.as_view(), name="token"),
    path("auth/token/refresh/", TokenRefresh.as_view(), name="token_refresh"),
    path("auth/sms-code/", SmsCode.as_view(), name="sms_code"),
    path("auth/signup/", SignUp.as_view(), name="signup"),
    path("auth/password-reset/", PasswordReset.as_view(), name="password_reset"),
]
