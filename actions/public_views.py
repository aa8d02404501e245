"""Taking action, for members and the public: find your lawmakers, write, call, log.

The person's details live in their session (`session.py`), never in a URL.
Every POST is rate-limited per client address and per email address in the
shared cache; public forms carry a honeypot. Nothing is logged for bad input.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from actions import access, selectors, services
from actions.channels import FORM_CHECKLIST, nearest_office, print_address, zip_centre, zip_city
from actions.forms import ChoiceForm, HomeForm, LogForm, OwnWordsForm
from actions.letters import LetterError, letter_for
from actions.limits import refused, too_many
from actions.lookup import LookupProblem, lookup_home
from actions.models import CALL_CHANNELS, LETTER_OUTCOMES, Channel, Outcome
from actions.page import cards_for
from actions.session import Person, actor_of, person_of, person_save, writer_of
from common.pdf import pdf_response, render_pdf
from lawmakers.models import DistrictOffice, Lawmaker
from members.constituency import constituency_for
from members.services import profile_for
from talkingpoints.markdown import render_markdown


def _closed(request, campaign):
    """The campaign's page when it is not open, or a members' campaign to the public."""
    try:
        services.check_campaign_open(campaign, public=not request.user.is_authenticated)
    except services.ActionError as error:
        return render(
            request, "actions/closed.html", {"campaign": campaign, "problem": str(error)}
        )
    return None


def _email_of(request, person: Person | None = None) -> str:
    if request.user.is_authenticated:
        return request.user.email
    return person.email if person else request.POST.get("email", "")


def campaign_list(request):
    campaigns = selectors.campaigns_open_to(request.user)
    return render(request, "actions/campaign_list.html", {"campaigns": campaigns})


@never_cache
def campaign_start(request, slug):
    campaign = access.campaign_for_taking_part(request.user, slug)
    closed = _closed(request, campaign)
    if closed:
        return closed
    member = request.user.is_authenticated
    profile = profile_for(user=request.user) if member else None
    if request.method == "POST":
        if too_many(request, _email_of(request)):
            return refused(request)
        if member and "use_profile" in request.POST:
            return _start_from_profile(request, campaign, profile)
        form = HomeForm(request.POST, member=member)
        if form.is_valid():
            data = form.cleaned_data
            try:
                lookup = lookup_home(campaign=campaign, zip_code=data["zip_code"])
            except LookupProblem as problem:
                form.add_error("zip_code", str(problem))
            else:
                person = Person(
                    name=_member_name(request) if member else data["name"],
                    email=request.user.email if member else data["email"],
                    street=data["street"],
                    city=data["city"] or zip_city(lookup.home.zip_code),
                    zip_code=lookup.home.zip_code,
                    state=lookup.home.state,
                    consents_to_contact=data.get("consents_to_contact", False),
                    wants_to_join_chapter=data.get("wants_to_join_chapter", False),
                )
                person_save(request, campaign, person)
                return redirect("actions:act", slug=campaign.slug)
    else:
        known = person_of(request, campaign)
        form = HomeForm(member=member, initial=known.__dict__ if known else None)
    return render(
        request,
        "actions/start.html",
        {
            "campaign": campaign,
            "why": render_markdown(campaign.why),
            "form": form,
            "profile_ready": bool(profile and profile.state and profile.zip_code),
        },
    )


def _member_name(request) -> str:
    return request.user.get_full_name() or request.user.email


def _start_from_profile(request, campaign, profile):
    constituency = constituency_for(profile)
    person = Person(
        name=_member_name(request),
        email=request.user.email,
        street=profile.address_line1,
        city=profile.city,
        zip_code=profile.zip5,
        state=profile.state,
        district=constituency.district,
        upper=profile.state_upper_district,
        lower=profile.state_lower_district,
    )
    try:
        lookup_home(campaign=campaign, zip_code=person.zip_code, state=person.state)
    except LookupProblem as problem:
        messages.error(request, f"{problem} (from your profile)")
        return redirect("actions:start", slug=campaign.slug)
    person_save(request, campaign, person)
    return redirect("actions:act", slug=campaign.slug)


def _lookup_or_none(request, campaign, person):
    try:
        return lookup_home(
            campaign=campaign,
            zip_code=person.zip_code,
            state=person.state,
            district=person.district,
            upper=person.upper,
            lower=person.lower,
        )
    except LookupProblem as problem:
        messages.error(request, str(problem))
        return None


@never_cache
def campaign_act(request, slug):
    campaign = access.campaign_for_taking_part(request.user, slug)
    closed = _closed(request, campaign)
    if closed:
        return closed
    person = person_of(request, campaign)
    lookup = _lookup_or_none(request, campaign, person) if person else None
    if lookup is None:
        return redirect("actions:start", slug=campaign.slug)
    choice_form = ChoiceForm(lookup=lookup, campaign=campaign)
    words_form = OwnWordsForm(campaign=campaign, initial={"own_words": person.own_words})
    if request.method == "POST":
        if too_many(request, _email_of(request, person)):
            return refused(request)
        if "choose" in request.POST:
            choice_form = ChoiceForm(request.POST, lookup=lookup, campaign=campaign)
            if choice_form.is_valid():
                data = choice_form.cleaned_data
                person.state = data.get("state", person.state) or lookup.home.state
                person.district = data.get("district", person.district)
                person.upper = data.get("upper", person.upper)
                person.lower = data.get("lower", person.lower)
                person_save(request, campaign, person)
                return redirect("actions:act", slug=campaign.slug)
        else:
            words_form = OwnWordsForm(request.POST, campaign=campaign)
            if words_form.is_valid():
                person.own_words = words_form.cleaned_data["own_words"].strip()
                person_save(request, campaign, person)
                messages.success(request, "Your letters are ready below, one per lawmaker.")
                return redirect(reverse("actions:act", args=[campaign.slug]) + "#letters")
    cards = cards_for(campaign=campaign, person=person, targets=lookup.targets)
    ids = [card.lawmaker.pk for card in cards]
    if ids != person.target_ids:
        person.target_ids = ids
        person_save(request, campaign, person)
    mine = (
        selectors.actions_of_user(request.user).filter(campaign=campaign)
        if request.user.is_authenticated
        else selectors.actions_of_supporter(person.supporter_id, campaign)
    )
    return render(
        request,
        "actions/act.html",
        {
            "campaign": campaign,
            "person": person,
            "lookup": lookup,
            "choice_form": choice_form if choice_form.fields else None,
            "words_form": words_form,
            "cards": cards,
            "checklist": FORM_CHECKLIST,
            "call_outcomes": [(o.value, o.label) for o in CALL_OUTCOMES_SHOWN],
            "mine": mine[:50],
            "Channel": {c.name: c.value for c in Channel},
        },
    )


CALL_OUTCOMES_SHOWN = (Outcome.SPOKE, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.MAILBOX_FULL)


def _target(request, campaign, person, lawmaker_id) -> Lawmaker:
    """One of the lawmakers the person's page offered, or Refused back to the page."""
    lawmaker = (
        Lawmaker.objects.filter(pk=lawmaker_id).first()
        if lawmaker_id in person.target_ids
        else None
    )
    if lawmaker is None:
        messages.error(request, "That lawmaker is not one this campaign asks you to contact.")
        raise Refused(_back(campaign))
    return lawmaker


def _back(campaign, lawmaker_id=None):
    url = reverse("actions:act", args=[campaign.slug])
    return redirect(f"{url}#lawmaker-{lawmaker_id}" if lawmaker_id else url)


def _logged_message(action) -> str:
    lawmaker = action.lawmaker
    if action.channel in CALL_CHANNELS:
        where = "district office" if action.channel == Channel.CALL_DISTRICT else "office"
        said = {
            Outcome.SPOKE: "you spoke to staff",
            Outcome.VOICEMAIL: "you left a voicemail",
            Outcome.BUSY: "the line was busy",
            Outcome.MAILBOX_FULL: "the mailbox was full",
        }[action.outcome]
        return f"Logged: {said} at {lawmaker.title} {lawmaker.last_name}'s {where}. Thank you."
    return f"Logged: {action.get_outcome_display().lower()}, to {lawmaker}. Thank you."


class Refused(Exception):
    """A POST answered before anything else: no person yet, or over the rate limit."""

    def __init__(self, response):
        self.response = response


def _acting(request, slug):
    """The campaign and the person for a POST that acts, or Refused with the answer."""
    campaign = access.campaign_for_taking_part(request.user, slug)
    person = person_of(request, campaign)
    if person is None:
        raise Refused(redirect("actions:start", slug=campaign.slug))
    if too_many(request, _email_of(request, person)):
        raise Refused(refused(request))
    return campaign, person


def acting_view(view):
    """Turn Refused into its answer, so each acting view starts with `_acting`."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return refused.response

    return require_POST(wrapper)


@acting_view
def action_log(request, slug):
    campaign, person = _acting(request, slug)
    form = LogForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "That could not be logged: " + " ".join(form.errors.get("__all__", ["try again."])),
        )
        return _back(campaign)
    data = form.cleaned_data
    lawmaker = _target(request, campaign, person, data["lawmaker"])
    office = (
        DistrictOffice.objects.filter(pk=data["office"], lawmaker=lawmaker).first()
        if data.get("office")
        else None
    )
    try:
        action = services.action_log(
            campaign=campaign,
            lawmaker=lawmaker,
            channel=data["channel"],
            outcome=data["outcome"],
            actor=actor_of(request, person),
            district_office=office,
        )
    except services.ActionError as error:
        messages.error(request, str(error))
        return _back(campaign, lawmaker.pk)
    _remember_supporter(request, campaign, person, action)
    messages.success(request, _logged_message(action))
    if data["channel"] == Channel.CALL_CAPITOL and data["outcome"] in (
        Outcome.BUSY,
        Outcome.MAILBOX_FULL,
    ):
        messages.info(request, "Washington is busy today: try the district office below.")
        return redirect(reverse("actions:act", args=[campaign.slug]) + f"#district-{lawmaker.pk}")
    return _back(campaign, lawmaker.pk)


def _remember_supporter(request, campaign, person, action):
    if action.supporter_id and action.supporter_id != person.supporter_id:
        person.supporter_id = action.supporter_id
        person_save(request, campaign, person)


@acting_view
def letter_pdf(request, slug, lawmaker_id):
    campaign, person = _acting(request, slug)
    lawmaker = _target(request, campaign, person, lawmaker_id)
    actor = actor_of(request, person)
    try:
        services.check_campaign_open(campaign, public=actor.user is None)
        services.check_writer(actor)
        letter = letter_for(campaign=campaign, lawmaker=lawmaker, writer=writer_of(person))
    except (services.ActionError, LetterError) as error:
        messages.error(request, str(error))
        return _back(campaign, lawmaker.pk)
    offices = DistrictOffice.objects.filter(lawmaker=lawmaker)
    nearest = nearest_office(offices, zip_centre(person.zip_code[:5]))
    pdf = render_pdf(
        "actions/letter_print.html",
        {
            "letter": letter,
            "writer": writer_of(person),
            "address": print_address(lawmaker, nearest.office if nearest else None),
            "campaign": campaign,
        },
    )
    action = services.action_log(
        campaign=campaign,
        lawmaker=lawmaker,
        channel=Channel.PRINTED,
        outcome=LETTER_OUTCOMES[Channel.PRINTED],
        actor=actor,
    )
    _remember_supporter(request, campaign, person, action)
    return pdf_response(f"letter-to-{lawmaker.last_name.lower()}.pdf", pdf)


@acting_view
def letter_email(request, slug, lawmaker_id):
    campaign, person = _acting(request, slug)
    lawmaker = _target(request, campaign, person, lawmaker_id)
    try:
        action, new = services.letter_send_by_outbox(
            campaign=campaign, lawmaker=lawmaker, actor=actor_of(request, person)
        )
    except services.ActionError as error:
        messages.error(request, str(error))
        return _back(campaign, lawmaker.pk)
    _remember_supporter(request, campaign, person, action)
    if new:
        messages.success(
            request,
            f"Your letter to {lawmaker} is with our mail server; replies come to "
            f"{_email_of(request, person)}. We cannot see whether the office reads it.",
        )
    else:
        messages.info(request, f"Your letter to {lawmaker} was already sent once.")
    return _back(campaign, lawmaker.pk)


@login_required
def my_actions(request):
    page = Paginator(selectors.actions_of_user(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "actions/mine.html", {"page": page})
