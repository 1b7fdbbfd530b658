"""Dependency audit: fails on a known vulnerability that has a fix, in the installed Python
packages (pip-audit) or npm's runtime packages (npm audit --omit=dev).

Where the advisory services cannot be reached (a machine that sees only package mirrors),
nothing could be audited: that is reported loudly, and fails only with AUDIT_STRICT=1, so
a closed network is not mistaken for a clean bill nor blocks the build.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STRICT = os.environ.get("AUDIT_STRICT") == "1"


def python_audit():
    result = subprocess.run(
        [str(ROOT / ".venv/bin/pip-audit"), "--local", "--progress-spinner", "off", "-f", "json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return None, result.stderr[-1000:]
    packages = report.get("dependencies", [])
    audited = [package for package in packages if "skip_reason" not in package]
    fixable = [
        f"{package['name']} {package['version']}: {vuln['id']}"
        f" (fixed in {', '.join(vuln['fix_versions'])})"
        for package in audited
        for vuln in package.get("vulns", [])
        if vuln.get("fix_versions")
    ]
    return (len(audited), len(packages), fixable), ""


def npm_audit():
    result = subprocess.run(
        ["npm", "audit", "--omit=dev", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return None
    if "error" in report or "metadata" not in report:
        return None
    return [
        f"{name}: {item.get('severity')}"
        for name, item in report.get("vulnerabilities", {}).items()
        if item.get("fixAvailable")
    ]


def main():
    failed, blocked = False, []
    python, error = python_audit()
    if python is None or python[0] == 0:
        blocked.append("Python packages (pip-audit: the advisory service did not answer)")
    else:
        audited, total, fixable = python
        print(f"pip-audit: {audited} of {total} packages audited, {len(fixable)} fixable")
        for line in fixable:
            print("  " + line)
        failed |= bool(fixable)
    npm = npm_audit()
    if npm is None:
        blocked.append("npm packages (npm audit: the audit endpoint did not answer)")
    else:
        print(f"npm audit: {len(npm)} fixable vulnerabilities")
        for line in npm:
            print("  " + line)
        failed |= bool(npm)
    for what in blocked:
        print(f"NOT AUDITED: {what}", file=sys.stderr)
    return 1 if failed or (blocked and STRICT) else 0


if __name__ == "__main__":
    sys.exit(main())
