import factory

from lawmakers.models import (
    Chamber,
    Committee,
    CommitteeSeat,
    DistrictOffice,
    Lawmaker,
    Level,
    ZipDistrict,
)


class LawmakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lawmaker

    public_id = factory.Sequence(lambda n: f"T{n:06d}")
    level = Level.FEDERAL
    chamber = Chamber.LOWER
    state = "MN"
    district = "5"
    party = "Democrat"
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    full_name = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")
    office_raw = "2312 Rayburn House Office Building"
    office_building = "rayburn"
    office_room = "2312"
    capitol_side = "house"


class SenatorFactory(LawmakerFactory):
    chamber = Chamber.UPPER
    district = ""
    office_raw = "511 Hart Senate Office Building"
    office_building = "hart"
    office_room = "511"
    capitol_side = "senate"


class StateLegislatorFactory(LawmakerFactory):
    public_id = factory.Sequence(lambda n: f"ocd-person/00000000-0000-0000-0000-{n:012d}")
    level = Level.STATE
    district = "62A"
    office_raw = "Centennial Office Building, St. Paul"
    office_building = ""
    office_room = ""
    capitol_side = ""


class ZipDistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZipDistrict

    zcta = "55401"
    state = "MN"
    district = 5


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    code = factory.Sequence(lambda n: f"HS{n:02d}")
    name = factory.Sequence(lambda n: f"House Committee {n}")
    kind = "house"


class CommitteeSeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeSeat

    committee = factory.SubFactory(CommitteeFactory)
    lawmaker = factory.SubFactory(LawmakerFactory)
    side = "majority"
    rank = factory.Sequence(lambda n: n + 1)


class DistrictOfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DistrictOffice

    lawmaker = factory.SubFactory(LawmakerFactory)
    source_id = factory.Sequence(lambda n: f"office-{n}")
    address = "1 Main St."
    city = "Minneapolis"
    state = "MN"
    zip_code = "55401"
