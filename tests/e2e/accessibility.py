"""Accessibility checks that several browser tests share: axe-core, colour contrast, targets.

axe-core is vendored under `vendor/axe-core/` (test-only: it never reaches `static/`).
"""

from pathlib import Path

from playwright.sync_api import Page

AXE_DIR = Path(__file__).with_name("vendor") / "axe-core"
AXE_SOURCE = (AXE_DIR / "axe.min.js").read_text()
PROJECT_DIR = Path(__file__).resolve().parents[2]
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the bar the project sets itself.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def axe_violations(page: Page, *, rules: list[str] | None = None) -> list[dict]:
    """Run axe-core on the page as it is now; each violation with its rule, impact and nodes."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_SOURCE)
    options = {"runOnly": {"type": "rule", "values": rules}} if rules else {"runOnly": WCAG_TAGS}
    return page.evaluate(
        """async (options) => {
            const result = await axe.run(document, options);
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map((n) => n.target.join(" ")),
            }));
        }""",
        options,
    )


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(where: str, violations: list[dict]) -> list[str]:
    """One line per violation: the page, the rule and the first few elements it names."""
    return [
        f"{where}: {v['id']} ({v['impact']}) {v['help']} at {', '.join(v['targets'][:3])}"
        for v in violations
    ]


def stylesheets() -> str:
    """Every stylesheet the app serves, in the order a page would load them."""
    shared = sorted((PROJECT_DIR / "static" / "css").glob("*.css"))
    per_app = sorted(PROJECT_DIR.glob("*/static/*/*.css"))
    return "\n".join(path.read_text() for path in [*shared, *per_app])


# Relative luminance and contrast ratio as WCAG defines them, on computed `rgb()` colours.
CONTRAST_JS = """
(() => {
  const parse = (css) => {
    const m = css.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const channel = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The colour painted behind an element: the first opaque background among its ancestors.
  const backdrop = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  window.__contrast = { parse, ratio, backdrop };
})();
"""
