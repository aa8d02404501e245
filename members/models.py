from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from localflavor.us.models import USStateField, USZipCodeField
from phonenumber_field.modelfields import PhoneNumberField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields["is_staff"] = True
        fields["is_superuser"] = True
        return self._create(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An account. The email address is the login; `is_staff` marks national staff."""

    email = models.EmailField("email address", max_length=254, unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    is_staff = models.BooleanField(
        "national staff",
        default=False,
        help_text="National staff run events, see every chapter and use the admin.",
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="members_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_full_name(self):
        return self.full_name

    # National staff see and change everything, in the app and in the admin.
    def has_perm(self, perm, obj=None):
        return (self.is_active and self.is_staff) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        return (self.is_active and self.is_staff) or super().has_module_perms(app_label)

    def get_short_name(self):
        return self.first_name or self.email


class PracticeArea(models.Model):
    """An area of immigration law a member practises in."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PolicyIssue(models.Model):
    """A policy issue a member cares about (backlogs, detention, counsel …)."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Profile(models.Model):
    """What we know about a member as an advocate: contact, home and practice."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    phone = PhoneNumberField(blank=True, region="US")
    address_line1 = models.CharField("address", max_length=200, blank=True)
    address_line2 = models.CharField("address (line 2)", max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = USStateField(blank=True)
    zip_code = USZipCodeField("ZIP code", blank=True)
    practice_areas = models.ManyToManyField(PracticeArea, blank=True, related_name="profiles")
    years_of_practice = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    first_time_advocate = models.BooleanField(
        default=True, help_text="Has not lobbied at a Day of Action before."
    )
    policy_issues = models.ManyToManyField(
        PolicyIssue, blank=True, related_name="profiles", verbose_name="issues I care about"
    )
    # The districts the member chose where their ZIP code does not settle it
    # (see members.constituency); null or blank means not chosen.
    congressional_district = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="0 is an at-large seat."
    )
    state_upper_district = models.CharField("state senate district", max_length=60, blank=True)
    state_lower_district = models.CharField("state house district", max_length=60, blank=True)
    # IANA name ("America/Phoenix"); empty: the state's only zone, asked where it has several.
    time_zone = models.CharField(
        "my time zone",
        max_length=64,
        blank=True,
        help_text="Times of meetings are shown to you in this zone.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Profile of {self.user}"

    @property
    def zip5(self) -> str:
        return self.zip_code[:5]

    @property
    def is_complete(self) -> bool:
        return bool(self.user.full_name and self.state and self.zip_code)
