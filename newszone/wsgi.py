import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newszone.settings")
application = get_wsgi_application()

if os.environ.get("NEWSZONE_PRELOAD_ANALYZER"):
    # With gunicorn --preload the workers fork from here and share Kiwi's
    # ~520 MiB model copy-on-write instead of loading it each.
    from newszone.search.analyzers import warm_up

    warm_up()
