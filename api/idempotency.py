"""Idempotent writes: the same Idempotency-Key and body get the original answer and change nothing more."""

import hashlib
import json
from functools import wraps

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework.utils.encoders import JSONEncoder

from .errors import error_response
from .models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255


def _fingerprint(request) -> str:
    canonical = json.dumps(request.data, sort_keys=True, cls=JSONEncoder, ensure_ascii=False)
    return hashlib.sha256(f"{request.method} {request.path}\n{canonical}".encode()).hexdigest()


def idempotent(handler):
    """Wrap an APIView method. Without the header the request runs as usual; with it, the write and the
    stored answer commit together, and a failed attempt leaves nothing behind to replay."""

    @wraps(handler)
    def wrapper(view, request, *args, **kwargs):
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return handler(view, request, *args, **kwargs)
        if len(key) > MAX_KEY_LENGTH:
            return error_response(
                "invalid_idempotency_key",
                _("The Idempotency-Key header must be at most %(max)s characters.") % {"max": MAX_KEY_LENGTH},
                400,
            )
        fingerprint = _fingerprint(request)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = IdempotencyKey.objects.create(
                        user=request.user,
                        key=key,
                        method=request.method,
                        path=request.path,
                        fingerprint=fingerprint,
                    )
            except IntegrityError:
                earlier = IdempotencyKey.objects.get(user=request.user, key=key)
                if earlier.fingerprint != fingerprint:
                    return error_response(
                        "idempotency_key_reused",
                        _("This Idempotency-Key was used for a different request."),
                        422,
                    )
                response = error_response("", "", earlier.status_code)
                response.data = earlier.body
                response["Idempotent-Replayed"] = "true"
                return response
            response = handler(view, request, *args, **kwargs)
            if response.status_code >= 500:
                transaction.set_rollback(True)
                return response
            record.status_code = response.status_code
            record.body = json.loads(json.dumps(response.data, cls=JSONEncoder))
            record.save(update_fields=["status_code", "body"])
            return response

    return wrapper
