from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class BookingError(ValidationError):
    """A booking rule was not met; the message says which, in the customer's language."""


class SlotTaken(BookingError):
    def __init__(self):
        super().__init__(_("This time was just taken. Please choose another time."), code="slot_taken")


class PolicyViolation(BookingError):
    def __init__(self, message):
        super().__init__(message, code="policy_violation")
