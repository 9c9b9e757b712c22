"""Signals other apps listen to, so that booking never has to import them."""

import django.dispatch

# Sent inside the cancelling transaction with ``booking`` (already saved in its cancelled status, its
# ``cancellation_fee`` set when the customer owes one) and ``action`` (a key of services.MOVES).
booking_cancelled = django.dispatch.Signal()

# Sent with ``bookings`` (a list of Booking) when an order resource needs their payments; a receiver answers
# {booking id: summary} (the fields of booking.api.PaymentSummarySerializer). The payments app answers it.
payment_summaries_requested = django.dispatch.Signal()
