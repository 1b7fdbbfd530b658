"""Print the surviving mutants and the kill ratio per module from mutmut's results.

Run after ``mutmut run`` (``make mutation`` does both). Reads the ``.meta`` files mutmut
writes beside each mutated module under ``mutants/``. ``--diff`` also shows each survivor's
change (``mutmut show``). Exits 1 when a module kills fewer than ``--min`` percent of its
mutants that are not equivalent.

A survivor counts as equivalent only when ``tests/mutation_equivalents.toml`` names it
*and* the line it changes is still the one written there: mutmut numbers mutants by their
place in a function, so after an edit the same name can be another change, which is then
reported as a survivor again.
"""

import argparse
import json
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

# mutmut 3's meaning of a test run's exit code (mutmut.__main__.status_by_exit_code).
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests"}
STATUS.update({34: "skipped", 35: "suspicious", -24: "timeout", 24: "timeout", 36: "timeout"})
STATUS.update({152: "timeout", 255: "timeout", -11: "segfault", None: "not checked"})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default="mutants")
    parser.add_argument("--diff", action="store_true", help="show each survivor's change")
    parser.add_argument("--min", type=float, default=0, help="lowest kill percentage allowed")
    parser.add_argument("--equivalents", default="tests/mutation_equivalents.toml")
    args = parser.parse_args()
    listed = load_equivalents(args.equivalents)

    metas = sorted(Path(args.root).rglob("*.py.meta"))
    if not metas:
        print(f"No mutmut results under {args.root}/: run `make mutation` first.")
        return 1
    failing = []
    print(
        f"{'module':<34} {'mutants':>7} {'killed':>6} {'timeout':>7} {'survived':>8} "
        f"{'equival.':>8} {'no test':>7}  killed  of the non-equivalent"
    )
    survivors = []
    for meta in metas:
        module = str(meta.relative_to(args.root))[: -len(".meta")]
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        statuses = {name: STATUS.get(code, f"exit {code}") for name, code in codes.items()}
        for name, status in statuses.items():
            if status == "survived" and name in listed and still_equivalent(name, listed[name]):
                statuses[name] = "equivalent"
        counts = Counter(statuses.values())
        total = len(codes)
        # A mutant that makes the tests hang is caught, so a timeout counts as killed.
        caught = counts["killed"] + counts["timeout"]
        checked = total - counts["not checked"]
        ratio = 100 * caught / checked if checked else 0.0
        meaningful = checked - counts["equivalent"]
        of_real = 100 * caught / meaningful if meaningful else 100.0
        print(
            f"{module:<34} {total:>7} {counts['killed']:>6} {counts['timeout']:>7} "
            f"{counts['survived']:>8} {counts['equivalent']:>8} {counts['no tests']:>7}  "
            + (f"{ratio:5.1f}%  {of_real:5.1f}%" if checked else "    -")
            + (f"  ({counts['not checked']} not run)" if counts["not checked"] else "")
        )
        if checked and of_real < args.min:
            failing.append(module)
        survivors += [
            (name, status)
            for name, status in sorted(statuses.items())
            if status in ("survived", "no tests", "suspicious", "segfault", "timeout")
        ]
    if survivors:
        print(
            "\nSurvivors (explained in tests/MUTATION.md, or kill them with a test), and "
            "timeouts (counted as caught; rerun them by name to be sure on a busy machine):"
        )
        for name, status in survivors:
            print(f"  {name}  [{status}]")
            if args.diff:
                diff = subprocess.run(
                    [sys.executable, "-m", "mutmut", "show", name],
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout
                print("    " + diff.strip().replace("\n", "\n    "))
    if failing:
        print(f"\nBelow {args.min}% killed: {', '.join(failing)}")
        return 1
    return 0


def load_equivalents(path):
    """{mutant name: the changed line} from the equivalents file (none if it is missing)."""
    try:
        with open(path, "rb") as file:
            entries = tomllib.load(file).get("equivalent", [])
    except FileNotFoundError:
        return {}
    return {
        entry["mutant"]: ("+", entry["line"]) if "line" in entry else ("-", entry["removed"])
        for entry in entries
    }


def still_equivalent(name, change):
    """True when the mutant still makes ``change``: ("+", the line it writes) or, for a
    mutant that only deletes, ("-", the line it deletes) as ``mutmut show`` prints them."""
    sign, line = change
    diff = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    rows = [row for row in diff.splitlines() if row[:1] in "+-" and row[1:2] not in "+-"]
    if sign == "-" and any(row.startswith("+") for row in rows):
        return False
    return " ".join(line.split()) in [" ".join(row[1:].split()) for row in rows if row[0] == sign]


if __name__ == "__main__":
    sys.exit(main())
