from django.urls import reverse


def test_home_for_leader_lists_their_chapter(client, leader, chapter):
    client.force_login(leader)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert chapter.name in response.content.decode()
