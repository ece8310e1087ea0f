"""What an import run tells its user: a progress bar, then a summary."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

ACTIONS = ("created", "updated", "unchanged", "skipped", "failed")


@dataclass
class Outcome:
    origin: str
    action: str  # one of ACTIONS
    source_key: str = ""
    article_id: int | None = None
    headline: str = ""
    reason: str = ""  # why it failed or was skipped; what a dry run would change
    findings: list = field(default_factory=list)  # copydesk.Finding
    notes: list[str] = field(default_factory=list)


class Report:
    """Counts every outcome; keeps the ones a person must read."""

    def __init__(self, dry_run: bool = False):
        self.dry_run = dry_run
        self.counts: Counter[str] = Counter()
        self.notable: list[Outcome] = []
        self.made: Counter[str] = Counter()  # reporters, sections, tags created
        self.made_names: list[str] = []
        self.started = time.perf_counter()
        self.ended: float | None = None

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.action] += 1
        interesting = outcome.action in ("failed", "skipped") or self.dry_run
        if interesting or outcome.findings or outcome.notes:
            self.notable.append(outcome)

    def made_rows(self, rows) -> None:
        for kind, row in rows:
            self.made[kind] += 1
            self.made_names.append(f"{kind} “{row}”")

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def seconds(self) -> float:
        return (self.ended or time.perf_counter()) - self.started

    def finish(self) -> None:
        self.ended = time.perf_counter()

    def write(self, out: TextIO, verbose: bool = True) -> None:
        """Failures, warnings and notes per item, then one summary line."""
        for outcome in self.notable if verbose else []:
            write_outcome(out, outcome, self.dry_run)
        if self.made_names and (verbose or self.dry_run):
            verb = "would create" if self.dry_run else "created"
            out.write(f"{verb}: {', '.join(self.made_names[:50])}")
            more = len(self.made_names) - 50
            out.write(f" and {more} more\n" if more > 0 else "\n")
        out.write(self.summary() + "\n")

    def summary(self) -> str:
        elapsed = self.seconds()
        rate = self.total / elapsed if elapsed else 0.0
        label = {"created": "would create", "updated": "would update"}
        counts = ", ".join(
            f"{label.get(a, a) if self.dry_run else a} {self.counts[a]:,}"
            for a in ACTIONS
        )
        warned = sum(len(o.findings) for o in self.notable)
        head = "dry run, nothing written: " if self.dry_run else ""
        return (
            f"{head}{self.total:,} items: {counts}; {warned:,} copy-desk warnings; "
            f"{elapsed:.1f} s ({rate:,.0f} items/s)"
        )


def write_outcome(out: TextIO, outcome: Outcome, dry_run: bool) -> None:
    label = outcome.action.upper() if outcome.action == "failed" else outcome.action
    if dry_run and outcome.action in ("created", "updated"):
        label = f"would be {outcome.action}"
    title = f" “{outcome.headline[:70]}”" if outcome.headline else ""
    reason = f": {outcome.reason}" if outcome.reason else ""
    out.write(f"{outcome.origin}: {label}{title}{reason}\n")
    for finding in outcome.findings:
        fix = f" → suggested: “{finding.replace}”" if finding.replace else ""
        out.write(
            f"  warning [{finding.code}] {finding.field}: {finding.message} "
            f"(“{finding.excerpt}”){fix}\n"
        )
    for note in outcome.notes:
        out.write(f"  note: {note}\n")
