"""The Redis cache backend (alliances/core/cache.py), against the Redis server when one runs."""

import socket

import pytest

from alliances.core.cache import RedisCache

SERVER = "redis://127.0.0.1:6379/9"


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


requires_redis = pytest.mark.skipif(not redis_running(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def cache():
    backend = RedisCache(SERVER, {"KEY_PREFIX": "test-cache"})
    backend.clear()
    yield backend
    backend.clear()


@requires_redis
def test_every_operation_of_the_cache_works(cache):
    cache.set("page", {"body": b"<html>", "status": 200}, timeout=60)
    assert cache.get("page") == {"body": b"<html>", "status": 200}
    assert cache.add("counter", 1, timeout=60)
    assert not cache.add("counter", 5, timeout=60)
    assert cache.incr("counter") == 2
    with pytest.raises(ValueError):
        cache.incr("missing")
    cache.set_many({"a": 1, "b": 2})
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    cache.delete_many(["a", "page"])
    assert cache.get("a") is None and cache.get("page") is None and cache.get("b") == 2


@requires_redis
def test_one_client_object_serves_every_operation(cache):
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client
    assert cache._cache.get_client("any key", write=True) is client


def test_the_settings_select_it_for_a_redis_url(tmp_path):
    from tests.settings.test_configuration import PRODUCTION, alliances

    result = alliances(
        "diffsettings",
        "--all",
        tmp_path=tmp_path,
        **PRODUCTION,
        CACHE_URL="rediscache://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert "'BACKEND': 'alliances.core.cache.RedisCache'" in result.stdout
