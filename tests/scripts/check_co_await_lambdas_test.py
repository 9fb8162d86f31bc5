#!/usr/bin/env python3
"""Runs scripts/check-co-await-lambdas on tests/fixtures/co_await_lambdas: it must exit 1 and report
exactly the fixture's lines marked "flagged" (each by-value lambda inside a co_await, none of the
allowed forms)."""

import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parents[2]
fixtures = root / "tests" / "fixtures" / "co_await_lambdas"
check = root / "scripts" / "check-co-await-lambdas"

expected = set()
for path in sorted(fixtures.glob("*.cpp")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.rstrip().endswith("// flagged"):
            expected.add((path.name, number))

run = subprocess.run([sys.executable, str(check), str(fixtures)], capture_output=True, text=True)
reported = set()
for line in run.stdout.splitlines():
    found = re.match(r"(.+):(\d+): ", line)
    if not found:
        sys.exit(f"unexpected output line: {line!r}")
    reported.add((pathlib.Path(found.group(1)).name, int(found.group(2))))

problems = []
if run.returncode != 1:
    problems.append(f"exit status {run.returncode}, expected 1; stderr: {run.stderr.strip()}")
if not expected:
    problems.append("the fixture marks no line as flagged")
for name, number in sorted(expected - reported):
    problems.append(f"missed {name}:{number}")
for name, number in sorted(reported - expected):
    problems.append(f"wrongly reported {name}:{number}")
print(run.stdout, end="")
if problems:
    sys.exit("\n".join(problems))
print(f"ok: {len(expected)} by-value lambdas reported, the allowed forms not")
