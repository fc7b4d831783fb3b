"""The contribution thread and the follow button, included on any record's page."""

from django import template

from alliances.mobilisation import perms, selectors
from alliances.mobilisation.enums import DebateState
from alliances.mobilisation.models import Debate
from alliances.mobilisation.services import contributions, notifications
from alliances.mobilisation.services.notifications import is_following
from alliances.web.forms.mobilisation import ContributionForm, ReplyForm

register = template.Library()


@register.inclusion_tag("web/mobilisation/thread.html", takes_context=True)
def contribution_thread(context, target, kind: str):
    """`kind` names the record in URLs: "measure", "alliance" or "debate"."""
    user = context["request"].user
    can_contribute = perms.can_contribute(user)
    closed_message = ""
    if isinstance(target, Debate):
        state = target.state()
        if state == DebateState.UPCOMING:
            closed_message = str(contributions.DEBATE_NOT_OPEN_YET)
        elif state != DebateState.OPEN:
            closed_message = str(contributions.DEBATE_CLOSED)
        can_contribute = can_contribute and not closed_message
    can_follow = perms.can_follow(user)
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "kind": kind,
        "thread": selectors.contribution_thread(target),
        "stances": selectors.stance_counts(target),
        "can_contribute": can_contribute,
        "closed_message": closed_message,
        "can_follow": can_follow,
        "can_moderate": perms.can_moderate(user, target),
        "user_id": user.pk if user.is_authenticated else None,
        "form": ContributionForm() if can_contribute else None,
        "reply_form": ReplyForm() if can_contribute else None,
        "following": is_following(user, target),
        "next": context["request"].get_full_path(),
    }


@register.inclusion_tag("web/mobilisation/unread_badge.html", takes_context=True)
def unread_notifications(context):
    """The header link to a person's notifications, with the number not read yet."""
    request = context.get("request")
    user = getattr(request, "user", None)
    count = notifications.unread_count(user) if user is not None else 0
    return {
        "count": count,
        "signed_in": bool(user and user.is_authenticated),
        "current": context.get("section") == "notifications",
    }


@register.inclusion_tag("web/mobilisation/debate_list.html", takes_context=True)
def measure_debates(context, measure):
    """The debates of a measure with their conclusions, and the link to open one."""
    from alliances.mobilisation.selectors import measure_debates as debates_of

    user = context["request"].user
    return {
        "measure": measure,
        "debates": debates_of(measure),
        "can_open": perms.can_open_debate(user, measure),
    }


@register.inclusion_tag("web/mobilisation/record_freshness.html")
def record_freshness(record):
    """ "Confirmed N months ago" or "to be confirmed", for an organisation or an alliance."""
    from alliances.registry.freshness import freshness_of

    return {"freshness": freshness_of(record)}
