#!/usr/bin/env python3
"""Analytics benchmark: generates a large portfolio and, in one run,

  * times Steward's analytics api in one process (`steward bench-analytics`, release build):
    the first open after an external bulk write (which re-sums the rollups), a normal open,
    the dashboard for a month / quarter / year, the adoption view, the value overview, one
    initiative's value and each chart (once `App::chart_svg` exists),
  * recomputes the dashboard's figures from the lines (cost_lines, metric_observations, never
    the rollups) twice, with plain SQL and with pandas, and compares them with Steward's exactly,
  * prints one table (task, median, max, target, met?) and the comparison, and writes them to
    the "Analytics" section of RESULTS.md beside this script with the machine and the date.

A benchmark, not a test: nothing here asserts a time. It does exit non-zero when a figure
differs, because a fast dashboard with wrong numbers is a bug, not a result.

Usage: python3 tests/bench/analytics_bench.py [--scale 1.0] [--runs 7] [--keep DIR]
Needs: a release build (`cargo build --release -p steward-cli`), pandas, /usr/bin/time.
"""

import argparse
import datetime
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from results import RESULTS, machine, measure, write_section

ROOT = Path(__file__).resolve().parents[2]
# STEWARD=target/debug/steward tries the script out on a small --scale without a release build.
STEWARD = Path(os.environ.get("STEWARD", ROOT / "target" / "release" / "steward"))

# The portfolio's "today": the newest month with cost is the month before it, as in the demo.
TODAY = datetime.date(2026, 10, 15)
MONTHS = 24
REPORTING = "EUR"
CREATED = "2024-09-01T09:00:00Z"
# What the issue asks of the dashboard and of each chart.
DASHBOARD_TARGET_MS = 100
CHART_TARGET_MS = 50

DEPARTMENTS = [
    "Customer Service", "Finance", "HR", "IT", "Legal", "Logistics", "Marketing", "Operations",
    "Procurement", "Sales", "Engineering", "Risk & Compliance",
]
SYSTEM_TYPES = ["saas_tool", "embedded_feature", "model_api", "internal_model", "agent", "gpai_model"]
LIFECYCLE = [("production", 50), ("pilot", 15), ("evaluating", 10), ("proposed", 8), ("restricted", 5),
             ("under_reassessment", 4), ("retired", 8)]
USAGE_POLICY = ["approved", "restricted", "pending", "blocked", "rejected", "retired"]
EU_TIERS = ["unclassified", "prohibited", "high", "limited", "minimal", "gpai", "gpai_systemic", "not_ai"]
STAGES = [("idea", 20), ("assessment", 15), ("pilot", 18), ("production", 20), ("scaled", 7),
          ("retired", 5), ("on_hold", 7), ("killed", 8)]
CHAIN = ["idea", "assessment", "pilot", "production", "scaled"]
CONTRACT_STATUS = [("active", 60), ("pending_renewal", 10), ("expired", 15), ("draft", 5), ("terminated", 5),
                   ("cancelled", 5)]
# Share of vendors billing in each currency; CHF has no rate into EUR on purpose, so some money
# must come back as unconverted, never summed in.
CURRENCIES = [("EUR", 55), ("USD", 30), ("GBP", 12), ("CHF", 3)]


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(day: datetime.date) -> datetime.date:
    return add_months(day, 1) - datetime.timedelta(days=1)


FIRST_MONTH = add_months(TODAY.replace(day=1), -MONTHS)  # 2024-10-01
MONTH_STARTS = [add_months(FIRST_MONTH, i) for i in range(MONTHS)]


# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------


def generate(db: Path, scale: float, seed: int = 20261015) -> dict:
    """Fills a fresh portfolio (made by `steward init`) with Python's sqlite3, in one transaction."""
    rng = random.Random(seed)
    n = lambda count: max(1, round(count * scale))  # noqa: E731
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    q = conn.executemany
    conn.execute("INSERT OR REPLACE INTO portfolio_meta (key, value) VALUES ('reporting_currency', ?)", (REPORTING,))
    conn.execute("INSERT OR REPLACE INTO portfolio_meta (key, value) VALUES ('name', 'Benchmark portfolio')")

    # Vendors: a few large ones and a long tail, each billing in one currency.
    vendors = []
    for v in range(1, n(500) + 1):
        vendors.append((v, f"Vendor {v:04d}", rng.choice(["model_provider", "ai_saas", "platform_embedded", "reseller",
                                                          "consultancy"]), pick(rng, CURRENCIES)))
    q("INSERT INTO vendors (id, name, vendor_type, country, created_at, updated_at) VALUES (?, ?, ?, 'DE', ?, ?)",
      [(v, name, kind, CREATED, CREATED) for v, name, kind, _ in vendors])
    vendor_currency = {v: cur for v, _, _, cur in vendors}
    vendor_weights = [1 / (i + 1) ** 0.8 for i in range(len(vendors))]
    vendor_ids = [v for v, *_ in vendors]

    # AI systems: each with a vendor (some internal, without), a department, a billing profile.
    systems = []
    by_vendor: dict[int, list[int]] = {}
    count_systems = n(10_000)
    for s in range(1, count_systems + 1):
        vendor = rng.choices(vendor_ids, vendor_weights)[0] if rng.random() < 0.95 else None
        department = rng.choice(DEPARTMENTS)
        lifecycle = pick(rng, LIFECYCLE)
        start = 0 if rng.random() < 0.6 else rng.randint(1, MONTHS - 2)
        end = MONTHS - 1 if lifecycle != "retired" else rng.randint(start, MONTHS - 1)
        systems.append({
            "id": s, "vendor": vendor, "department": department, "lifecycle": lifecycle, "start": start, "end": end,
            "currency": vendor_currency[vendor] if vendor else "EUR",
        })
        if vendor:
            by_vendor.setdefault(vendor, []).append(s)
    q("""INSERT INTO ai_systems (id, code, name, system_type, vendor_id, department, lifecycle_state, usage_policy,
                                 eu_ai_act_tier, internal_risk_tier, next_review_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
      [(s["id"], f"SYS-{s['id']:05d}", f"System {s['id']}", rng.choice(SYSTEM_TYPES), s["vendor"], s["department"],
        s["lifecycle"], rng.choice(USAGE_POLICY), rng.choice(EU_TIERS + [None]), rng.choice(["low", "medium", "high", None]),
        None, CREATED, CREATED) for s in systems])

    # Contracts, each covering 1–5 of its vendor's systems; dates around today so renewals fall due.
    contracts, contract_links = [], []
    for c in range(1, n(2_000) + 1):
        vendor = rng.choices(vendor_ids, vendor_weights)[0]
        start = TODAY - datetime.timedelta(days=rng.randint(30, 900))
        end = start + datetime.timedelta(days=rng.choice([365, 730, 1095]) - 1)
        annual = rng.randint(5_000, 900_000) * 1_000_000
        per_seat = rng.random() < 0.5
        contracts.append((c, vendor, f"C-{c:05d}", f"Contract {c}", pick(rng, CONTRACT_STATUS),
                          "per_seat" if per_seat else rng.choice(["usage", "flat", "tiered", "commit_overage"]),
                          start.isoformat(), end.isoformat(), int(rng.random() < 0.7),
                          rng.choice([30, 60, 90, 90, None]), annual if rng.random() < 0.9 else None,
                          vendor_currency[vendor], rng.randint(10, 2_000) if per_seat else None, CREATED, CREATED))
        candidates = by_vendor.get(vendor) or [rng.randint(1, count_systems)]
        for system in rng.sample(candidates, min(len(candidates), rng.randint(1, 5))):
            contract_links.append((c, system))
    q("""INSERT INTO contracts (id, vendor_id, contract_ref, name, status, pricing_model, start_date, end_date, auto_renew,
                                notice_period_days, annual_value_micros, currency, seats_purchased, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", contracts)
    q("INSERT INTO contract_systems (contract_id, system_id) VALUES (?, ?)", contract_links)

    # Initiatives over the stages, with their systems, stage history and (for ~2,000) a value model.
    initiatives, initiative_links, transitions, assumptions = [], [], [], []
    system_initiatives: dict[int, list[int]] = {}
    for i in range(1, n(5_000) + 1):
        stage = pick(rng, STAGES)
        if stage in CHAIN:
            path = CHAIN[: CHAIN.index(stage) + 1]
        else:
            path = CHAIN[: rng.randint(1, 4)] + [stage]
        day = TODAY - datetime.timedelta(days=rng.randint(200, 1_000))
        previous = None
        for to_stage in path:
            transitions.append((i, previous, to_stage, day.isoformat(), "go", CREATED))
            previous, entered = to_stage, day
            day = min(day + datetime.timedelta(days=rng.randint(20, 200)), TODAY - datetime.timedelta(days=1))
        go_live = (TODAY + datetime.timedelta(days=rng.randint(-300, 400))).isoformat()
        initiatives.append((i, f"INI-{i:05d}", f"Initiative {i}", rng.choice(DEPARTMENTS), stage, entered.isoformat(),
                            rng.choice(["green", "amber", "red"]), rng.randint(1, 5), go_live, CREATED, CREATED))
        for system in rng.sample(range(1, count_systems + 1), rng.randint(1, 3)):
            initiative_links.append((i, system))
            system_initiatives.setdefault(system, []).append(i)
        if rng.random() < 0.4:
            users = rng.randint(10, 800)
            rows = [
                ("Users", "users", users * 0.6, users, users * 1.3),
                ("Tasks per user", "tasks/user/month", rng.randint(5, 20), rng.randint(20, 40), rng.randint(40, 80)),
                ("Minutes saved per task", "minutes", 2, rng.choice([3, 4.5, 6, 8]), 12),
                ("Acceptance rate", "%", 20, rng.choice([35, 42.5, 50, 60]), 75),
                ("Hourly rate", "EUR/h", 38, rng.choice([45, 52.5, 60]), 70),
            ]
            for position, (name, unit, low, likely, high) in enumerate(rows):
                text = lambda x: f"{Decimal(str(x)).quantize(Decimal('0.01')).normalize():f}"  # noqa: E731
                assumptions.append((i, "time_saved", name, unit, text(low), text(likely), text(high), "modelled",
                                    position))
    q("""INSERT INTO initiatives (id, code, name, department, stage, stage_entered_on, health, priority,
                                  planned_go_live, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
      initiatives)
    q("INSERT INTO initiative_systems (initiative_id, system_id) VALUES (?, ?)", initiative_links)
    q("""INSERT INTO stage_transitions (initiative_id, from_stage, to_stage, decided_on, decision, created_at)
         VALUES (?, ?, ?, ?, ?, ?)""", transitions)
    q("""INSERT INTO value_assumptions (initiative_id, method, name, unit, low, likely, high, confidence, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", assumptions)

    # FX: USD and GBP into EUR, about monthly; some months have no new rate and some rates start
    # mid-month, so "the newest rate valid on the month's first day" is really exercised.
    rates = []
    for currency, level in [("USD", 0.92), ("GBP", 1.17)]:
        rates.append((currency, "EUR", "2024-01-01", f"{level:.4f}", "ECB"))
        for month in MONTH_STARTS + [TODAY.replace(day=1)]:
            if rng.random() < 0.15:
                continue
            day = month if rng.random() < 0.7 else month + datetime.timedelta(days=rng.randint(1, 20))
            level *= 1 + rng.uniform(-0.02, 0.02)
            rates.append((currency, "EUR", day.isoformat(), f"{level:.{rng.choice([4, 5, 6])}f}", "ECB"))
    q("INSERT INTO fx_rates (from_currency, to_currency, valid_from, rate, source) VALUES (?, ?, ?, ?, ?)", rates)
    conn.execute("""INSERT INTO budgets (scope_type, scope_value, period_start, period_end, amount_micros, currency)
                    VALUES ('portfolio', '', '2026-01-01', '2026-12-31', 250000000000000, 'EUR')""")

    # Governance: risks, reviews, incidents.
    q("""INSERT INTO risks (title, category, system_id, likelihood, severity, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
      [(f"Risk {r}", rng.choice(["privacy", "bias", "security", "vendor"]), rng.randint(1, count_systems),
        rng.choice([None, 1, 2, 3, 4, 5]), rng.choice([None, 1, 2, 3, 4, 5]),
        rng.choice(["open", "open", "mitigating", "accepted", "closed", "retired"]), CREATED, CREATED)
       for r in range(n(3_000))])
    q("""INSERT INTO reviews (review_type, system_id, due_date, completed_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)""",
      [(rng.choice(["annual", "dpia", "vendor"]), rng.randint(1, count_systems),
        (TODAY + datetime.timedelta(days=rng.randint(-400, 300))).isoformat() if rng.random() < 0.95 else None,
        (TODAY - datetime.timedelta(days=rng.randint(1, 400))).isoformat() if rng.random() < 0.5 else None,
        CREATED, CREATED) for _ in range(n(3_000))])
    q("""INSERT INTO incidents (title, system_id, severity, status, occurred_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)""",
      [(f"Incident {k}", rng.randint(1, count_systems), rng.choice(["low", "medium", "high", "critical"]),
        rng.choice(["open", "investigating", "resolved", "closed"]),
        (TODAY - datetime.timedelta(days=rng.randint(1, 700))).isoformat(), CREATED, CREATED)
       for k in range(n(1_500))])

    # One import batch that later lines "replaced": their predecessors must count nowhere.
    conn.execute("""INSERT INTO import_batches (id, file_name, file_sha256, file_size, format, imported_at, imported_by)
                    VALUES (1, 'restated.csv', 'x', 0, 'bench', ?, 'bench')""", (CREATED,))

    lines = cost_lines(rng, systems, system_initiatives, vendor_ids, vendor_currency, n)
    q("""INSERT INTO cost_lines (period_start, period_end, amount_micros, currency, basis, vendor_id, system_id,
                                 initiative_id, department, category, replaced_by_batch, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-10-01T00:00:00Z')""", lines)
    observations = metric_observations(rng, systems, n)
    q("""INSERT INTO metric_observations (metric_key, subject_type, subject_id, period_start, period_end, value,
                                          department, dimensions_json, replaced_by_batch, created_at)
         VALUES (?, 'system', ?, ?, ?, ?, ?, ?, ?, '2026-10-01T00:00:00Z')""", observations)
    conn.commit()
    counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in [
        "vendors", "ai_systems", "contracts", "initiatives", "value_assumptions", "cost_lines", "metric_observations",
        "risks", "reviews", "incidents", "fx_rates"]}
    counts["initiatives_with_model"] = conn.execute(
        "SELECT count(DISTINCT initiative_id) FROM value_assumptions").fetchone()[0]
    conn.close()
    return counts


def cost_lines(rng, systems, system_initiatives, vendor_ids, vendor_currency, n):
    """Daily usage lines for API-billed systems and shared cloud accounts, monthly licence lines
    for the rest, some amortized, some tied to an initiative, ~85 % tied to a system."""
    days = [FIRST_MONTH + datetime.timedelta(days=d) for d in range((month_end(MONTH_STARTS[-1]) - FIRST_MONTH).days + 1)]
    day_text = [d.isoformat() for d in days]
    day_month = [(d.year - FIRST_MONTH.year) * 12 + d.month - FIRST_MONTH.month for d in days]
    month_text = [(m.isoformat(), month_end(m).isoformat()) for m in MONTH_STARTS]
    daily = set(rng.sample([s["id"] for s in systems], n(2_070)))
    lines = []

    def line(start, end, micros, currency, basis, vendor, system, initiative, department, category):
        # 1 % of lines were restated by a later import: the replaced copy stays, marked.
        if rng.random() < 0.01:
            lines.append((start, end, micros + rng.randint(1, 999_999), currency, basis, vendor, system, initiative,
                          department, category, 1))
        lines.append((start, end, micros, currency, basis, vendor, system, initiative, department, category, None))

    for s in systems:
        system, currency = s["id"], s["currency"]
        # Imports name the vendor on most lines; the rest fall back to the system's.
        line_vendor = s["vendor"] if rng.random() < 0.7 else None
        if s["vendor"] and rng.random() < 0.02:
            line_vendor = rng.choice(vendor_ids)  # bought through a reseller
        own = system_initiatives.get(system, [])
        tagged = own if own and rng.random() < 0.25 else []
        department = rng.choice(DEPARTMENTS) if rng.random() < 0.05 else ""
        if system in daily:
            scale = rng.randint(5, 1_500) * 1_000_000
            for d, text in enumerate(day_text):
                if not s["start"] <= day_month[d] <= s["end"]:
                    continue
                micros = rng.randint(scale // 10, scale) * (-1 if rng.random() < 0.005 else 1)
                line(text, text, micros, currency, "billed", line_vendor, system,
                     rng.choice(tagged + [None]) if tagged else None, department, "usage")
        else:
            fee = rng.randint(50, 40_000) * 1_000_000 + rng.randint(0, 999_999)
            amortized = rng.random() < 0.1
            for m in range(s["start"], s["end"] + 1):
                start, end = month_text[m]
                line(start, end, fee + rng.randint(0, 999_999), currency, "billed", line_vendor, system,
                     rng.choice(tagged) if tagged else None, department, "licence")
                if amortized:
                    line(start, end, fee // 3, currency, "amortized", line_vendor, system, None, department, "licence")
    # Shared cloud accounts no rule ties to a system: daily, by cost centre or none.
    for _ in range(n(250)):
        vendor = rng.choice(vendor_ids) if rng.random() < 0.9 else None
        currency = vendor_currency[vendor] if vendor else "EUR"
        department = rng.choice(DEPARTMENTS) if rng.random() < 0.66 else ""
        scale = rng.randint(20, 3_000) * 1_000_000
        first = rng.randint(0, 6)
        for d, text in enumerate(day_text):
            if day_month[d] >= first:
                line(text, text, rng.randint(0, scale), currency, "billed", vendor, None, None, department, "cloud")
    # Initiative budgets spent without a system (consultancy, labelling): monthly.
    initiatives = sorted({i for ids in system_initiatives.values() for i in ids})
    for _ in range(n(150)):
        initiative = rng.choice(initiatives)
        vendor = rng.choice(vendor_ids)
        for m in range(rng.randint(0, 12), MONTHS):
            start, end = month_text[m]
            line(start, end, rng.randint(1_000, 60_000) * 1_000_000, vendor_currency[vendor], "billed", vendor, None,
                 initiative, rng.choice(DEPARTMENTS), "services")
    return lines


def metric_observations(rng, systems, n):
    """Seats purchased / assigned and active users per system and month; some weekly, some
    split by department on the same day (summed), some with no seats reported (contract
    seats stand in), plus usage metrics the adoption figures must ignore."""
    rows = []
    seat_systems = rng.sample(systems, n(8_000))
    weekly = {s["id"] for s in rng.sample(seat_systems, n(800))}
    split = {s["id"] for s in rng.sample(seat_systems, n(600))}
    no_seats = {s["id"] for s in rng.sample(seat_systems, n(400))}

    def add(metric, system, day, value, department="", dimensions="{}"):
        text = day.isoformat()
        if rng.random() < 0.01:
            rows.append((metric, system, text, text, value + 7, department, dimensions, 1))
        rows.append((metric, system, text, text, float(value), department, dimensions, None))

    for s in seat_systems:
        system = s["id"]
        purchased = rng.randint(20, 5_000)
        first = min(s["start"] + rng.randint(0, 2), MONTHS - 1)
        last = s["end"] if rng.random() < 0.9 else max(first, s["end"] - rng.randint(1, 4))
        for m in range(first, last + 1):
            month = MONTH_STARTS[m]
            if rng.random() < 0.04:
                continue  # a month the vendor did not report
            report_day = month_end(month) - datetime.timedelta(days=rng.randint(0, 3))
            purchased = max(10, purchased + rng.randint(-50, 80))
            assigned = rng.randint(purchased // 2, purchased)
            active = rng.randint(assigned // 4, assigned)
            if system not in no_seats:
                add("seats_purchased", system, report_day, purchased)
            add("seats_assigned", system, report_day, assigned)
            if system in weekly:
                for week_day in (7, 14, 21):
                    add("active_users", system, month.replace(day=week_day), rng.randint(0, assigned))
                report_day = month.replace(day=28)
            if system in split:
                parts = rng.randint(2, 4)
                for k in range(parts):
                    share = active // parts + (active % parts if k == 0 else 0)
                    add("active_users", system, report_day, share, DEPARTMENTS[k], json.dumps({"department": DEPARTMENTS[k]}))
            else:
                add("active_users", system, report_day, active)
    for s in rng.sample(systems, n(1_700)):
        for m in range(s["start"], s["end"] + 1):
            add("requests", s["id"], MONTH_STARTS[m], rng.randint(100, 90_000))
    return rows


# ---------------------------------------------------------------------------------------------
# Independent computation of the dashboard's figures from the lines
# ---------------------------------------------------------------------------------------------


def periods(anchor: datetime.date) -> dict[str, tuple[datetime.date, datetime.date, datetime.date, datetime.date]]:
    """(start, end, previous start, previous end) of the month, quarter and year holding `anchor`."""
    out = {}
    for name, length in [("month", 1), ("quarter", 3), ("year", 12)]:
        first = {1: anchor.month, 3: (anchor.month - 1) // 3 * 3 + 1, 12: 1}[length]
        start = datetime.date(anchor.year, first, 1)
        end = month_end(add_months(start, length - 1))
        prev_start = add_months(start, -length)
        out[name] = (start, end, prev_start, start - datetime.timedelta(days=1))
    return out


def spend_spans(anchor: datetime.date, last_cost_month: datetime.date):
    """What spend is compared over: a period that data covers only in part runs to the end of
    the newest month with cost and is compared with the same months of the period before
    ("2026 to date" against Jan–Sep 2025)."""
    out = {}
    for name, (start, end, prev_start, prev_end) in periods(anchor).items():
        through = month_end(last_cost_month)
        if start <= through < end:
            months = (through.year - start.year) * 12 + through.month - start.month
            out[name] = (start, through, prev_start, month_end(add_months(prev_start, months)))
        else:
            out[name] = (start, end, prev_start, prev_end)
    return out


def trunc_div(a: int, b: int) -> int:
    """Integer division rounding toward zero, as Rust's `/` on integers."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def convert(micros: int, rate_scaled: int | None) -> int | None:
    """micros × rate (rate scaled by 10^6), rounded half away from zero to the micro-unit."""
    if rate_scaled is None:
        return None
    product = micros * rate_scaled
    q = (abs(product) + 500_000) // 1_000_000
    return q if product >= 0 else -q


def scaled_rate(text: str) -> int:
    value = Decimal(text.strip()) * 1_000_000
    if value != value.to_integral_value():
        sys.exit(f"rate {text} has more than 6 decimals: the exact integer conversion here cannot represent it")
    return int(value)


def rate_lookup(conn) -> callable:
    table: dict[str, list[tuple[str, int]]] = {}
    for cur, valid_from, rate in conn.execute(
            "SELECT upper(from_currency), valid_from, rate FROM fx_rates WHERE upper(to_currency) = ? ORDER BY 2",
            (REPORTING,)):
        table.setdefault(cur, []).append((valid_from[:10], scaled_rate(rate)))

    def rate(currency: str, day: str) -> int | None:
        if currency.upper() == REPORTING:
            return 1_000_000
        best = None
        for valid_from, r in table.get(currency.upper(), []):
            if valid_from <= day:
                best = r
        return best

    return rate


def figures_from_months(monthly: dict, adoption: dict, governance: dict, today: datetime.date) -> dict:
    """Assembles the checked figures per period from per-month spend and per-period adoption."""
    last_cost_month = max(monthly["months_with_cost"])
    anchor = datetime.date.fromisoformat(last_cost_month)
    out = {"last_cost_month": last_cost_month}
    billed = monthly["billed"]  # month -> {"converted", "unattributed", "high_risk", "unconverted": {cur: micros}}

    def over(start, end, key):
        total = 0
        for month, sums in billed.items():
            if start.isoformat() <= month <= end.isoformat():
                total += sums[key]
        return total

    for name, (start, end, prev_start, prev_end) in spend_spans(anchor, anchor).items():
        unconverted: dict[str, int] = {}
        for month, sums in billed.items():
            if start.isoformat() <= month <= end.isoformat():
                for cur, micros in sums["unconverted"].items():
                    unconverted[cur] = unconverted.get(cur, 0) + micros
        # Run-rate and forecast: the (up to) three months up to the newest with cost.
        last = min(anchor, end.replace(day=1))
        first_billed = min(m for m in billed if m <= last.isoformat())
        recent = [add_months(last, -k) for k in (2, 1, 0)]
        recent = [m for m in recent if m.isoformat() >= first_billed]
        recent_sums = [billed.get(m.isoformat(), {"converted": 0})["converted"] for m in recent]
        run_rate = trunc_div(sum(recent_sums) * 12, len(recent_sums)) if recent_sums else 0
        year_actuals = over(last.replace(month=1), last, "converted")
        forecast = year_actuals + trunc_div(run_rate, 12) * (12 - last.month)
        out[name] = {
            "spend.spans": f"{start}..{end} against {prev_start}..{prev_end}",
            "spend.current": over(start, end, "converted"),
            "spend.previous": over(prev_start, prev_end, "converted"),
            "spend.unattributed": over(start, end, "unattributed"),
            "spend.unconverted": {c: m for c, m in sorted(unconverted.items()) if m != 0},
            "spend.run_rate": run_rate,
            "spend.forecast_year_end": forecast,
            "risk.spend_on_high_risk_systems": over(start, end, "high_risk"),
            **adoption[name],
            **governance,
        }
    return out


def sql_figures(db: Path, today: datetime.date) -> dict:
    """The dashboard's figures with plain SQL over the lines; exact integer arithmetic."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    started = time.perf_counter()
    rows = conn.execute(
        """
        WITH rates AS (
            SELECT upper(from_currency) AS cur, substr(valid_from, 1, 10) AS valid_from,
                   CAST(round(CAST(rate AS REAL) * 1000000) AS INTEGER) AS r
            FROM fx_rates WHERE upper(to_currency) = :rep),
        high_risk AS (
            SELECT DISTINCT system_id FROM risks
            WHERE deleted_at IS NULL AND status NOT IN ('closed', 'retired') AND system_id IS NOT NULL
              AND likelihood BETWEEN 1 AND 5 AND severity BETWEEN 1 AND 5 AND likelihood * severity >= 15),
        g AS (
            SELECT substr(c.period_start, 1, 7) || '-01' AS month, coalesce(c.vendor_id, s.vendor_id) AS vendor,
                   c.system_id AS sys, c.initiative_id AS ini,
                   coalesce(nullif(c.department, ''), s.department, '') AS dept, upper(c.currency) AS cur,
                   sum(c.amount_micros) AS micros
            FROM cost_lines c LEFT JOIN ai_systems s ON s.id = c.system_id
            WHERE c.replaced_by_batch IS NULL AND c.basis = 'billed'
            GROUP BY 1, 2, 3, 4, 5, 6),
        c AS (
            SELECT g.*, CASE WHEN cur = :rep THEN 1000000 ELSE
                   (SELECT r FROM rates WHERE rates.cur = g.cur AND rates.valid_from <= g.month
                    ORDER BY rates.valid_from DESC LIMIT 1) END AS r
            FROM g)
        SELECT month, cur, r IS NULL, sys IS NULL AND ini IS NULL, sys IN (SELECT system_id FROM high_risk),
               sum(CASE WHEN r IS NULL THEN micros
                        WHEN micros * r >= 0 THEN (micros * r + 500000) / 1000000
                        ELSE -((-micros * r + 500000) / 1000000) END)
        FROM c GROUP BY 1, 2, 3, 4, 5
        """, {"rep": REPORTING}).fetchall()
    months_with_cost = [r[0] for r in conn.execute(
        "SELECT DISTINCT substr(period_start, 1, 7) || '-01' FROM cost_lines WHERE replaced_by_batch IS NULL")]
    billed: dict[str, dict] = {}
    for month, cur, unconverted, unattributed, high_risk, micros in rows:
        sums = billed.setdefault(month, {"converted": 0, "unattributed": 0, "high_risk": 0, "unconverted": {}})
        if unconverted:
            sums["unconverted"][cur] = sums["unconverted"].get(cur, 0) + micros
            continue
        sums["converted"] += micros
        if unattributed:
            sums["unattributed"] += micros
        if high_risk:
            sums["high_risk"] += micros
    spend_seconds = time.perf_counter() - started

    # Adoption: per system, metric and month the newest reporting day, breakdowns summed.
    conn.execute("""
        CREATE TEMP TABLE roll AS
        WITH obs AS (
            SELECT subject_id AS sys, metric_key AS m, substr(period_start, 1, 7) || '-01' AS month,
                   period_start AS day, value
            FROM metric_observations
            WHERE replaced_by_batch IS NULL AND subject_type = 'system'
              AND metric_key IN ('seats_purchased', 'seats_assigned', 'active_users')),
        newest AS (SELECT sys, m, month, max(day) AS day FROM obs GROUP BY 1, 2, 3)
        SELECT o.sys, o.m, o.month, sum(o.value) AS v
        FROM newest n JOIN obs o ON o.sys = n.sys AND o.m = n.m AND o.month = n.month AND o.day = n.day
        GROUP BY 1, 2, 3""")
    conn.execute("CREATE INDEX temp.roll_month ON roll (month, sys)")
    anchor = datetime.date.fromisoformat(max(months_with_cost))
    adoption = {}
    for name, (start, end, prev_start, prev_end) in periods(anchor).items():
        figures = {}
        for label, (a, b) in [("", (start, end)), ("previous_", (prev_start, prev_end))]:
            active, with_both, purchased = conn.execute("""
                WITH last AS (SELECT sys, max(month) AS month FROM roll WHERE month BETWEEN :a AND :b GROUP BY sys),
                seats AS (
                    SELECT l.sys, sum(CASE WHEN r.m = 'active_users' THEN r.v END) AS active,
                           sum(CASE WHEN r.m = 'seats_purchased' THEN r.v END) AS purchased
                    FROM last l JOIN roll r ON r.sys = l.sys AND r.month = l.month GROUP BY l.sys),
                contract_seats AS (
                    SELECT cs.system_id AS sys, sum(c.seats_purchased) AS s
                    FROM contracts c JOIN contract_systems cs ON cs.contract_id = c.id
                    WHERE c.deleted_at IS NULL AND c.seats_purchased IS NOT NULL
                      AND (c.start_date IS NULL OR substr(c.start_date, 1, 10) <= :end)
                      AND (c.end_date IS NULL OR substr(c.end_date, 1, 10) >= :end_month)
                    GROUP BY 1),
                joined AS (SELECT active, coalesce(purchased, cs.s) AS purchased
                           FROM seats LEFT JOIN contract_seats cs USING (sys))
                SELECT total(active), total(CASE WHEN purchased IS NOT NULL THEN active END),
                       total(CASE WHEN active IS NOT NULL THEN purchased END)
                FROM joined""", {"a": a.isoformat(), "b": b.isoformat(), "end": b.isoformat(),
                                 "end_month": b.replace(day=1).isoformat()}).fetchone()
            figures[f"adoption.{label}active_users"] = active
            if not label:
                figures["adoption.seats_purchased"] = purchased
                figures["adoption.seat_utilisation"] = with_both / purchased if purchased > 0 else None
        trend_months = [add_months(end.replace(day=1), -k).isoformat() for k in range(11, -1, -1)]
        trend = dict(conn.execute(
            "SELECT month, total(v) FROM roll WHERE m = 'active_users' AND month BETWEEN ? AND ? GROUP BY 1",
            (trend_months[0], trend_months[-1])).fetchall())
        figures["adoption.trend_active_users"] = [trend.get(m, 0.0) for m in trend_months]
        adoption[name] = figures
    governance = sql_governance(conn, today)
    total_seconds = time.perf_counter() - started
    out = figures_from_months({"billed": billed, "months_with_cost": months_with_cost}, adoption, governance, today)
    out["_seconds"] = {"spend": spend_seconds, "total": total_seconds}
    return out


def sql_governance(conn, today: datetime.date) -> dict:
    t = today.isoformat()
    horizon = (today + datetime.timedelta(days=90)).isoformat()
    rate = rate_lookup(conn)
    due, too_late, value, unconverted = 0, 0, 0, {}
    for end, notice, annual, currency in conn.execute("""
            SELECT substr(end_date, 1, 10), notice_period_days, annual_value_micros, upper(currency) FROM contracts
            WHERE deleted_at IS NULL AND status IN ('active', 'pending_renewal') AND end_date IS NOT NULL"""):
        cancel_by = (datetime.date.fromisoformat(end) - datetime.timedelta(days=notice or 0)).isoformat()
        late = cancel_by < t <= end
        if (t <= cancel_by <= horizon) or (late and end <= horizon):
            due += 1
            too_late += late
            converted = convert(annual or 0, rate(currency, t))
            if converted is None:
                unconverted[currency] = unconverted.get(currency, 0) + (annual or 0)
            else:
                value += converted
    one = lambda sql, *args: conn.execute(sql, args).fetchone()[0]  # noqa: E731
    return {
        "renewals.count": due,
        "renewals.too_late_to_cancel": too_late,
        "renewals.annual_value": value,
        "renewals.unconverted": {c: m for c, m in sorted(unconverted.items()) if m != 0},
        "risk.overdue_reviews": one(
            "SELECT count(*) FROM reviews WHERE completed_on IS NULL AND due_date IS NOT NULL AND substr(due_date, 1, 10) < ?", t),
        "risk.open_incidents": one("SELECT count(*) FROM incidents WHERE status NOT IN ('resolved', 'closed')"),
        "risk.open_high_risks": one("""SELECT count(*) FROM risks WHERE deleted_at IS NULL
            AND status NOT IN ('closed', 'retired') AND likelihood BETWEEN 1 AND 5 AND severity BETWEEN 1 AND 5
            AND likelihood * severity >= 15"""),
        "pipeline.pilot": one("SELECT count(*) FROM initiatives WHERE deleted_at IS NULL AND stage = 'pilot'"),
        "pipeline.production": one(
            "SELECT count(*) FROM initiatives WHERE deleted_at IS NULL AND stage IN ('production', 'scaled')"),
    }


def pandas_figures(db: Path, today: datetime.date) -> dict:
    """The same figures with pandas: the lines read into frames, grouped and converted there."""
    import numpy as np
    import pandas as pd

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    started = time.perf_counter()
    lines = pd.read_sql_query(
        """SELECT period_start, amount_micros, currency, basis, vendor_id, system_id, initiative_id, department
           FROM cost_lines WHERE replaced_by_batch IS NULL""", conn)
    systems = pd.read_sql_query("SELECT id AS system_id, vendor_id AS s_vendor, department AS s_department FROM ai_systems",
                                conn)
    systems["system_id"] = systems["system_id"].astype(float)  # the lines' column holds NaN
    read_seconds = time.perf_counter() - started
    months_with_cost = sorted(set(lines["period_start"].str.slice(0, 7) + "-01"))
    billed_lines = lines[lines["basis"] == "billed"].merge(systems, on="system_id", how="left")
    billed_lines["month"] = billed_lines["period_start"].str.slice(0, 7) + "-01"
    billed_lines["vendor"] = billed_lines["vendor_id"].fillna(billed_lines["s_vendor"])
    billed_lines["dept"] = billed_lines["department"].where(billed_lines["department"] != "",
                                                            billed_lines["s_department"]).fillna("")
    billed_lines["cur"] = billed_lines["currency"].str.upper()
    keys = ["month", "vendor", "system_id", "initiative_id", "dept", "cur"]
    groups = billed_lines.groupby(keys, dropna=False, sort=False)["amount_micros"].sum().reset_index()
    rate = rate_lookup(conn)
    pairs = groups[["cur", "month"]].drop_duplicates()
    pairs["r"] = [rate(c, m) for c, m in zip(pairs["cur"], pairs["month"])]
    groups = groups.merge(pairs, on=["cur", "month"], how="left")
    has_rate = groups["r"].notna()
    micros = groups["amount_micros"].to_numpy(dtype=np.int64)
    r = groups["r"].fillna(0).to_numpy(dtype=np.int64)
    if (np.abs(micros).max(initial=0) * max(int(r.max(initial=0)), 1)) >= 2**63:
        sys.exit("a group's amount × rate overflows 64 bits: the exact conversion here needs Python integers")
    product = micros * r
    converted = np.where(product >= 0, (product + 500_000) // 1_000_000, -((-product + 500_000) // 1_000_000))
    groups["converted"] = np.where(has_rate, converted, 0)
    risks = pd.read_sql_query("""SELECT system_id, likelihood, severity, status FROM risks
                                 WHERE deleted_at IS NULL AND system_id IS NOT NULL""", conn)
    high = risks[~risks["status"].isin(["closed", "retired"]) & risks["likelihood"].between(1, 5)
                 & risks["severity"].between(1, 5) & (risks["likelihood"] * risks["severity"] >= 15)]
    groups["unattributed"] = groups["system_id"].isna() & groups["initiative_id"].isna()
    groups["high_risk"] = groups["system_id"].isin(set(high["system_id"]))
    billed: dict[str, dict] = {}
    converted_only = groups[has_rate]
    per_month = converted_only.groupby("month").agg(converted=("converted", "sum"))
    # reindex with 0, not fillna: a float column would round sums above 2^53 micro-units.
    for flag in ["unattributed", "high_risk"]:
        per_month[flag] = (converted_only[converted_only[flag]].groupby("month")["converted"].sum()
                           .reindex(per_month.index, fill_value=0))
    for month, row in per_month.iterrows():
        billed[month] = {"converted": int(row["converted"]), "unattributed": int(row["unattributed"]),
                         "high_risk": int(row["high_risk"]), "unconverted": {}}
    for (month, cur), amount in groups[~has_rate].groupby(["month", "cur"])["amount_micros"].sum().items():
        billed.setdefault(month, {"converted": 0, "unattributed": 0, "high_risk": 0, "unconverted": {}})
        billed[month]["unconverted"][cur] = int(amount)
    spend_seconds = time.perf_counter() - started

    obs = pd.read_sql_query(
        """SELECT subject_id AS sys, metric_key AS m, period_start AS day, value FROM metric_observations
           WHERE replaced_by_batch IS NULL AND subject_type = 'system'
             AND metric_key IN ('seats_purchased', 'seats_assigned', 'active_users')""", conn)
    obs["month"] = obs["day"].str.slice(0, 7) + "-01"
    newest = obs.groupby(["sys", "m", "month"])["day"].transform("max")
    roll = obs[obs["day"] == newest].groupby(["sys", "m", "month"], as_index=False)["value"].sum()
    wide = roll.pivot_table(index=["sys", "month"], columns="m", values="value", aggfunc="sum").reset_index()
    contracts = pd.read_sql_query(
        """SELECT cs.system_id AS sys, c.seats_purchased AS seats, substr(c.start_date, 1, 10) AS start,
                  substr(c.end_date, 1, 10) AS end FROM contracts c JOIN contract_systems cs ON cs.contract_id = c.id
           WHERE c.deleted_at IS NULL AND c.seats_purchased IS NOT NULL""", conn)
    anchor = datetime.date.fromisoformat(max(months_with_cost))
    adoption = {}
    for name, (start, end, prev_start, prev_end) in periods(anchor).items():
        figures = {}
        for label, (a, b) in [("", (start, end)), ("previous_", (prev_start, prev_end))]:
            inside = wide[(wide["month"] >= a.isoformat()) & (wide["month"] <= b.isoformat())]
            last = inside[inside["month"] == inside.groupby("sys")["month"].transform("max")].set_index("sys")
            running = contracts[(contracts["start"].isna() | (contracts["start"] <= b.isoformat()))
                                & (contracts["end"].isna() | (contracts["end"] >= b.replace(day=1).isoformat()))]
            fallback = running.groupby("sys")["seats"].sum().astype(float)
            active = last["active_users"] if "active_users" in last else pd.Series(dtype=float)
            purchased = last["seats_purchased"].fillna(fallback.reindex(last.index))
            both = active.notna() & purchased.notna()
            figures[f"adoption.{label}active_users"] = float(active.sum())
            if not label:
                total_purchased = float(purchased[both].sum())
                figures["adoption.seats_purchased"] = total_purchased
                figures["adoption.seat_utilisation"] = (
                    float(active[both].sum()) / total_purchased if total_purchased > 0 else None)
        trend_months = [add_months(end.replace(day=1), -k).isoformat() for k in range(11, -1, -1)]
        trend = roll[roll["m"] == "active_users"].groupby("month")["value"].sum()
        figures["adoption.trend_active_users"] = [float(trend.get(m, 0.0)) for m in trend_months]
        adoption[name] = figures
    governance = sql_governance(conn, today)
    total_seconds = time.perf_counter() - started
    out = figures_from_months({"billed": billed, "months_with_cost": months_with_cost}, adoption, governance, today)
    out["_seconds"] = {"read": read_seconds, "spend": spend_seconds, "total": total_seconds}
    return out


# ---------------------------------------------------------------------------------------------
# Steward's figures, the comparison and the report
# ---------------------------------------------------------------------------------------------


def micros(text: str) -> int:
    return int(Decimal(text) * 1_000_000)


def steward_figures(bench: dict) -> dict:
    """The same figures as Steward's Dashboard and AdoptionView structs give them."""
    out = {}
    for name, d in bench["dashboard"].items():
        s, a, r, k = d["spend"], d["adoption"], d["renewals_90_days"], d["risk"]
        out["last_cost_month"] = d["last_cost_month"]
        out[name] = {
            "spend.spans": (f"{d['period']['start']}..{d['period']['end']} against "
                            f"{d['previous']['start']}..{d['previous']['end']}"),
            "spend.current": micros(s["current"]),
            "spend.previous": micros(s["previous"]),
            "spend.unattributed": micros(s["unattributed"]),
            "spend.unconverted": {u["currency"]: micros(u["amount"]) for u in s["unconverted"]},
            "spend.run_rate": micros(s["run_rate"]),
            "spend.forecast_year_end": micros(s["forecast_year_end"]),
            "risk.spend_on_high_risk_systems": micros(k["spend_on_high_risk_systems"]),
            "adoption.active_users": a["active_users"],
            "adoption.previous_active_users": a["previous_active_users"],
            "adoption.seats_purchased": a["seats_purchased"],
            "adoption.seat_utilisation": a["seat_utilisation"],
            "renewals.count": r["count"],
            "renewals.too_late_to_cancel": r["too_late_to_cancel"],
            "renewals.annual_value": micros(r["annual_value"]),
            "renewals.unconverted": {u["currency"]: micros(u["amount"]) for u in r["unconverted"]},
            "risk.overdue_reviews": k["overdue_reviews"],
            "risk.open_incidents": k["open_incidents"],
            "risk.open_high_risks": k["open_high_risks"],
            "pipeline.pilot": d["pipeline"]["pilot"],
            "pipeline.production": d["pipeline"]["production"],
        }
    # The adoption view is of the month; its trend is the trailing year.
    out["month"]["adoption.trend_active_users"] = bench["adoption"]["trend_active_users"]
    out["month"]["adoption view: active users"] = bench["adoption"]["active_users"]
    return out


def show(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, list):
        return f"[{len(value)} values, sum {sum(value):,.0f}]"
    return str(value)


def compare(rust: dict, sql: dict, pandas_: dict) -> tuple[list[str], int]:
    lines, mismatches = [], 0
    for period in ["month", "quarter", "year"]:
        for key, value in rust[period].items():
            if key == "adoption view: active users":
                expected = sql[period]["adoption.active_users"]
                others = [expected, pandas_[period]["adoption.active_users"]]
            else:
                others = [sql[period].get(key, "missing"), pandas_[period].get(key, "missing")]
            same = all(value == other for other in others)
            if period != "month" and key.startswith(("renewals.", "risk.overdue", "risk.open_", "pipeline.")):
                continue  # the same as-of-today figures in every period: listed once
            mismatches += not same
            verdict = "match" if same else "MISMATCH"
            lines.append(f"| {period} | {key} | {show(value)} | {show(others[0])} | {show(others[1])} | {verdict} |")
    return lines, mismatches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="portfolio size (1.0: 10,000 systems, ~2 M lines)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="generate the portfolio into this folder and keep it")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--compute", choices=["sql", "pandas"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compute:
        # A child run, so its time and peak memory are its own.
        compute = sql_figures if args.compute == "sql" else pandas_figures
        print(json.dumps(compute(args.db, TODAY)))
        return
    if not STEWARD.exists():
        sys.exit(f"{STEWARD} is missing: run `cargo build --release -p steward-cli` first")
    if not Path("/usr/bin/time").exists():
        sys.exit("/usr/bin/time is missing: apt install time")

    work = args.keep or Path(tempfile.mkdtemp(prefix="steward-analytics-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"analytics-{args.scale:g}.steward"
    for leftover in work.glob(f"{db.name}*"):
        leftover.unlink()
    subprocess.run([str(STEWARD), "--db", str(db), "init"], check=True, capture_output=True)
    print(f"generating {db} (scale {args.scale:g})…", file=sys.stderr)
    started = time.perf_counter()
    counts = generate(db, args.scale)
    generate_seconds = time.perf_counter() - started
    print(f"  {generate_seconds:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()), file=sys.stderr)

    print("timing Steward…", file=sys.stderr)
    wall, steward_peak, out = measure([str(STEWARD), "--db", str(db), "bench-analytics", "--today", TODAY.isoformat(),
                                       "--runs", str(args.runs)])
    bench = json.loads(out)
    print("recomputing with plain SQL and with pandas…", file=sys.stderr)
    _, sql_peak, sql_out = measure([sys.executable, __file__, "--compute", "sql", "--db", str(db)])
    _, pandas_peak, pandas_out = measure([sys.executable, __file__, "--compute", "pandas", "--db", str(db)])
    sql, pandas_ = json.loads(sql_out), json.loads(pandas_out)

    rust = steward_figures(bench)
    check_lines, mismatches = compare(rust, sql, pandas_)
    if rust["last_cost_month"] != sql["last_cost_month"]:
        mismatches += 1
        check_lines.append(f"| – | last_cost_month | {rust['last_cost_month']} | {sql['last_cost_month']} | | MISMATCH |")

    rows = ["| task | median | max | target | met? |", "|---|---:|---:|---:|---|"]
    for t in bench["timings"]:
        target = (DASHBOARD_TARGET_MS if t["task"].startswith("dashboard")
                  else CHART_TARGET_MS if t["task"].startswith("chart") else None)
        met = "" if target is None else ("yes" if t["max_ms"] < target else
                                         "median only" if t["median_ms"] < target else "**no**")
        rows.append(f"| {t['task']} | {t['median_ms']:,.1f} ms | {t['max_ms']:,.1f} ms | "
                    f"{f'< {target} ms' if target else ''} | {met} |")
    rows.append(f"| plain SQL over the lines: the checked dashboard figures, 3 periods | "
                f"{sql['_seconds']['total'] * 1000:,.0f} ms | | | |")
    rows.append(f"| pandas over the lines: the same (of which reading the lines {pandas_['_seconds']['read'] * 1000:,.0f} ms) | "
                f"{pandas_['_seconds']['total'] * 1000:,.0f} ms | | | |")
    table = "\n".join(rows)
    memory = (f"Peak memory: `steward bench-analytics` {steward_peak:,.0f} MB (the whole run, {wall:.1f} s); "
              f"plain SQL {sql_peak:,.0f} MB; pandas {pandas_peak:,.0f} MB.")
    checks = "\n".join(["| period | figure | Steward | plain SQL | pandas | |", "|---|---|---:|---:|---:|---|", *check_lines])
    print(table)
    print(memory)
    print(checks)
    size = (f"{counts['ai_systems']:,} systems, {counts['initiatives']:,} initiatives "
            f"({counts['initiatives_with_model']:,} with a value model), {counts['vendors']:,} vendors, "
            f"{counts['contracts']:,} contracts, {counts['cost_lines']:,} cost lines and "
            f"{counts['metric_observations']:,} metric observations over {MONTHS} months, "
            f"{counts['risks']:,} risks, {counts['reviews']:,} reviews, {counts['incidents']:,} incidents")
    verdict = ("every checked figure matches" if mismatches == 0
               else f"**{mismatches} figure(s) differ** (see the table)")
    print(f"\n{size}\nfigures: {verdict}", file=sys.stderr)
    if not args.no_write and args.scale == 1.0:
        section = (
            "# Analytics benchmark\n\n"
            f"Run on {datetime.date.today().isoformat()}: {machine()}.\n"
            f"Portfolio (generated by `tests/bench/analytics_bench.py`, fixed seed, today = {TODAY}): {size}.\n"
            f"Release build; `steward bench-analytics` runs each task {args.runs} times. Reading the portfolio's "
            "facts is timed on its own: synchronously, as a first request without a read ahead would (a fresh "
            "open each run), and as the app does it after opening a file and after each change, on another "
            "thread while the person works. Every screen request after that runs on one open portfolio whose "
            "facts were read ahead, as a person meets them; **max** is the slowest run.\n\n"
            f"{table}\n\n{memory}\n\n"
            f"**Checked** ({verdict}): every figure below recomputed from the lines (cost_lines, "
            "metric_observations, never the rollups), once with plain SQL and once with pandas, compared exactly "
            "(money in micro-units; FX per month, vendor, system, initiative, department and currency group with "
            "the newest rate valid on the month's first day, rounded half away from zero).\n\n"
            f"{checks}\n"
        )
        write_section("Analytics benchmark", section)
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    if mismatches:
        sys.exit(f"{mismatches} figure(s) differ between Steward and the plain SQL / pandas computation")


if __name__ == "__main__":
    main()
