"""Customer payment pages, the gateways' notification endpoint and the sandbox cashier.

Every rule lives in payments.services; these views only translate between HTTP and it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from booking.models import Booking
from providers.pdf import qr_svg_data_uri

from . import services
from .gateways import ChannelUnavailable, available_channels, gateway_for
from .gateways.base import GatewayError
from .models import Channel, Payment

BAD_REQUEST = 400


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR") or "127.0.0.1"


def _is_mobile(request) -> bool:
    agent = request.headers.get("User-Agent", "")
    return any(word in agent for word in ("Mobile", "Android", "iPhone"))


def _method_for(request, channel: str) -> str:
    """Desktop browsers get a QR code (WeChat Native) or Alipay's page; phones go to the H5/WAP page."""
    if channel == Channel.WECHAT:
        return "h5" if _is_mobile(request) else "native"
    if channel == Channel.ALIPAY:
        return "wap" if _is_mobile(request) else "page"
    return ""


@login_required
def checkout(request, number):
    booking = get_object_or_404(
        Booking.objects.select_related("service", "provider", "staff"), number=number, customer=request.user
    )
    if booking.status != Booking.Status.PENDING:
        return redirect("booking:order", number=booking.number)
    channels = [(value, label) for value, label in Channel.choices if value in available_channels()]
    if request.method == "POST":
        channel = request.POST.get("channel", "")
        try:
            _payment, checkout = services.start_payment(
                booking,
                channel=channel,
                method=_method_for(request, channel),
                client_ip=client_ip(request),
                language=get_language(),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("payments:checkout", number=booking.number)
        if checkout.kind == "redirect":
            return redirect(checkout.url)
        context = {"booking": booking, "payment": _payment, "qr_data_uri": qr_svg_data_uri(checkout.url)}
        return TemplateResponse(request, "payments/scan.html", context)
    context = {
        "booking": booking,
        "channels": channels,
        "window_open": booking.pay_by and booking.pay_by > timezone.now(),
    }
    return TemplateResponse(request, "payments/checkout.html", context)


@login_required
def payment_return(request, out_trade_no):
    """Where the gateway sends the payer back: ask the gateway rather than wait for its notification."""
    payment = get_object_or_404(
        Payment.objects.select_related("booking"), out_trade_no=out_trade_no, booking__customer=request.user
    )
    payment = services.sync_payment(payment)
    if payment.status == Payment.Status.PAID:
        messages.success(request, _("Payment received. Your order is confirmed."))
    elif payment.status == Payment.Status.CREATED:
        messages.info(
            request, _("We have not received the payment yet; this page will show it once it arrives.")
        )
    else:
        messages.error(request, _("This payment was not completed."))
    return redirect("booking:order", number=payment.booking.number)


@csrf_exempt
def notify(request, channel):
    """The gateways' asynchronous notifications. The raw body is verified; nothing else is trusted."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        gateway = gateway_for(channel)
    except ChannelUnavailable:
        # Not a 404: the language middleware would turn that into a redirect, and gateways must not follow one.
        return HttpResponseBadRequest()
    accepted = services.handle_notification(
        channel,
        headers=request.headers,
        body=request.body,
        params=request.POST.dict() if request.content_type == "application/x-www-form-urlencoded" else {},
        remote_addr=client_ip(request),
    )
    return gateway.acknowledge() if accepted else gateway.refuse()


def _sandbox_payment(request, out_trade_no) -> Payment:
    if not settings.PAYMENTS_SANDBOX:
        raise Http404
    return get_object_or_404(
        Payment.objects.select_related("booking", "booking__service"),
        out_trade_no=out_trade_no,
        channel=Channel.SANDBOX,
        booking__customer=request.user,
    )


@login_required
def sandbox_cashier(request, out_trade_no):
    """The sandbox's stand-in for the gateway's cashier page; it moves no real money."""
    payment = _sandbox_payment(request, out_trade_no)
    return TemplateResponse(request, "payments/sandbox_cashier.html", {"payment": payment})


@login_required
@require_POST
def sandbox_pay(request, out_trade_no):
    payment = _sandbox_payment(request, out_trade_no)
    gateway = gateway_for(Channel.SANDBOX)
    try:
        signed = gateway.pay(payment.out_trade_no)
    except GatewayError:
        messages.error(request, _("This sandbox payment can no longer be paid."))
        return redirect("booking:order", number=payment.booking.number)
    if request.POST.get("deliver") != "no":
        services.handle_notification(
            Channel.SANDBOX, headers=signed["headers"], body=signed["body"], remote_addr=client_ip(request)
        )
    return redirect("payments:return", out_trade_no=payment.out_trade_no)
