"""The API's rate limits: one counter per client and window, incremented in the cache.

DRF's own throttles keep, per client, the list of the timestamps of its requests over the whole
period, read and rewritten whole at every request: with the default 1,200 requests a minute a
busy client's list holds up to 1,200 floats, unpickled and pickled again per request, and two
workers reading it at once both write back their own copy (requests are lost from the count).
Here each client has one integer per fixed window (`<scope>:<client>:<window number>`),
incremented with the cache's `incr` (atomic in Redis): the cost of a request no longer grows
with the rate, and concurrent requests are all counted. A fixed window lets a client send up to
twice its rate across a window boundary; `Retry-After` says when the current window ends.
"""

from rest_framework import throttling


class WindowCounterMixin:
    """`allow_request` and `wait` of DRF's `SimpleRateThrottle`, with a counter per window."""

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_end = (window + 1) * self.duration
        key = f"{self.key}:{window}"
        # The counter outlives its window by a little, so that a late `incr` never finds it gone.
        timeout = self.duration + 1
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window's first request; `add` fails if another worker won
            count = 1 if self.cache.add(key, 1, timeout=timeout) else self.cache.incr(key)
        return count <= self.num_requests

    def wait(self) -> float:
        return max(0.0, self.window_end - self.now)


class AnonRateThrottle(WindowCounterMixin, throttling.AnonRateThrottle):
    """Anonymous clients, by address (`API_THROTTLE_ANON`)."""


class UserRateThrottle(WindowCounterMixin, throttling.UserRateThrottle):
    """Signed-in clients (session or token), by account (`API_THROTTLE_USER`).

    Anonymous clients are left to `AnonRateThrottle`: DRF's class would count them a second
    time, by address, against the higher rate of signed-in clients.
    """

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
