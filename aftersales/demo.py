"""Demo after-sales: a reviewed order with the provider's reply, a complaint and a claim waiting for the
operators, and feedback answered and unanswered. One completed order is left for the visitor to review."""

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import phone_digest
from booking.models import Booking

from . import services
from .models import Feedback, Review

DEMO_OPERATOR = "admin"


def _user(phone):
    return get_user_model().objects.get(phone_digest=phone_digest(phone))


@transaction.atomic
def load_aftersales() -> bool:
    if Review.objects.exists() or Feedback.objects.exists():
        return False
    customer, other_customer = _user("13800000001"), _user("13800000004")
    provider_admin = _user("13800000003")
    operator = get_user_model().objects.get(username=DEMO_OPERATOR)
    served = Booking.objects.filter(customer=other_customer, status=Booking.Status.COMPLETED).first()
    missed = Booking.objects.filter(customer=customer, status=Booking.Status.NO_SHOW).first()
    if served is None or missed is None:
        return False

    review = services.write_review(
        served,
        customer=other_customer,
        ratings={"overall": 4, "punctuality": 5, "quality": 4, "attitude": 5},
        text="师傅很细致，厨房油烟机擦得很干净。就是阳台窗户没来得及擦，下次希望补上。",
    )
    services.reply_to_review(
        review, actor=provider_admin, text="感谢您的认可！阳台窗户下次上门时为您免费补擦。"
    )

    complaint = services.file_complaint(
        missed,
        customer=customer,
        category="late",
        description="我父母一直在家，服务人员说敲门无人应答，但门铃和电话都没有响过。",
    )
    services.acknowledge_complaint(complaint, actor=operator, note="已收到，正在联系服务商核实上门记录。")
    services.respond_as_provider(
        complaint, actor=provider_admin, text="员工称到达时按门铃无人应答，我们正在调取通话记录。"
    )
    services.file_claim(
        missed,
        customer=customer,
        reason="no_show",
        description="服务没有做成，老人为此请假在家等了半天，申请退还服务费。",
        amount=missed.price,
    )

    answered = services.send_feedback(
        user=customer, category="suggestion", text="希望晚上七点以后也能预约保洁，上班族白天不在家。"
    )
    services.answer_feedback(
        answered, actor=operator, answer="谢谢建议！我们正在和服务商商量开放 19:00–21:00 的时段。"
    )
    services.send_feedback(user=provider_admin, category="payment", text="希望对账单能按周汇总导出。")
    return True
