class PlanError(Exception):
    """A plan that cannot be made or accepted, or an input that cannot be saved; says why."""
