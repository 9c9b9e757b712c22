"""The payment channels this installation can offer, built once per process from settings."""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed

from .base import Gateway


class ChannelUnavailable(LookupError):
    pass


def available_channels() -> list[str]:
    channels = []
    if settings.WECHATPAY:
        channels.append("wechat")
    if settings.ALIPAY:
        channels.append("alipay")
    if settings.PAYMENTS_SANDBOX:
        channels.append("sandbox")
    return channels


@cache
def gateway_for(channel: str) -> Gateway:
    if channel not in available_channels():
        raise ChannelUnavailable(channel)
    max_age = settings.PAYMENT_NOTIFICATION_MAX_AGE_SECONDS
    if channel == "wechat":
        from .wechat import WeChatPayGateway

        config = settings.WECHATPAY
        return WeChatPayGateway(
            mchid=config["MCHID"],
            appid=config["APPID"],
            private_key=config["PRIVATE_KEY"],
            cert_serial_no=config["CERT_SERIAL_NO"],
            apiv3_key=config["APIV3_KEY"],
            public_key=config["PUBLIC_KEY"],
            public_key_id=config["PUBLIC_KEY_ID"],
            max_age_seconds=max_age,
        )
    if channel == "alipay":
        from .alipay import AlipayGateway

        return AlipayGateway(settings.ALIPAY, max_age_seconds=settings.ALIPAY_NOTIFICATION_MAX_AGE_SECONDS)
    from .sandbox import SandboxGateway

    return SandboxGateway(max_age_seconds=max_age)


def _forget_gateways(setting, **kwargs):
    if setting in {"WECHATPAY", "ALIPAY", "PAYMENTS_SANDBOX", "PAYMENT_NOTIFICATION_MAX_AGE_SECONDS"}:
        gateway_for.cache_clear()


setting_changed.connect(_forget_gateways, dispatch_uid="payments.forget_gateways")
