import io

from django.core.management import call_command

from chapters.models import Chapter, Membership, Role
from events.models import Event, EventStatus, Level
from members.models import User


def test_load_demo_twice_creates_the_demo_once(db, capsys):
    call_command("load_demo")
    call_command("load_demo")
    chapters = {chapter.name: chapter.state_codes for chapter in Chapter.objects.all()}
    assert chapters == {
        "Massachusetts": ["MA"],
        "Minnesota/Dakotas": ["MN", "ND", "SD"],
        "Tennessee": ["TN"],
    }
    staff = User.objects.get(email="staff@example.org")
    assert (staff.is_staff, staff.is_superuser) == (True, True)
    event = Event.objects.get()
    assert (event.level, event.status, event.name.startswith("National Day of Action")) == (
        Level.NATIONAL,
        EventStatus.PUBLISHED,
        True,
    )
    assert Membership.objects.count() == 12
    chair = Membership.objects.get(user__email="chair.mn@example.org")
    assert (chair.chapter.name, chair.role) == ("Minnesota/Dakotas", Role.CHAIR)
    assert "Demo data is loaded" in capsys.readouterr().out


def test_load_demo_accounts_can_log_in(client, db):
    call_command("load_demo", stdout=io.StringIO())
    assert client.login(email="amara.okafor@example.org", password="lobby-day-demo") is True
