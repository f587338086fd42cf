"""What the two benchmark scripts share: running a command with its peak memory, naming the
machine, and writing one section of RESULTS.md without touching the others."""

import os
import platform
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def measure(command: list[str]) -> tuple[float, float, str]:
    """Runs `command`, returns (wall seconds, peak RSS in MB of that child, stdout)."""
    started = time.perf_counter()
    # /usr/bin/time reports the child's own peak; RUSAGE_CHILDREN would keep the maximum over
    # all children so far, which hides a smaller later run.
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return wall, peak_kb / 1024, done.stdout


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    os_name = next((line.split("=", 1)[1].strip().strip('"') for line in open("/etc/os-release")
                    if line.startswith("PRETTY_NAME=")), platform.system())
    import pandas

    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {os_name} (Linux {platform.release()}), "
            f"Python {platform.python_version()}, pandas {pandas.__version__}, SQLite {sqlite3.sqlite_version} (Python)")


def write_section(title: str, section: str, report: Path = RESULTS) -> None:
    """Replaces (or appends) the section headed `# {title}`, keeping every other section and
    the hand-written reading of the numbers ("What the numbers say …") of this one."""
    text = report.read_text() if report.exists() else ""
    pattern = re.compile(rf"\n*# {re.escape(title)}\n.*?(?=\n# |\Z)", re.S)
    old = pattern.search(text)
    notes = re.search(r"\nWhat the numbers say.*", old.group(0), re.S) if old else None
    if notes:
        section = f"{section.rstrip()}\n{notes.group(0)}"
    text = pattern.sub("", text).strip("\n")
    report.write_text(f"{text}\n\n{section.rstrip()}\n" if text else f"{section.rstrip()}\n")
