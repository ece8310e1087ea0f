"""Ids in URLs: an over-long one is a 404, never a database overflow (a 500)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9" * 25


@pytest.mark.parametrize(
    "url",
    [
        f"/en/article/{HUGE}/",
        f"/en/preview/{HUGE}/",
        f"/photos/{HUGE}/0123abcd-orig-320.webp",
    ],
)
def test_an_overlong_id_is_not_found(admin_client, url):
    assert admin_client.get(url).status_code == 404


def test_an_overlong_id_in_the_desk_goes_back_to_the_list(admin_client):
    # Django admin's own answer for an unknown object: a redirect with a message.
    url = f"/desk/articles/article/{HUGE}/revisions/"
    assert admin_client.get(url).status_code == 302
