from allauth.account.adapter import DefaultAccountAdapter

from members.services import profile_for


class AccountAdapter(DefaultAccountAdapter):
    """allauth hooks: every account made by sign-up gets its member profile."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile_for(user=user)
        return user
