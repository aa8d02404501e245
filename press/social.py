"""Suggested social posts: drafted with the merge engine, counted against each network's limit.

No network's API is called: a post is shared through each network's public
share address with the text filled in, and the link in it is our own short
redirect (`press:short_link`), which counts clicks per post.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import F
from django.urls import reverse

from common.merge import MergeFields
from lawmakers.models import Lawmaker
from meetings.models import Meeting, MeetingStatus
from press.models import Platform, PublicPage, SocialPost
from press.pages import day_facts

LIMITS = {
    Platform.X: 280,
    Platform.BLUESKY: 300,
    Platform.FACEBOOK: 63206,
    Platform.LINKEDIN: 3000,
    Platform.MASTODON: 500,
    Platform.INSTAGRAM: 2200,
}
# X counts every link as 23 characters, whatever its length (t.co).
X_LINK_LENGTH = 23
URL = re.compile(r"https?://\S+")
# Which handle of the Congress social-media data each network can mention.
HANDLE_KEYS = {
    Platform.X: "twitter",
    Platform.MASTODON: "mastodon",
    Platform.INSTAGRAM: "instagram",
}

POST_FIELDS = MergeFields(
    {
        "event_name": "the day's name",
        "date": "its date",
        "place": "where it happens",
        "theme": "the day's theme",
        "hashtag": "the day's hashtag, with #",
        "link": "our short link to the public page (clicks are counted)",
        "handles": "the official handles of the lawmakers met, on this network",
    }
)
SHORT = (
    "Immigration lawyers meet their lawmakers on {{ date }}: {{ event_name }}. "
    "{{ handles }} {{ hashtag }} {{ link }}"
)
LONG = (
    "On {{ date }}, immigration lawyers meet their lawmakers at {{ place }} for "
    "{{ event_name }}. {{ theme }}\n\n{{ handles }}\n\n{{ hashtag }} {{ link }}"
)
SUGGESTED = {
    Platform.X: SHORT,
    Platform.BLUESKY: SHORT,
    Platform.MASTODON: SHORT,
    Platform.FACEBOOK: LONG,
    Platform.LINKEDIN: LONG,
    Platform.INSTAGRAM: LONG.replace("{{ link }}", "(link in bio)"),
}


@dataclass(frozen=True)
class PostView:
    post: SocialPost
    text: str
    length: int
    limit: int
    share_url: str  # "" where the network has no share address (Instagram: copy the caption)

    @property
    def over_by(self) -> int:
        return max(0, self.length - self.limit)


def counted_length(text: str, platform: str) -> int:
    if platform == Platform.X:
        return len(URL.sub("x" * X_LINK_LENGTH, text))
    return len(text)


def short_url(post: SocialPost) -> str:
    return settings.SITE_URL + reverse("press:short_link", args=[post.code])


def met_handles(page: PublicPage) -> dict[str, list[str]]:
    """Each network's handles of the lawmakers the page's day meets, in one query."""
    meetings = Meeting.objects.filter(event_id=page.event_id).exclude(
        status=MeetingStatus.CANCELLED
    )
    if page.chapter_id is not None:
        meetings = meetings.filter(chapter_id=page.chapter_id)
    socials = Lawmaker.objects.filter(pk__in=meetings.values("lawmaker_id")).values_list(
        "social", flat=True
    )
    handles: dict[str, list[str]] = {platform: [] for platform in HANDLE_KEYS}
    for social in socials if page.event_id else ():
        for platform, key in HANDLE_KEYS.items():
            handle = (social or {}).get(key, "")
            if handle:
                handles[platform].append(handle if handle.startswith("@") else f"@{handle}")
    return {platform: sorted(found) for platform, found in handles.items()}


def post_values(page: PublicPage, post: SocialPost, handles: dict[str, list[str]]) -> dict:
    facts = day_facts(page)
    return {
        "event_name": facts.name,
        "date": facts.date_text,
        "place": facts.place,
        "theme": facts.theme,
        "hashtag": f"#{page.hashtag}" if page.hashtag else "",
        "link": short_url(post),
        "handles": " ".join(handles.get(post.platform, [])),
    }


def share_url(platform: str, text: str, link: str) -> str:
    if platform == Platform.X:
        return "https://x.com/intent/post?" + urlencode({"text": text})
    if platform == Platform.BLUESKY:
        return "https://bsky.app/intent/compose?" + urlencode({"text": text})
    if platform == Platform.MASTODON:
        return "https://mastodon.social/share?" + urlencode({"text": text})
    if platform == Platform.FACEBOOK:
        return "https://www.facebook.com/sharer/sharer.php?u=" + quote(link, safe="")
    if platform == Platform.LINKEDIN:
        return "https://www.linkedin.com/sharing/share-offsite/?url=" + quote(link, safe="")
    return ""


def tidy(text: str) -> str:
    """One space between words where an empty field left two; no blank line runs."""
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def render_posts(page: PublicPage, posts) -> list[PostView]:
    handles = met_handles(page)
    views = []
    for post in posts:
        text = tidy(POST_FIELDS.render(post.text, post_values(page, post, handles)))
        views.append(
            PostView(
                post=post,
                text=text,
                length=counted_length(text, post.platform),
                limit=LIMITS[Platform(post.platform)],
                share_url=share_url(post.platform, text, short_url(post)),
            )
        )
    return views


def posts_suggest(*, page: PublicPage, by) -> int:
    """A suggested post for each network the page has none for yet; how many were added."""
    have = set(SocialPost.objects.filter(page=page).values_list("platform", flat=True))
    new = [
        SocialPost(page=page, platform=platform, text=SUGGESTED[platform], created_by=by)
        for platform in Platform.values
        if platform not in have
    ]
    SocialPost.objects.bulk_create(new)
    return len(new)


def post_update(*, post: SocialPost, text: str) -> PostView:
    POST_FIELDS.check(text)
    post.text = text
    post.save(update_fields=["text", "updated_at"])
    return render_posts(post.page, [post])[0]


def post_clicked(*, code: str) -> SocialPost | None:
    post = SocialPost.objects.select_related("page").filter(code=code).first()
    if post is not None:
        SocialPost.objects.filter(pk=post.pk).update(clicks=F("clicks") + 1)
    return post


def visitor_share_links(page: PublicPage, url: str) -> list[tuple[str, str]]:
    """(network, share address) for a visitor sharing the public page itself."""
    hashtag = f" #{page.hashtag}" if page.hashtag else ""
    text = f"{page.headline}{hashtag} {url}"
    return [
        (label, share_url(platform, text, url))
        for platform, label in Platform.choices
        if platform != Platform.INSTAGRAM
    ]
