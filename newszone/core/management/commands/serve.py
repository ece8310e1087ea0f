"""Serve the site and run the job worker beside it: one command, one machine."""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Run gunicorn, the job worker (search indexing, scheduled publishing) "
        "and the publishing clock until stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, port, host, workers, **options):
        bin_dir = os.path.dirname(sys.executable)
        env = {**os.environ, "NEWSZONE_PRELOAD_ANALYZER": "1"}
        children = [
            subprocess.Popen(  # noqa: S603 - our own executables, fixed arguments
                [
                    os.path.join(bin_dir, "gunicorn"),
                    "newszone.wsgi:application",
                    "--bind",
                    f"{host}:{port}",
                    "--workers",
                    str(workers),
                    "--preload",
                    "--access-logfile",
                    "-",
                ],
                env=env,
            ),
            subprocess.Popen(  # noqa: S603
                [
                    sys.executable,
                    "-m",
                    "newszone",
                    "db_worker",
                    "--interval",
                    "1",
                    "--no-startup-delay",
                ],
                env=env,
            ),
            # The clock: scheduled stories go out within 5 s of their time, and
            # whatever fell due while the server was down goes out at start.
            subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", "newszone", "publish_scheduled", "--every", "5"],
                env=env,
            ),
        ]
        stop = {"signal": None}

        def on_signal(signum, frame):
            stop["signal"] = signum

        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, on_signal)
        while stop["signal"] is None and all(c.poll() is None for c in children):
            time.sleep(0.5)
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
        failed = [c.returncode for c in children if c.returncode not in (0, -15, None)]
        if stop["signal"] is None and failed:
            sys.exit(f"A server process stopped unexpectedly (exit codes {failed}).")
