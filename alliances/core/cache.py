"""Django's Redis cache, with one Redis client object per connection pool.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` object for every cache
operation (its connection pool is shared, but each object builds its table of response
callbacks again): profiled on the diagnostic API, a request makes four cache operations (page
cache version and page, throttle counter) and that construction was an eighth of its time. Here
each pool gets its client once; `redis.Redis` objects are safe to share between threads.
`CACHE_URL=rediscache://…` selects this backend (settings).
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
