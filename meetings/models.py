# Meetings with lawmakers' offices, seats and itineraries arrive with the
# scheduling capability (see docs/architecture.md).
