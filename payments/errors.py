from django.core.exceptions import ValidationError


class PaymentError(ValidationError):
    """A payment rule was not met; the message says which, in the customer's language. Codes:
    ``not_payable``, ``channel_unavailable``, ``invalid_method``, ``gateway_unavailable``,
    ``refund_exceeds_payment``, ``not_refundable``."""
