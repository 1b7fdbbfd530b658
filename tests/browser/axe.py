"""Run axe-core (from node_modules) in a Playwright page and report violations."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
# WCAG 2.0, 2.1 and 2.2 A and AA rules, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page):
    if not AXE_SCRIPT.exists():
        raise AssertionError("axe-core is not installed: run `make setup` (npm ci).")
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return result["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} — {targets}")
    return "\n".join(lines)


def assert_no_serious_violations(page):
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe found serious/critical problems on {page.url}:\n" + (
        format_violations(blocking)
    )
