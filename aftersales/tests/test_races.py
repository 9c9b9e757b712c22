"""Writes that must not double, tried from many threads at once on PostgreSQL (SQLite serialises writers)."""

import threading
from types import SimpleNamespace

import pytest
from django.db import connection

from aftersales import services
from aftersales.models import RatingSummary, Review
from aftersales.services import AftersalesError
from aftersales.tests.factories import completed_booking, completed_bookings

RATINGS = {"overall": 4, "punctuality": 4, "quality": 4, "attitude": 4}


def run_at_once(jobs):
    barrier = threading.Barrier(len(jobs))
    outcomes = []

    def run(job):
        try:
            barrier.wait()
            job()
            outcomes.append("ok")
        except AftersalesError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def fresh_catalog():
    from cms.tests.factories import build_catalog

    return SimpleNamespace(**build_catalog())


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers, so this race needs PostgreSQL; CI runs it there.")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_simultaneous_reviews_of_one_order_make_one():
    needs_postgresql()
    booking = completed_booking(fresh_catalog())
    outcomes = run_at_once(
        [lambda: services.write_review(booking, customer=booking.customer, ratings=RATINGS)] * 10
    )
    assert outcomes == ["duplicate"] * 9 + ["ok"]
    assert Review.objects.filter(booking=booking).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reviews_of_one_staff_member_saved_at_once_are_all_counted():
    needs_postgresql()
    bookings = completed_bookings(fresh_catalog(), 6)
    outcomes = run_at_once(
        [
            lambda booking=booking: services.write_review(booking, customer=booking.customer, ratings=RATINGS)
            for booking in bookings
        ]
    )
    assert outcomes == ["ok"] * 6
    summary = RatingSummary.objects.get(subject=RatingSummary.Subject.STAFF, subject_id=bookings[0].staff_id)
    assert (summary.count, summary.overall_total) == (6, 24)
