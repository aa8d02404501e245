"""The person taking part, kept in their session between steps: nothing personal in a URL.

One entry per campaign: what they told us (name, email, home), the districts
they chose, their own words, and the supporter row their actions are logged
under once they act.
"""

from dataclasses import asdict, dataclass, field

from actions.letters import Writer
from actions.services import Actor

KEY = "actions.person.{}"


@dataclass
class Person:
    name: str = ""
    email: str = ""
    street: str = ""
    city: str = ""
    zip_code: str = ""
    state: str = ""
    district: int | None = None
    upper: str = ""
    lower: str = ""
    own_words: str = ""
    consents_to_contact: bool = False
    wants_to_join_chapter: bool = False
    supporter_id: int | None = None
    target_ids: list[int] = field(default_factory=list)


def person_of(request, campaign) -> Person | None:
    stored = request.session.get(KEY.format(campaign.pk))
    if not isinstance(stored, dict):
        return None
    known = {name: stored[name] for name in Person.__dataclass_fields__ if name in stored}
    return Person(**known)


def person_save(request, campaign, person: Person) -> None:
    request.session[KEY.format(campaign.pk)] = asdict(person)


def person_forget(request, campaign) -> None:
    request.session.pop(KEY.format(campaign.pk), None)


def writer_of(person: Person) -> Writer:
    return Writer(
        name=person.name,
        email=person.email,
        street=person.street,
        city=person.city,
        zip_code=person.zip_code,
        own_words=person.own_words,
    )


def actor_of(request, person: Person) -> Actor:
    user = request.user if request.user.is_authenticated else None
    return Actor(
        writer=writer_of(person),
        state=person.state,
        district=person.district,
        user=user,
        supporter_id=person.supporter_id,
        consents_to_contact=person.consents_to_contact,
        wants_to_join_chapter=person.wants_to_join_chapter,
    )
