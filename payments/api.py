"""The payments part of the API under /api/v1/: serializers and views calling the same services and selectors as
the portal.

Paying an order from an app or mini-program. The payment summary that booking's order resources show is
payments.selectors.payment_summaries, answering booking.signals.payment_summaries_requested.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from api.fields import TextField
from api.idempotency import idempotent
from api.views import JsonBody
from booking import selectors as booking_selectors
from booking.api import IDEMPOTENCY_PARAMETER

from . import services
from .gateways.alipay import AlipayGateway
from .gateways.sandbox import SandboxGateway
from .gateways.wechat import WeChatPayGateway
from .models import Channel
from .views import client_ip

# What the API asks for when the app does not say: Alipay's mobile page (apps and phones, not desktops).
DEFAULT_METHODS = {Channel.ALIPAY: "wap"}


# Paying ----------------------------------------------------------------------------------------------------


# Every way of paying some channel knows; which of them a channel takes is checked when paying.
METHODS = list(
    dict.fromkeys(
        [*WeChatPayGateway.methods, *AlipayGateway.methods, *SandboxGateway.methods],
    )
)


class BookingPayInputSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(
        choices=Channel.values,
        help_text="Whichever of them this site offers; another is refused with `channel_unavailable` (400).",
    )
    method = serializers.ChoiceField(
        choices=METHODS,
        required=False,
        allow_blank=True,
        default="",
        help_text=(
            "wechat: native (QR code, the default), h5 or jsapi (mini-programs, with openid); "
            "alipay: wap (the default) or page; sandbox: cashier. Another channel's method is refused with "
            "`invalid_method` (400)."
        ),
    )
    openid = TextField(
        required=False,
        allow_blank=True,
        max_length=128,
        default="",
        help_text="The payer's openid, for WeChat JSAPI (mini-programs).",
    )


class PaymentAttemptSerializer(serializers.Serializer):
    out_trade_no = serializers.CharField()
    amount = serializers.DecimalField(max_digits=10, decimal_places=2)
    expires_at = serializers.DateTimeField()
    channel = serializers.CharField()
    method = serializers.CharField()


class PaymentActionSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text=(
            "qr: show `url` as a QR code to scan; redirect: open `url`; jsapi: call wx.requestPayment "
            "(mini-programs) or WeixinJSBridge with `params`."
        ),
    )
    url = serializers.URLField(required=False)
    params = serializers.DictField(child=serializers.CharField(), required=False)


class BookingPayResultSerializer(serializers.Serializer):
    payment = PaymentAttemptSerializer()
    action = PaymentActionSerializer()


def _absolute(url: str) -> str:
    return url if "://" in url else settings.SITE_URL.rstrip("/") + url


class BookingPayView(JsonBody, APIView):
    @extend_schema(
        request=BookingPayInputSerializer,
        responses={201: BookingPayResultSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Pay one of my orders",
        description=(
            "Opens a payment attempt and says what the device must do next. `channel_unavailable` (400) for a "
            "channel this site does not offer, `invalid_method` (400), `not_payable` (409) for an order not "
            "waiting for payment, `gateway_unavailable` (400) when the gateway did not answer. The order is "
            "confirmed once the gateway's notification arrives (see the order's `payment.state`)."
        ),
    )
    @idempotent
    def post(self, request, pk):
        booking = get_object_or_404(booking_selectors.customer_bookings(request.user), pk=pk)
        data = BookingPayInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        channel, method, openid = (data.validated_data[key] for key in ("channel", "method", "openid"))
        if not method:
            method = "jsapi" if channel == Channel.WECHAT and openid else DEFAULT_METHODS.get(channel, "")
        payment, checkout = services.start_payment(
            booking,
            channel=channel,
            method=method,
            client_ip=client_ip(request),
            openid=openid,
            language=get_language(),
        )
        action = {"kind": checkout.kind}
        if checkout.url:
            action["url"] = _absolute(checkout.url)
        if checkout.params:
            action["params"] = checkout.params
        result = {"payment": payment, "action": action}
        return Response(BookingPayResultSerializer(result).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("bookings/<int:pk>/pay/", BookingPayView.as_view(), name="booking-pay"),
]
