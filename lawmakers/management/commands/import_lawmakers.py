from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lawmakers.importers.config import sources_for
from lawmakers.importers.errors import DataFileError
from lawmakers.services import lawmakers_import

PARTS = ("congress", "states", "zcta")


class Command(BaseCommand):
    help = (
        "Import lawmakers (Congress, state legislatures) and the ZIP-to-district table from "
        "a data folder or by download. Safe to re-run: it updates what changed."
    )

    def add_arguments(self, parser):
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--path", help="Data folder (default: LAWMAKER_DATA_DIR).")
        where.add_argument("--base-url", help="Download from a mirror laid out like the folder.")
        where.add_argument(
            "--download",
            action="store_true",
            help="Download from the configured published locations.",
        )
        parser.add_argument(
            "--only", action="append", choices=PARTS, help="Import only these parts."
        )
        parser.add_argument(
            "--states",
            help="State legislatures, comma-separated (default: LAWMAKER_STATES).",
        )

    def handle(self, *args, path=None, base_url=None, download=False, only=None, **options):
        parts = set(only or PARTS)
        states = (
            [s.strip().upper() for s in options["states"].split(",") if s.strip()]
            if options.get("states")
            else settings.LAWMAKER_STATES
        )
        sources = sources_for(path=path, base_url=base_url, download=download)
        try:
            summary = lawmakers_import(
                congress_source=sources["congress"] if "congress" in parts else None,
                openstates_source=sources["openstates"] if "states" in parts else None,
                states=tuple(states) if "states" in parts else (),
                zcta_source=sources["zcta"] if "zcta" in parts else None,
            )
        except DataFileError as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        for line in summary.lines():
            self.stdout.write(line)
