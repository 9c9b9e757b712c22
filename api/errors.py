"""One error shape for the whole API: {"code": "...", "detail": "...", "fields": {...}}.

``code`` is stable and machine-readable; ``detail`` and the field messages are in the caller's language."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

# Rule refusals that are about the state of things, not the shape of the request.
CONFLICT_CODES = {
    "slot_taken",
    "policy_violation",
    "wrong_status",
    "staff_busy",
    "not_payable",
    "too_early",
    "duplicate",
    "window_closed",
}
FORBIDDEN_CODES = {"not_allowed"}
# A limit on how often a person may do something (feedback per day), not the API's own request throttling.
TOO_MANY_CODES = {"throttled"}


class RuleBroken(exceptions.APIException):
    """A service refused with a django ValidationError carrying a code; its message is already translated."""

    def __init__(self, error: DjangoValidationError):
        code = getattr(error, "code", None) or "invalid"
        self.status_code = (
            status.HTTP_409_CONFLICT
            if code in CONFLICT_CODES
            else status.HTTP_403_FORBIDDEN
            if code in FORBIDDEN_CODES
            else status.HTTP_429_TOO_MANY_REQUESTS
            if code in TOO_MANY_CODES
            else status.HTTP_400_BAD_REQUEST
        )
        super().__init__(detail=" ".join(error.messages), code=code)


def _flatten(detail):
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        flat = []
        for item in detail:
            flat.extend(_flatten(item) if isinstance(item, list) else [_flatten(item)])
        return flat
    return str(detail)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = RuleBroken(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail) if isinstance(exc.detail, dict) else {}
        messages = fields.pop("non_field_errors", None) if fields else _flatten(exc.detail)
        detail = " ".join(messages) if messages else _("Some fields are not valid.")
        body = {"code": "invalid", "detail": detail, "fields": fields}
    elif isinstance(exc.detail, dict):
        # simplejwt's token errors carry {"detail", "code", "messages"}.
        body = {
            "code": str(exc.detail.get("code", "error")),
            "detail": str(exc.detail.get("detail", "")),
            "fields": {},
        }
    else:
        codes = exc.get_codes() if hasattr(exc, "get_codes") else "error"
        code = codes if isinstance(codes, str) else "error"
        body = {"code": code, "detail": str(exc.detail), "fields": {}}
    response.data = body
    return response


def error_response(code: str, detail: str, status_code: int, fields=None) -> Response:
    return Response({"code": code, "detail": detail, "fields": fields or {}}, status=status_code)
