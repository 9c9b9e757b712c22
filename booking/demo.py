"""Demo customers and orders in every state of the life cycle, for the README's first command."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.services import create_phone_user
from cms.models import District, ServicePage
from providers.models import Provider
from providers.selectors import LOCAL_TIME

from . import services
from .models import Address, Booking, BookingEvent
from .selectors import eligible_staff

DEMO_PASSWORD = "shangmen-demo"
CUSTOMERS = [("13800000001", "陈女士"), ("13800000004", "周先生")]


def bookings_loaded() -> bool:
    return Booking.objects.filter(customer__first_name="陈女士").exists()


@transaction.atomic
def load_bookings(pay=services.confirm_and_assign) -> bool:
    """``pay`` takes a pending order through payment (the payments app passes its sandbox in); by default
    the order is confirmed as payment would confirm it."""
    if bookings_loaded() or not Provider.objects.exists():
        return False
    rencheng = District.objects.get(code="370811")
    first, second = (
        create_phone_user(phone=phone, password=DEMO_PASSWORD, name=name) for phone, name in CUSTOMERS
    )
    home = Address.objects.create(
        customer=first,
        district=rencheng,
        detail="任城区古槐路 18 号 3 单元 502 室",
        landmark="太白楼对面",
        contact_name="陈女士",
        contact_phone="13800000001",
    )
    parents = Address.objects.create(
        customer=first,
        district=rencheng,
        detail="任城区运河路 66 号 1 单元 201 室",
        landmark="运河公园北门",
        contact_name="陈大爷",
        contact_phone="13900008888",
    )
    their_home = Address.objects.create(
        customer=second,
        district=rencheng,
        detail="任城区建设路 9 号 2 单元 301 室",
        landmark="济宁一中东侧",
        contact_name="周先生",
        contact_phone="13800000004",
    )
    source = Locale.get_default()
    cleaning = ServicePage.objects.get(slug="daily-cleaning-2h", locale=source)
    deep = ServicePage.objects.get(slug="deep-cleaning-4h", locale=source)
    # Demo staff work Monday to Saturday.
    working_days = [
        day
        for day in (timezone.localdate() + timedelta(days=offset) for offset in range(2, 20))
        if day.weekday() < 6
    ]

    def at(index, hour):
        return datetime.combine(working_days[index], time(hour), tzinfo=LOCAL_TIME)

    def book(customer, service, start, address, notes=""):
        return services.create_booking(
            customer=customer, service=service, start=start, address=address, notes=notes
        )

    book(first, cleaning, at(0, 9), home, "请带鞋套")
    pay(book(second, cleaning, at(0, 14), their_home))
    pay(book(first, deep, at(1, 9), parents, "老人腿脚不便，请提前电话联系"))
    on_the_way = pay(book(second, deep, at(1, 13), their_home))
    services.move_booking(on_the_way, "set_off", actor=on_the_way.staff.user, role=services.STAFF)
    in_service = pay(book(first, cleaning, at(2, 10), home))
    services.move_booking(in_service, "start", actor=in_service.staff.user, role=services.STAFF)
    cancelled = pay(book(second, cleaning, at(3, 10), their_home))
    services.cancel_by_customer(cancelled, customer=second, reason="临时出差")
    by_provider = pay(book(first, cleaning, at(4, 10), home))
    services.move_booking(
        by_provider,
        "cancel_by_provider",
        actor=None,
        role=services.DISPATCHER,
        reason="保洁员生病，已联系顾客改约",
    )
    by_platform = book(second, deep, at(5, 9), their_home)
    services.move_booking(
        by_platform, "cancel_by_platform", actor=None, role=services.PLATFORM, reason="服务商资质复核中"
    )
    _history(first, cleaning, home, days_ago=7, final="complete")
    _history(second, deep, their_home, days_ago=10, final="complete")
    _history(first, cleaning, parents, days_ago=3, final="no_show")
    return True


def _history(customer, service, address, *, days_ago, final):
    """A past order. The booking rules refuse past times, so history is written as it would have happened."""
    start = datetime.combine(timezone.localdate() - timedelta(days=days_ago), time(10), tzinfo=LOCAL_TIME)
    staff = eligible_staff(service, address.district, start.date()).select_related("provider", "user").first()
    offer = staff.provider.offers.get(service=service)
    booking = Booking.objects.create(
        number=services.next_booking_number(start.date()),
        customer=customer,
        service=service,
        provider=staff.provider,
        staff=staff,
        district=address.district,
        address_detail=address.detail,
        address_landmark=address.landmark,
        contact_name=address.contact_name,
        contact_phone=address.contact_phone,
        start=start,
        end=start + timedelta(minutes=service.duration_minutes),
        buffer_minutes=service.travel_buffer_minutes,
        price=offer.effective_price,
        status=Booking.Status.ASSIGNED,
    )
    BookingEvent.objects.create(
        booking=booking, actor=customer, action="created", to_status=Booking.Status.PENDING
    )
    steps = ["set_off", "start", "complete"] if final == "complete" else ["set_off", "no_show"]
    for action in steps:
        services.move_booking(
            booking,
            action,
            actor=staff.user,
            role=services.STAFF,
            reason="敲门无人应答，电话未接通" if action == "no_show" else "",
        )
