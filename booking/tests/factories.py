from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.services import create_phone_user
from booking.models import Address
from providers import services as provider_services
from providers.selectors import LOCAL_TIME
from providers.tests.factories import make_provider, make_staff, unique_phone


def make_customer(phone=None, name="陈女士"):
    return create_phone_user(phone=phone or unique_phone(), password="customer-pass-2026", name=name)


def make_address(customer, district, detail="任城区古槐路 18 号 3 单元 502 室"):
    return Address.objects.create(
        customer=customer,
        district=district,
        detail=detail,
        landmark="太白楼对面",
        contact_name="陈阿姨",
        contact_phone="13900001111",
    )


def bookable_setup(catalog, staff_count=1):
    """A certified provider offering the daily cleaning in 任城区, its staff working 08:00–18:00 every day."""
    provider = make_provider(categories=[catalog.housekeeping], districts=[catalog.rencheng])
    staff = list(provider.staff.all())
    staff += [make_staff(provider, name=f"保洁员{n}") for n in range(staff_count - 1)]
    for member in staff:
        provider_services.set_weekly_shifts(member, [(day, time(8), time(18)) for day in range(7)])
        for qualification in catalog.daily.qualifications.all():
            provider_services.add_personal_certificate(member, qualification=qualification)
    provider_services.offer_service(provider, service=catalog.daily)
    return provider, staff


def tomorrow_at(hour, minute=0):
    day = timezone.localdate() + timedelta(days=1)
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TIME)
