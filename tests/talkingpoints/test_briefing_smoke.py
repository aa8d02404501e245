from django.urls import reverse

from tests.talkingpoints.factories import AskFactory


def test_briefing_shows_asks_for_a_seated_member(client, seated, meeting):
    AskFactory(event=meeting.event, title="Cut the visa backlogs")
    client.force_login(seated)
    response = client.get(reverse("talkingpoints:briefing", args=[meeting.pk]))
    assert response.status_code == 200
    assert "Cut the visa backlogs" in response.content.decode()
    assert "<strong>Backlogs</strong>" in response.content.decode()
