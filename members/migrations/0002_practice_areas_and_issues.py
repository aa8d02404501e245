from django.db import migrations

PRACTICE_AREAS = [
    "Asylum and refugee law",
    "Business and employment-based immigration",
    "Citizenship and naturalization",
    "Criminal-immigration (crimmigration)",
    "DACA and Dreamers",
    "Detention and bond",
    "Family-based immigration",
    "Federal court litigation and appeals",
    "Humanitarian relief (VAWA, U and T visas)",
    "Investor immigration (EB-5)",
    "Removal defense",
    "Students and exchange visitors",
    "Temporary Protected Status",
]

POLICY_ISSUES = [
    "Alternatives to detention",
    "Border processing and case management",
    "Cutting visa backlogs",
    "Funded counsel for people who cannot pay",
    "An independent immigration court",
    "Shelter and Services Program funding",
]


def add_choices(apps, schema_editor):
    PracticeArea = apps.get_model("members", "PracticeArea")
    PolicyIssue = apps.get_model("members", "PolicyIssue")
    for name in PRACTICE_AREAS:
        PracticeArea.objects.get_or_create(name=name)
    for name in POLICY_ISSUES:
        PolicyIssue.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(add_choices, migrations.RunPython.noop)]
