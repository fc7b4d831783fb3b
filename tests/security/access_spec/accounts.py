"""Who may reach the account pages: the platform's own and allauth's (sign-in, sign-up,
e-mail, password, two factors)."""

from tests.security.access_spec.base import (
    EVERYONE,
    OLD_ADDRESS,
    SELF,
    SIGNED_IN,
    Rule,
    export_links,
    fixed,
    per_user_objects,
)

SPEC: dict[str, Rule] = {
    # --- The account page ------------------------------------------------------------------
    "accounts:account": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "accounts:token_create": Rule(write=SIGNED_IN, post={"name": "script", "scope": "read"}),
    "accounts:token_revoke": Rule(delete=SELF, objects=per_user_objects("token")),
    "accounts:data_export_link": Rule(write=SIGNED_IN),
    "accounts:data_export": Rule(export=SELF, objects=export_links),
    "accounts:delete": Rule(read=SIGNED_IN, write=SIGNED_IN, note="Needs the password to act."),
    # --- Sign-in, sign-up, e-mail, password, two factors (allauth) -------------------------
    "account_login": Rule(read=EVERYONE, write=EVERYONE),
    "account_logout": Rule(
        read=EVERYONE, write=EVERYONE, note="Anonymous people are sent to the home page."
    ),
    "account_inactive": Rule(read=EVERYONE),
    "account_signup": Rule(read=EVERYONE, write=EVERYONE),
    "account_reauthenticate": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "account_email": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "account_email_verification_sent": Rule(read=EVERYONE),
    "account_change_password": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "account_set_password": Rule(
        read=SIGNED_IN,
        write=SIGNED_IN,
        note="Accounts with a password (all here) are sent on to the change-password page.",
    ),
    "account_reset_password": Rule(read=EVERYONE, write=EVERYONE),
    "account_confirm_login_code": Rule(
        read=SIGNED_IN, write=SIGNED_IN, note="Outside a sign-in by code: a redirect away."
    ),
    "account_confirm_email": Rule(
        read=EVERYONE,
        objects=fixed(key="forged-key"),
        note="A forged key shows the 'invalid link' page.",
    ),
    "account_reset_password_from_key_done": Rule(read=EVERYONE),
    "account_reset_password_from_key": Rule(
        read=EVERYONE,
        write=EVERYONE,
        objects=fixed(uidb36="1", key="forged-key"),
        note="A forged key shows the 'invalid link' page.",
    ),
    "account_reset_password_done": Rule(read=EVERYONE),
    "mfa_index": Rule(read=SIGNED_IN),
    "mfa_authenticate": Rule(
        read=SIGNED_IN, write=SIGNED_IN, note="Outside a two-factor sign-in: a redirect away."
    ),
    "mfa_reauthenticate": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "mfa_activate_totp": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "mfa_deactivate_totp": Rule(note="Only for accounts with a second factor: none here."),
    "mfa_view_recovery_codes": Rule(note="Only for accounts with a second factor: none here."),
    "mfa_generate_recovery_codes": Rule(
        read=SIGNED_IN, write=SIGNED_IN, note="Without a second factor: a redirect to set one."
    ),
    "mfa_download_recovery_codes": Rule(note="Only for accounts with a second factor."),
    "socialaccount_login_cancelled": Rule(read=EVERYONE),
    "socialaccount_login_error": Rule(note="401 for everyone outside a failed sign-on."),
    "socialaccount_signup": Rule(note="Only during a single sign-on sign-up."),
    "socialaccount_connections": Rule(read=SIGNED_IN, write=SIGNED_IN),
    "compte/social/login/cancelled/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "compte/social/login/error/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "compte/social/signup/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "compte/social/connections/": Rule(read=EVERYONE, write=EVERYONE, note=OLD_ADDRESS),
    "openid_connect_login": Rule(
        objects=fixed(provider_id="no-such-provider"), note="No provider configured in tests."
    ),
    "openid_connect_callback": Rule(
        objects=fixed(provider_id="no-such-provider"), note="No provider configured in tests."
    ),
}
