#!/usr/bin/env python3
"""Builds the database behind the screenshots: a realistic, half-finished review.

Everything goes through the real `preflight` command line, so the audit trail, scores and
sign-off staleness are exactly what the app computes. When `faketime` is installed each day's
work is recorded on its own date over three weeks, which gives the "progress over time" chart
a real history; without it everything happens today.

usage: populate.py PREFLIGHT_BINARY DATABASE
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

preflight, database = sys.argv[1], sys.argv[2]
faketime = shutil.which("faketime")
today = datetime.date.today()
rng = random.Random(7)  # fixed: the screenshots must not change from run to run


def run(*args, day=0, actor="dana", env=None):
    command = [preflight, *args, "--db", database, "--actor", actor]
    if faketime:
        when = datetime.datetime.combine(today + datetime.timedelta(days=day), datetime.time(10 + rng.randrange(7)))
        command = [faketime, when.strftime("%Y-%m-%d %H:%M:%S"), *command]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)


template = json.loads(subprocess.run([preflight, "template", "show", "appendix-a", "--json"], check=True,
                                     capture_output=True, text=True).stdout)


def leaves(items):
    for item in items:
        if item.get("children"):
            yield from leaves(item["children"])
        else:
            yield item["id"]


categories = [(c["id"], [i for s in c["sections"] for i in leaves(s["items"])]) for c in template["categories"]]

# How far along each category is: the team started with code and testing and has barely
# touched compliance and team readiness.
progress = {"code-quality": 0.9, "testing": 0.75, "reliability": 0.7, "observability": 0.8, "security": 0.55,
            "cost-management": 0.5, "scalability": 0.45, "deployment": 0.85, "monitoring-and-alerting": 0.6,
            "operations": 0.35, "compliance": 0.2, "performance": 0.5, "launch-plan": 0.15,
            "team-readiness": 0.1}
na_reasons = ["The service has no LLM calls", "No user-generated content in this service",
              "Handled by the platform team's shared gateway", "Not deployed to Kubernetes (runs on Cloud Run)"]
owners = ["dana", "sam", "priya", "lee"]

project = "Checkout Service v2"
run("project", "create", project, "--target-date", str(today + datetime.timedelta(days=12)),
    "--description", "Payment and order flow rewrite ahead of the holiday peak", day=-21)

work = []
for category_id, ids in categories:
    share = progress.get(category_id, 0.5)
    for item_id in ids:
        roll = rng.random()
        if roll < share:
            work.append((item_id, "done"))
        elif roll < share + 0.06:
            work.append((item_id, "na"))
rng.shuffle(work)
days = 20
for day in range(days):
    batch = work[day * len(work) // days:(day + 1) * len(work) // days]
    done = [item for item, status in batch if status == "done"]
    actor = owners[day % len(owners)]
    if done:
        run("item", project, *done, "done", day=day - days, actor=actor)
    for item, status in batch:
        if status == "na":
            run("item", project, item, "na", "--reason", rng.choice(na_reasons), day=day - days, actor=actor)

run("item", project, "code-quality.error-handling.error-context-logged", "done",
    "--owner", "priya", "--evidence", "https://git.example.org/checkout/pull/412",
    "--note", "Every handler logs **request_id** and **user_id** through the `log_context` middleware.\n\n"
              "- Verified in staging logs\n- Alert on missing context added to the linter", day=-3)
run("item", project, "security.input-validation.sql-injection-prevented", "open", "--owner", "sam",
    "--note", "Parameterised queries everywhere except the **legacy report export**; rewrite tracked in CHK-88.",
    day=-2)
run("item", project, "executive-summary.risk-assessment-documented", "done", day=-2)

risks = [
    ("Payment provider rate limits during peak", "critical", "Request quota raise; queue and retry with backoff",
     "sam", "open"),
    ("Legacy report export open to SQL injection", "high", "Rewrite with parameterised queries (CHK-88)", "sam",
     "open"),
    ("Single-region database", "high", "Cross-region replica and tested failover runbook", "lee", "mitigated"),
    ("Fraud model cost overrun", "medium", "Budget alerts at 50/80/100 %", "priya", "accepted"),
    ("On-call rota thin over holidays", "medium", "Borrow two engineers from the platform team", "dana", "open"),
    ("Stale feature flags", "low", "Flag clean-up sprint after launch", "lee", "closed"),
]
for title, severity, mitigation, owner, status in risks:
    args = ["risk", "add", project, "--title", title, "--severity", severity, "--mitigation", mitigation,
            "--owner", owner, "--status", status]
    if title.startswith("Payment provider"):
        args += ["--link", "testing.chaos-tests.api-rate-limiting-tested"]
    if title.startswith("Legacy report"):
        args += ["--link", "security.input-validation.sql-injection-prevented"]
    if title.startswith("Single-region"):
        args += ["--link", "operations.disaster-recovery.multi-region-strategy",
                 "--link", "operations.disaster-recovery.failover-procedures-tested"]
    if status == "accepted":
        args += ["--accepted-until", str(today + datetime.timedelta(days=45))]
    run(*args, day=-5)

# A checkout service in Python with Redis, payments and personal data, not on Kubernetes and
# without LLM calls: the profile leaves those items out (before the sign-offs, which it would
# otherwise make stale).
run("project", "set", project, "--profile", "containers,payments,pii,python,redis", day=-5)

run("signoff", project, "--role", "Engineering Lead", "--name", "Dana Whitfield", "--decision", "approve",
    "--comment", "Code and tests are in good shape.", day=-4)
run("item", project, "operations.runbooks.high-latency-runbook", "done", day=-1, actor="lee")
run("signoff", project, "--role", "Security Lead", "--name", "Sam Okafor", "--decision", "reject",
    "--comment", "Not until the report export is fixed.", day=-1)
run("signoff", project, "--role", "DevOps Lead", "--name", "Lee Marsh", "--decision", "approve-with-risks",
    "--comment", "Single-region DB accepted until the replica lands.", day=0)

# A few more projects so the project list looks like a team's.
# The platform team's Appendix A 1.1.0: 1.0.1 with one item reworded, one re-identified, one removed
# and two added. "Search API" started on it, so the database stores it and the window offers
# Checkout Service v2 the update (the screenshot of the update dialog).
newer = {key: value for key, value in template.items() if key != "schema"}
newer["version"] = "1.1.0"
sections = {s["id"]: s for c in newer["categories"] for s in c["sections"]}
unit = sections["testing.unit-tests"]["items"]
unit[0]["text"] = "Line coverage > 80% on changed code"
unit.append({"id": "testing.unit-tests.mutation-testing-on-payment-paths",
             "text": "Mutation testing on the payment paths"})
deps = sections["code-quality.dependencies"]["items"]
deps[1]["id"] = "code-quality.dependencies.lock-files-committed"
deps[1]["text"] = "Lock files committed (uv.lock)"
timeouts = sections["reliability.timeouts"]["items"]
timeouts[:] = [item for item in timeouts if item["id"] != "reliability.timeouts.total-request-timeout-enforced"]
sections["observability.logging"]["items"].append({"id": "observability.logging.log-retention-set",
                                                    "text": "Log retention set per data class", "tags": ["pii"]})
with tempfile.TemporaryDirectory() as data:
    os.makedirs(os.path.join(data, "preflight", "templates"))
    with open(os.path.join(data, "preflight", "templates", "appendix-a-1.1.0.json"), "w") as file:
        json.dump(newer, file, ensure_ascii=False, indent=2)
    run("project", "create", "Search API", "--version", "1.1.0", "--description", "New ranking service",
        "--target-date", str(today - datetime.timedelta(days=3)), day=-30, env={**os.environ, "XDG_DATA_HOME": data})
newer_ids = [i for c in newer["categories"] for s in c["sections"] for i in leaves(s["items"])]
run("item", "Search API", *newer_ids[: len(newer_ids) * 9 // 10], "done", day=-10)
run("item", "Search API", *newer_ids[len(newer_ids) * 9 // 10:], "na", "--reason", "Internal batch service", day=-9)
ids = [i for _, items in categories for i in items]
run("project", "create", "Billing Migration", "--description", "Move invoices to the new ledger", "--target-date",
    str(today + datetime.timedelta(days=40)), day=-2)
run("item", "Billing Migration", *ids[:20], "done", day=-1)
run("project", "create", "Mobile App 3.0", day=-90)
run("project", "archive", "Mobile App 3.0", day=-60)
