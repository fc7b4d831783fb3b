"""Which writes make cached public pages stale (see `alliances.core.pagecache`)."""

from alliances.core.pagecache import bump_after_commit

# Written while pages are read, or never shown on a public page: bumping for them would only
# empty the cache. Everything else the platform stores may appear on some public page.
IGNORED = {
    "audit.auditevent",
    "insights.networkgraph",
    "insights.networknode",
    "accounts.apitoken",
}


def content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or not meta.app_config or not meta.app_config.name.startswith("alliances."):
        return
    if meta.label_lower in IGNORED:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a sign-in
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: only once the change is made
    bump_after_commit(kwargs.get("using"))
