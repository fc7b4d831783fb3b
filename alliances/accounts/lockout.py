"""How django-axes finds the username of a sign-in attempt, whatever form or API sent it."""


def attempted_username(request, credentials) -> str | None:
    """The e-mail typed in, lower-cased, so that the lock-out is by person and IP address."""
    for key in ("email", "username", "login"):
        value = (credentials or {}).get(key)
        if value:
            return str(value).strip().lower()
    if request is not None and request.method == "POST":
        value = request.POST.get("login") or request.POST.get("username")
        if value:
            return value.strip().lower()
    return None
