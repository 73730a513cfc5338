// Opens an HTML file in headless Chromium (Debian's), runs axe-core at WCAG 2.2 AA, measures
// reflow at 320 CSS px (what 400% zoom of a 1280 px window gives), records every request the
// page makes, and saves screenshots. Prints one JSON object. Used by tests/render/html.
//
// node browser_check.js FILE.html OUTDIR [ID,ID...]   (NODE_PATH must hold playwright-core and axe-core)
// Screenshots: the top of the page at each width, then each element ID scrolled to the top,
// then each chart figure on its own.
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");

async function main() {
  const [file, outdir, ids] = process.argv.slice(2);
  const anchors = ids ? ids.split(",") : [];
  const axePath = require.resolve("axe-core/axe.min.js");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const result = { requests: [], widths: {} };
  try {
    for (const width of [1280, 320]) {
      // bypassCSP: axe is injected as a script, which the page's own policy forbids; bypassing it
      // also means a stray external reference would show up below as a request.
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      page.on("request", (req) => {
        if (!req.url().startsWith("file://")) result.requests.push(req.url());
      });
      await page.goto("file://" + path.resolve(file));
      await page.addScriptTag({ path: axePath });
      const axe = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        return {
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })),
          passes: r.passes.map((p) => p.id),
        };
      });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        scrollingWidth: document.scrollingElement.scrollWidth,
        // Elements that scroll sideways themselves (a table in its own box, say).
        scrollers: [...document.querySelectorAll("body *")]
          .filter((el) => el.scrollWidth > el.clientWidth + 1 &&
            ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
          .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : "")),
        clientWidth: document.documentElement.clientWidth,
        lang: document.documentElement.lang,
        title: document.title,
      }));
      const shots = [path.join(outdir, `html-${width}.png`)];
      await page.screenshot({ path: shots[0] });
      for (const id of anchors) {
        await page.evaluate((target) => document.getElementById(target).scrollIntoView(), id);
        shots.push(path.join(outdir, `html-${width}-${id}.png`));
        await page.screenshot({ path: shots[shots.length - 1] });
      }
      // Every chart on its own (figure with its caption, drawing, source and data table).
      const charts = await page.locator("figure.chart").all();
      for (let i = 0; i < charts.length; i++) {
        shots.push(path.join(outdir, `html-${width}-chart-${i + 1}.png`));
        await charts[i].screenshot({ path: shots[shots.length - 1] });
      }
      result.widths[width] = { axe, layout, screenshots: shots };
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(3);
});
