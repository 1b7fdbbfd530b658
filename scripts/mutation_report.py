"""Print the surviving mutants and the kill ratio per module from mutmut's results.

Run after ``mutmut run`` (``make mutation`` does both). Reads the ``.meta`` files mutmut
writes beside each mutated module under ``mutants/``. ``--diff`` also shows each survivor's
change (``mutmut show``). Exits 1 when a module kills fewer than ``--min`` percent.
"""

import argparse
import json
import subprocess
import sys
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
    args = parser.parse_args()

    metas = sorted(Path(args.root).rglob("*.py.meta"))
    if not metas:
        print(f"No mutmut results under {args.root}/: run `make mutation` first.")
        return 1
    failing = []
    print(
        f"{'module':<34} {'mutants':>7} {'killed':>6} {'timeout':>7} {'survived':>8} "
        f"{'no test':>7}  killed"
    )
    survivors = []
    for meta in metas:
        module = str(meta.relative_to(args.root))[: -len(".meta")]
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        counts = Counter(STATUS.get(code, f"exit {code}") for code in codes.values())
        total = len(codes)
        # A mutant that makes the tests hang is caught, so a timeout counts as killed.
        caught = counts["killed"] + counts["timeout"]
        checked = total - counts["not checked"]
        ratio = 100 * caught / checked if checked else 0.0
        print(
            f"{module:<34} {total:>7} {counts['killed']:>6} {counts['timeout']:>7} "
            f"{counts['survived']:>8} {counts['no tests']:>7}  "
            + (f"{ratio:5.1f}%" if checked else "    -")
            + (f"  ({counts['not checked']} not run)" if counts["not checked"] else "")
        )
        if checked and ratio < args.min:
            failing.append(module)
        survivors += [
            (name, STATUS.get(code))
            for name, code in sorted(codes.items())
            if STATUS.get(code) in ("survived", "no tests", "suspicious", "segfault", "timeout")
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


if __name__ == "__main__":
    sys.exit(main())
