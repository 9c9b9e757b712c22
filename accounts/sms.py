"""Text messages to mobile numbers through a pluggable backend, chosen like Django's EMAIL_BACKEND.

``settings.SMS_BACKEND`` names a class by its dotted path. The class is created for each message and
needs one method, ``send(phone: str, message: str) -> None``, which delivers ``message`` to the
11-digit mainland number ``phone`` or raises ``SmsDeliveryError`` when the gateway refuses it.

A real gateway (Aliyun SMS, Tencent Cloud SMS, ...) is such a class in its own module, reading its
keys and template from the environment; production points SMS_BACKEND at it, e.g.
``SMS_BACKEND=gateways.aliyun.AliyunSmsBackend``. Nothing here talks to a gateway.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from .masking import mask_phone

DEFAULT_BACKEND = "accounts.sms.ConsoleSmsBackend"

logger = logging.getLogger(__name__)


class SmsDeliveryError(Exception):
    """The gateway did not accept the message; the person may ask again."""


def send_sms(phone: str, message: str) -> None:
    backend_class = import_string(getattr(settings, "SMS_BACKEND", DEFAULT_BACKEND))
    backend_class().send(phone, message)


class ConsoleSmsBackend:
    """Development: the message, code included, goes to the ``accounts.sms`` log at INFO.

    With DEBUG off it only warns that nothing was sent, so that a production site that forgot to
    configure its gateway does not write sign-in codes into its logs.
    """

    def send(self, phone: str, message: str) -> None:
        if settings.DEBUG:
            logger.info("SMS to %s: %s", phone, message)
        else:
            logger.warning("SMS to %s not sent: SMS_BACKEND is the console backend.", mask_phone(phone))


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    message: str


outbox: list[SmsMessage] = []


class LocmemSmsBackend:
    """Tests: messages are kept in ``accounts.sms.outbox``, like ``django.core.mail.outbox``."""

    def send(self, phone: str, message: str) -> None:
        outbox.append(SmsMessage(phone=phone, message=message))
