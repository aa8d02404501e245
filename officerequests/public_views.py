"""The office's reply page, reached by a signed link without an account.

It shows only what the office needs: the date, the proposed window, the
delegation as the letter names it, the topics. Bad links get a page saying
why; too many answers from one address in a short time are refused (429).
"""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from common.rate_limits import too_many
from meetings.people import delegations_of
from officerequests import links, replies
from officerequests.forms import ReplyForm
from officerequests.letters import public_name, window_text
from officerequests.models import AnsweredHow
from officerequests.states import request_of
from officerequests.windows import free_windows
from talkingpoints.selectors import asks_for_meeting

ANSWERS_PER_WINDOW = 20
WINDOW_SECONDS = 600


def _too_many(request) -> bool:
    return too_many(
        request,
        scope="officerequests.reply",
        limit=ANSWERS_PER_WINDOW,
        window_seconds=WINDOW_SECONDS,
    )


@never_cache
def reply(request, token):
    try:
        meeting = links.meeting_for_reply(token)
    except links.LinkProblem as problem:
        return render(
            request, "officerequests/reply_invalid.html", {"problem": problem}, status=400
        )
    if request.method == "POST" and _too_many(request):
        return render(
            request,
            "officerequests/reply_invalid.html",
            {"problem": "Too many answers from here in a short time: please try again later."},
            status=429,
        )
    if request.method == "GET":
        replies.reply_opened(meeting=meeting)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            replies.reply_record(
                meeting=meeting,
                how=AnsweredHow.LINK,
                **{
                    k: form.cleaned_data[k]
                    for k in ("answer", "new_time", "staff_name", "join_url")
                },
            )
        except replies.ReplyError as error:
            form.add_error(None, str(error))
        else:
            return redirect("officerequests:reply", token=token)
    return render(
        request,
        "officerequests/reply.html",
        {"form": form, "token": token, **reply_context(meeting)},
    )


def reply_context(meeting) -> dict:
    delegation = delegations_of([meeting], related=("user", "user__profile"))[meeting.pk]
    return {
        "meeting": meeting,
        "event": meeting.event,
        "window": window_text(meeting),
        "delegation": [public_name(d) for d in delegation],
        "topics": [applied.ask.title for applied in asks_for_meeting(meeting)],
        "free": free_windows(meeting),
        "request": request_of(meeting),
        "cancelled": replies.cancelled_by_us(meeting),
    }
