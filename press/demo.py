"""Demo data for `load_demo`: the day's public pages, a small press list, suggested posts."""

from chapters.models import Chapter
from events.models import Event
from members.models import User
from press import releases, services, social
from press.models import MediaContact, ReleaseKind

PRESS = [
    ("Rosa Díaz", "rosa.diaz@telemundo.example", "Telemundo Minnesota", "Immigration", "MN",
     "Spanish", True),
    ("Tom Berg", "tom.berg@startribune.example", "Star Tribune", "Courts", "MN", "English",
     False),
    ("Hodan Ali", "hodan.ali@somalitv.example", "Somali TV of Minnesota", "Community", "MN",
     "Somali", True),
    ("Dana Cole", "dana.cole@capitolwire.example", "Capitol Wire", "Congress", "", "English",
     False),
]  # fmt: skip


def load_press_demo(*, event: Event, chapter: Chapter, staff: User) -> None:
    """The national page and the chapter's, published, with posts and a release to approve."""
    if MediaContact.objects.exists():
        return  # loaded before
    for name, email, outlet, beat, state, language, ethnic in PRESS:
        MediaContact.objects.create(
            name=name,
            email=email,
            outlet=outlet,
            beat=beat,
            market_state=state,
            language=language,
            is_ethnic_media=ethnic,
            chapter=chapter if state else None,
            added_by=staff,
        )
    national = services.page_create(by=staff, event=event)
    services.page_update(
        page=national,
        hashtag="DayOfAction",
        partners="Interfaith Welcome Coalition\nTwin Cities Legal Aid Network",
        summary="Immigration lawyers from every state meet their members of Congress "
        "to ask for fair courts and shorter backlogs.",
    )
    ours = services.page_create(by=staff, event=event, chapter=chapter)
    services.page_update(page=ours, hashtag="DayOfAction")
    for page in (national, ours):
        services.page_publish(page=page, published=True)
        social.posts_suggest(page=page, by=staff)
    releases.release_create(page=national, kind=ReleaseKind.BEFORE, by=staff)
