"""Settings for every environment. All values come from the environment (or a .env file).

Every variable is listed, with its default, in `.env.example` and `docs/configuration.md`;
a test checks that the three agree.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from alliances.settings.database import database_from_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
ENV_FILE = Path(env.str("ENV_FILE", default=".env"))
if ENV_FILE.is_file():
    env.read_env(str(ENV_FILE))

DEBUG = env.bool("DEBUG", default=False)

# Where local data lives: the SQLite database, uploaded files, collected static files.
DATA_DIR = Path(env.str("DATA_DIR", default=str(Path.cwd() / "var"))).resolve()

_INSECURE_LOCAL_KEY = "django-insecure-local-development-key-never-use-in-production"
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (a long random string; "
            'generate one with: python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    SECRET_KEY = _INSECURE_LOCAL_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    # Before allauth and the API documentation: the platform's templates override theirs
    # (allauth's pages in the platform's theme, with its language attribute and landmarks).
    "alliances.web",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "alliances.core",
    "alliances.accounts",
    "alliances.audit",
    "alliances.territories",
    "alliances.sdg",
    "alliances.program",
    "alliances.studies",
    "alliances.registry",
    "alliances.mobilisation",
    "alliances.kit",
    "alliances.insights",
    "alliances.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy with a fresh nonce per response (see docs/security.md).
    "csp.middleware.CSPMiddleware",
    # A database outage answers 503 (page or API error), never a traceback.
    "alliances.core.outage.DatabaseUnavailableMiddleware",
    # ETag on every GET response, 304 when unchanged: cheap revalidation for API clients.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "alliances.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "alliances.accounts.middleware.SessionLifetimeMiddleware",
    # Last, as django-axes asks: it reads the outcome of the authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "alliances.urls"
WSGI_APPLICATION = "alliances.wsgi.application"
ASGI_APPLICATION = "alliances.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "alliances.web.context_processors.platform",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        env.str("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'alliances.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # CNIL: at least 12 characters, no composition rule; 15 for administrators and co-pilots.
    {"NAME": "alliances.accounts.passwords.PrivilegedAccountLengthValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "web:home"
AUTHENTICATION_BACKENDS = [
    # First: refuses any attempt while the username+IP pair is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): e-mail as login, verified before first sign-in.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_ADAPTER = "alliances.accounts.adapter.AccountAdapter"
SIGNUP_OPEN = env.bool("SIGNUP_OPEN", default=True)
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Administrators and co-pilots must set up a second factor (TOTP) before using the platform.
MFA_REQUIRED_FOR_PRIVILEGED = env.bool("MFA_REQUIRED_FOR_PRIVILEGED", default=True)
MFA_TOTP_ISSUER = env.str("PLATFORM_NAME", default="Alliances")
# Optional single sign-on with OpenID Connect (e.g. ProConnect): set all three to enable it.
OIDC_PROVIDER_URL = env.str("OIDC_PROVIDER_URL", default="")
OIDC_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "oidc",
                "name": env.str("OIDC_PROVIDER_NAME", default="ProConnect"),
                "client_id": OIDC_CLIENT_ID,
                "secret": OIDC_CLIENT_SECRET,
                "settings": {"server_url": OIDC_PROVIDER_URL},
            }
        ]
        if OIDC_PROVIDER_URL and OIDC_CLIENT_ID and OIDC_CLIENT_SECRET
        else []
    }
}
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True

# Brute-force protection (django-axes): lock a username+IP pair, not the whole IP, so a colleague
# behind the same address can still sign in; unlocked after AXES_COOLOFF_MINUTES or on success.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_MINUTES", default=20) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "alliances.accounts.lockout.attempted_username"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_VERBOSE = False

# Sessions: rotated at sign-in (Django does), stored server-side, ended after
# SESSION_IDLE_MINUTES without activity and SESSION_MAX_HOURS after sign-in in any case.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=120)
SESSION_MAX_HOURS = env.int("SESSION_MAX_HOURS", default=12)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True

# Languages: French first, English complete.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media")))
# Open data: files written by `alliances export_opendata` and served at /donnees/.
OPENDATA_DIR = Path(env.str("OPENDATA_DIR", default=str(MEDIA_ROOT / "opendata"))).resolve()
# Public address of the site, for the absolute links of the DCAT catalogue.
OPENDATA_BASE_URL = env.str("OPENDATA_BASE_URL", default="http://localhost:8000")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# E-mail
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Alliances <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Admin", address) for address in env.list("ADMINS", default=[])]

# Security. The defaults follow DEBUG: strict in production, plain HTTP on a laptop.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy (django-csp): scripts and <style> elements only from our origin or
# carrying this response's nonce; no inline style attributes (the goal colours are classes);
# images may be data: URIs (the second-factor QR code is one; an image cannot run script).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

# The deployment's identity: name, tagline, publisher and contact are configurable.
PLATFORM_NAME = env.str("PLATFORM_NAME", default="Alliances")
PLATFORM_PUBLISHER = env.str("PLATFORM_PUBLISHER", default="")
PLATFORM_CONTACT_EMAIL = env.str("PLATFORM_CONTACT_EMAIL", default="contact@localhost")
# Where to report a vulnerability in this deployment (/.well-known/security.txt, RFC 9116): an
# e-mail address or an https:// page; the platform contact address when empty.
SECURITY_CONTACT = env.str("SECURITY_CONTACT", default="")
PLATFORM_LOGO_URL = env.str("PLATFORM_LOGO_URL", default="")
if PLATFORM_LOGO_URL.startswith("https://"):
    # A logo hosted elsewhere: its origin (only) is allowed for images.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "/".join(PLATFORM_LOGO_URL.split("/", 3)[:3])
    )
PLATFORM_PUBLICATION_DIRECTOR = env.str("PLATFORM_PUBLICATION_DIRECTOR", default="")
PLATFORM_HOSTING_PROVIDER = env.str("PLATFORM_HOSTING_PROVIDER", default="")
# The public address of the site, for links in e-mails and calendar feeds sent from commands.

# REST API (/api/v1/): public reads, writes by the same rules as the pages.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "alliances.api.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
        "alliances.api.authentication.TokenScopePermission",
    ],
    "DEFAULT_PAGINATION_CLASS": "alliances.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON in, JSON out; numbers as JSON numbers.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "COERCE_DECIMAL_TO_STRING": False,
    "EXCEPTION_HANDLER": "alliances.api.errors.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "alliances.api.throttling.AnonRateThrottle",
        "alliances.api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="120/min"),
        "user": env.str("API_THROTTLE_USER", default="1200/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Alliances API",
    "DESCRIPTION": (
        "Open data and steering of strategic alliances for the Sustainable Development Goals."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # PATCH bodies are documented as sent: `version` stays required.
    "COMPONENT_SPLIT_PATCH": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "alliances.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "TerritoryKindEnum": "alliances.territories.enums.TerritoryKind",
        "MilestoneKindEnum": "alliances.program.enums.MilestoneKind",
        "MeasureStatusEnum": "alliances.program.enums.MeasureStatus",
        "UpdateStatusEnum": "alliances.program.enums.UpdateStatus",
        "InstanceKindEnum": "alliances.program.enums.InstanceKind",
        "ResourceKindEnum": "alliances.kit.enums.ResourceKind",
        "EventKindEnum": "alliances.mobilisation.enums.EventKind",
        "ContributionKindEnum": "alliances.mobilisation.enums.ContributionKind",
        "RegistrationStatusEnum": "alliances.mobilisation.enums.RegistrationStatus",
        "OrganisationStatusEnum": "alliances.registry.enums.OrganisationStatus",
        "CorrectionStatusEnum": "alliances.registry.enums.CorrectionStatus",
        "AllianceStatusEnum": "alliances.registry.enums.AllianceStatus",
        "CorrectionDecisionEnum": ["accepted", "rejected"],
        "PublicationStateEnum": "alliances.registry.enums.Publication",
        "CompassAxisEnum": "alliances.kit.enums.CompassAxis",
        "AudienceProfileEnum": "alliances.kit.enums.AudienceProfile",
    },
}
# Throttling and other shared counters live in the cache: use a shared cache (Redis) when
# several app servers run.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "alliances.core.cache.RedisCache"  # one client per pool
# Anonymous visitors' pages and API reads are served from that cache for at most this many
# seconds, and dropped at once by any edit or refresh (alliances/core/pagecache.py). 0: off
# (the default with DEBUG=1, so that a developer always sees the latest template).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 300)
# Store every territory's diagnostic API response at each refresh and indicator import, so that
# an uncached read is one query (ADR 0021). Off, the API computes each diagnostic.
STORE_DIAGNOSTICS = env.bool("STORE_DIAGNOSTICS", default=True)

# The public address of the site, for links in e-mails sent outside a request (alert digests).
PLATFORM_URL = env.str("PLATFORM_URL", default="http://127.0.0.1:8000").rstrip("/")

# The compass shows a comparison with peers only when at least this many peers answered.
KIT_PEER_MINIMUM = env.int("KIT_PEER_MINIMUM", default=10)
# An alliance's partnership evaluation is shown from this many member respondents (privacy).
KIT_EVALUATION_MINIMUM = env.int("KIT_EVALUATION_MINIMUM", default=3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
