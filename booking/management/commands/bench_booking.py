"""Time availability and booking creation against a large booking history, then roll everything back.

    manage.py bench_booking --bookings 100000 --runs 20

Needs the demo catalog (``manage.py load_demo``); writes nothing that survives the run.
"""

import statistics
import time as clock
from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.services import create_phone_user
from booking import services
from booking.models import Address, Booking, StaffSlot
from booking.selectors import available_slots, units
from cms.models import District, ServicePage
from providers import services as provider_services
from providers.models import Provider, Staff
from providers.selectors import LOCAL_TIME


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark availability and booking creation with many existing bookings (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--bookings", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options["bookings"], options["runs"])
                raise Rollback
        except Rollback:
            self.stdout.write("(all benchmark data rolled back)")

    def run(self, count, runs):
        service = ServicePage.objects.filter(slug="daily-cleaning-2h", locale=Locale.get_default()).first()
        provider = Provider.objects.filter(offers__service=service, status="certified").first()
        if service is None or provider is None:
            raise CommandError("Load the demo first: manage.py load_demo")
        district = District.objects.get(code="370811")
        staff = list(Staff.objects.filter(provider=provider, status="active", districts=district))
        for member in staff:
            provider_services.set_weekly_shifts(member, [(day, time(7), time(21)) for day in range(7)])
        customer = create_phone_user(phone="13999990000", password="bench-password-1", name="压测")
        address = Address.objects.create(
            customer=customer,
            district=district,
            detail="任城区压测路 1 号",
            contact_name="压测",
            contact_phone="13999990000",
        )
        started = clock.perf_counter()
        self._history(count, service, provider, staff, customer, district)
        self.stdout.write(
            f"database: {connection.vendor}; {Booking.objects.count():,} bookings, "
            f"{StaffSlot.objects.count():,} staff time units, {len(staff)} staff "
            f"(made in {clock.perf_counter() - started:.0f} s)"
        )
        day = timezone.localdate() + timedelta(days=3)
        timings = []
        for _ in range(runs):
            begin = clock.perf_counter()
            slots = available_slots(service, district, day)
            timings.append((clock.perf_counter() - begin) * 1000)
        self.stdout.write(
            f"availability for one service-day: median {statistics.median(timings):.1f} ms, "
            f"max {max(timings):.1f} ms over {runs} runs ({len(slots)} start times)"
        )
        timings = []
        for run in range(runs):
            start = datetime.combine(
                day + timedelta(days=1 + run // 6), time(8 + 2 * (run % 6)), tzinfo=LOCAL_TIME
            )
            begin = clock.perf_counter()
            try:
                services.create_booking(customer=customer, service=service, start=start, address=address)
            except services.SlotTaken:
                continue
            timings.append((clock.perf_counter() - begin) * 1000)
        self.stdout.write(
            f"booking creation: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms "
            f"over {len(timings)} bookings"
        )

    def _history(self, count, service, provider, staff, customer, district):
        """``count`` past bookings, four a day per staff member, ending two weeks ago (clear of the demo's)."""
        per_day = 4
        days = count // (len(staff) * per_day) + 1
        first_day = timezone.localdate() - timedelta(days=15 + days)
        bookings = []
        for index in range(count):
            member = staff[index % len(staff)]
            day = first_day + timedelta(days=index // (len(staff) * per_day))
            start = datetime.combine(day, time(7 + 3 * (index // len(staff) % per_day)), tzinfo=LOCAL_TIME)
            bookings.append(
                Booking(
                    number=f"BENCH-{index:07d}",
                    customer=customer,
                    service=service,
                    provider=provider,
                    staff=member,
                    district=district,
                    address_detail="x",
                    contact_name="x",
                    contact_phone="x",
                    start=start,
                    end=start + timedelta(minutes=service.duration_minutes),
                    buffer_minutes=service.travel_buffer_minutes,
                    price=service.price,
                    status=Booking.Status.COMPLETED
                    if day < timezone.localdate()
                    else Booking.Status.ASSIGNED,
                )
            )
        for chunk in range(0, len(bookings), 5000):
            created = Booking.objects.bulk_create(bookings[chunk : chunk + 5000])
            StaffSlot.objects.bulk_create(
                [
                    StaffSlot(staff_id=booking.staff_id, starts_at=unit, booking=booking)
                    for booking in created
                    for unit in units(booking.start, booking.occupied_until)
                ],
                batch_size=5000,
            )
