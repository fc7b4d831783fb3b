"""The contribution thread and the follow button, included on any record's page."""

from django import template

from alliances.mobilisation import perms, selectors
from alliances.mobilisation.services.notifications import is_following
from alliances.web.forms.mobilisation import ContributionForm, ReplyForm

register = template.Library()


@register.inclusion_tag("web/mobilisation/thread.html", takes_context=True)
def contribution_thread(context, target, kind: str):
    """`kind` names the record in URLs: "measure" or "alliance"."""
    user = context["request"].user
    can_contribute = perms.can_contribute(user)
    can_follow = perms.can_follow(user)
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "kind": kind,
        "thread": selectors.contribution_thread(target),
        "stances": selectors.stance_counts(target),
        "can_contribute": can_contribute,
        "can_follow": can_follow,
        "can_moderate": perms.can_moderate(user, target),
        "user_id": user.pk if user.is_authenticated else None,
        "form": ContributionForm() if can_contribute else None,
        "reply_form": ReplyForm() if can_contribute else None,
        "following": is_following(user, target),
        "next": context["request"].get_full_path(),
    }
