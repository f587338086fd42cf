#!/usr/bin/env python3
"""Import benchmark: generates large real-layout files and times, in one run,

  * Steward end to end (`steward import` into a fresh portfolio, release build),
  * Steward's reading and typing without the database (`steward bench-parse --engine`),
  * the floor under any SQLite store of the lines (CSV only, `steward bench-parse --floor`): the
    same lines, already typed in memory, inserted with one prepared statement in one transaction
    into a fresh portfolio's `cost_lines` with the schema's indexes, and into a copy of that table
    without any index; timed inside the process from the transaction's start to the file's close
    (commit and checkpoint included), so reading the file first is not counted,
  * the raw parse of the same file with csv / calamine alone (`steward bench-parse`),
  * pandas (`read_csv`, and `read_excel` with openpyxl) on the same file,

printing one table (wall time, its ratio to the raw parse, rows/s, peak memory) and writing it
to the "Import benchmark" section of RESULTS.md beside this script with the machine and the
date. A benchmark, not a test: nothing here asserts a time.

Usage: python3 tests/bench/import_bench.py [--rows 1000000] [--xlsx-rows 200000] [--keep DIR]
Needs: a release build (`cargo build --release -p steward-cli`), pandas, openpyxl, xlsxwriter.
"""

import argparse
import datetime
import json
import random
import sys
import tempfile
from pathlib import Path

from results import RESULTS, machine, measure, write_section

ROOT = Path(__file__).resolve().parents[2]
STEWARD = ROOT / "target" / "release" / "steward"

# The OpenAI dashboard cost export, 17 columns (assets/presets/openai-cost.json).
CSV_HEADER = [
    "start_time", "end_time", "start_time_iso", "end_time_iso", "amount_value", "amount_currency", "quantity",
    "quantity_unit", "line_item", "user_id", "api_key_id", "project_id", "organization_id", "project_name",
    "organization_name", "user_email", "api_source",
]
# The Anthropic Console cost export, 14 columns, plus one column of the user's own (15).
XLSX_HEADER = [
    "usage_date_utc", "model", "workspace", "api_key", "usage_type", "context_window", "token_type", "cost_usd",
    "list_price_usd", "cost_type", "inference_geo", "speed", "api_key_id", "api_key_status", "cost_center",
]


def make_csv(path: Path, rows: int) -> None:
    rng = random.Random(7)
    start = int(datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    models = ["gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06, output", "gpt-5-nano, input_tokens", "Image models"]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(CSV_HEADER) + "\n")
        for i in range(rows):
            day = start + (i // 400) * 86400 % (365 * 86400)
            iso = datetime.datetime.fromtimestamp(day, datetime.timezone.utc).isoformat()
            end_iso = datetime.datetime.fromtimestamp(day + 86400, datetime.timezone.utc).isoformat()
            amount = f"{rng.random() * 40:.16f}"
            line_item = models[i % 4]
            out.write(
                f'{day},{day + 86400},{iso},{end_iso},{amount},usd,{rng.randint(1, 9) * 1000},tokens,"{line_item}",'
                f"user-{i % 97},key_{i % 389},proj_{i % 53},org-northwind,Project {i % 53},Northwind Logistics,"
                f"user{i % 97}@northwind.example,api\n"
            )


def make_xlsx(path: Path, rows: int) -> None:
    import xlsxwriter

    rng = random.Random(11)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("claude_api_cost")
    for col, name in enumerate(XLSX_HEADER):
        sheet.write_string(0, col, name)
    types = ["input_no_cache", "input_cache_read", "input_cache_write_5m", "output"]
    for r in range(1, rows + 1):
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=(r // 600) % 365)
        cost = round(rng.random() * 12, 2)
        values = [
            day.isoformat(), "Claude Sonnet 4.5", f"Workspace {r % 7}", f"key-{r % 131}", "message", "≤ 200k",
            types[r % 4], cost, round(cost * 1.1, 2), "token", "global", "", f"apikey_{r % 131}", "active",
            f"CC-{r % 17}",
        ]
        for col, value in enumerate(values):
            if isinstance(value, float):
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, value)
    workbook.close()


def pandas_command(kind: str, path: Path) -> list[str]:
    read = f"pandas.read_csv({str(path)!r})" if kind == "csv" else f"pandas.read_excel({str(path)!r}, engine='openpyxl')"
    return [sys.executable, "-c", f"import pandas; frame = {read}; print(len(frame))"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="generate the files into this folder and keep them")
    args = parser.parse_args()
    if not STEWARD.exists():
        sys.exit(f"{STEWARD} is missing: run `cargo build --release -p steward-cli` first")
    if not Path("/usr/bin/time").exists():
        sys.exit("/usr/bin/time is missing: apt install time")

    work = args.keep or Path(tempfile.mkdtemp(prefix="steward-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = work / "cost_2025-01-01_2025-12-31.csv", work / "claude_api_cost_2025.xlsx"
    for path, make, rows in [(csv_path, make_csv, args.rows), (xlsx_path, make_xlsx, args.xlsx_rows)]:
        if not path.exists():
            print(f"generating {path.name} ({rows:,} rows)…", file=sys.stderr)
            make(path, rows)

    results = []
    for label, path, rows, kind in [
        (f"cost CSV, {args.rows:,} rows × 17", csv_path, args.rows, "csv"),
        (f"xlsx, {args.xlsx_rows:,} rows × 15", xlsx_path, args.xlsx_rows, "xlsx"),
    ]:
        portfolio = work / f"bench-{kind}.steward"
        for leftover in work.glob(f"bench-{kind}.steward*"):
            leftover.unlink()
        wall, peak, out = measure([str(STEWARD), "--db", str(portfolio), "import", str(path), "--json"])
        imported = json.loads(out)["rows_imported"]
        if imported != rows:
            sys.exit(f"{path.name}: imported {imported} rows, expected {rows}")
        end_to_end = wall
        results.append((label, "Steward import, end to end", wall, rows, peak))
        wall, peak, _ = measure([str(STEWARD), "bench-parse", "--engine", str(path)])
        results.append((label, "Steward's reading and typing alone (no database)", wall, rows, peak))
        if kind == "csv":
            for table, what in [
                ("indexed", "floor: typed lines stored in one transaction, `cost_lines` with its indexes"),
                ("bare", "floor: typed lines stored in one transaction, the same table without indexes"),
            ]:
                floor_db = work / f"bench-floor-{table}.steward"
                for leftover in work.glob(f"bench-floor-{table}.steward*"):
                    leftover.unlink()
                _, _, out = measure([str(STEWARD), "--db", str(floor_db), "bench-parse", "--floor", table, str(path)])
                floor = json.loads(out)
                if floor["rows"] != rows:
                    sys.exit(f"{path.name}: the floor stored {floor['rows']} rows, expected {rows}")
                # Peak memory is left out: the process holds every line in memory before it times.
                results.append((label, what, floor["store_ms"] / 1000, rows, None))
        wall, peak, _ = measure([str(STEWARD), "bench-parse", str(path)])
        raw = wall
        results.append((label, "raw parse (csv / calamine alone)", wall, rows, peak))
        wall, peak, _ = measure(pandas_command(kind, path))
        engine = "pandas.read_csv" if kind == "csv" else "pandas.read_excel (openpyxl)"
        results.append((label, engine, wall, rows, peak))
        print(f"{label}: end to end is {end_to_end / raw:.1f}× the raw parse", file=sys.stderr)

    lines = [
        "| file | what | wall | × raw parse | rows/s | peak memory |",
        "|---|---|---:|---:|---:|---:|",
    ]
    raw_of = {label: wall for label, what, wall, _, _ in results if what.startswith("raw parse")}
    for label, what, wall, rows, peak in results:
        memory = "—" if peak is None else f"{peak:,.0f} MB"
        lines.append(
            f"| {label} | {what} | {wall * 1000:,.0f} ms | {wall / raw_of[label]:.1f}× | {rows / wall:,.0f} | {memory} |"
        )
    table = "\n".join(lines)
    print(table)
    write_section(
        "Import benchmark",
        "# Import benchmark\n\n"
        f"Run on {datetime.date.today().isoformat()}: {machine()}.\n"
        "Release build; each number is one run of a separate process, files generated by "
        "`tests/bench/import_bench.py` (fixed seeds). Peak memory is the process's maximum resident set. "
        "The floor rows time only the storing, inside the process (the lines are read into memory first, "
        "untimed; their memory is not shown).\n\n"
        f"{table}\n",
    )
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
