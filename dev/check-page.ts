/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Opens the demo's `index.html` in headless Chromium and measures what a reader would see: whether
 * every Mermaid chart drew (no error), and whether any two x-axis labels of a chart overlap (their
 * bounding boxes, as laid out by the browser). Optionally screenshots each post.
 *
 * `tsx dev/check-page.ts demo-output/index.html [--screens DIR] [--chromium PATH]`; prints JSON and
 * exits 1 when a chart failed or labels overlap. Needs a Chromium (default /usr/bin/chromium).
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export interface ChartFigures {
  /** The event (category) axis's labels. */
  labels: string[];
  /** Pairs of labels of one axis whose boxes intersect. */
  overlaps: [string, string][];
  width: number;
}

export interface PageFigures {
  charts: ChartFigures[];
  mermaidErrors: string[];
  screenshots: string[];
}

export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function checkPage(file: string, options: { screens?: string; prefix?: string; executablePath?: string } = {}): Promise<PageFigures> {
  const browser = await chromium.launch({ executablePath: options.executablePath ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // Offline by design: any request leaving the file is a bug in the page.
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(pathToFileURL(resolve(file)).href);
    await page.waitForFunction(() => (window as unknown as { mermaidDone?: boolean }).mermaidDone === true, undefined, { timeout: 60_000 });
    const measured = await page.evaluate(() => {
      const errors = [...(window as unknown as { mermaidErrors: string[] }).mermaidErrors];
      for (const svg of document.querySelectorAll("svg")) {
        if (svg.getAttribute("aria-roledescription") === "error" || /Syntax error/i.test(svg.textContent ?? "")) errors.push(svg.textContent ?? "error");
      }
      const charts = [...document.querySelectorAll("pre.mermaid svg")].map((svg) => {
        // The category axis is at the bottom of a vertical chart and on the left of a horizontal one.
        const overlaps: [string, string][] = [];
        let labels: string[] = [];
        for (const axis of ["bottom-axis", "left-axis", "top-axis"]) {
          const texts = [...svg.querySelectorAll(`g.${axis} g.label text`)] as SVGTextElement[];
          const boxes = texts.map((t) => ({ label: t.textContent ?? "", box: t.getBoundingClientRect() }));
          if (boxes.some((b) => !/^-?\d+(\.\d+)?$/.test(b.label))) labels = boxes.map((b) => b.label);
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.box;
              const b = boxes[j]!.box;
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push([boxes[i]!.label, boxes[j]!.label]);
            }
          }
        }
        return { labels, overlaps, width: svg.getBoundingClientRect().width };
      });
      return { errors, charts };
    });
    const screenshots: string[] = [];
    if (options.screens) {
      mkdirSync(options.screens, { recursive: true });
      const posts = await page.$$("section.post");
      for (const [i, post] of posts.entries()) {
        const path = join(options.screens, `${options.prefix ?? "post"}-${i + 1}.png`);
        await post.screenshot({ path });
        screenshots.push(path);
      }
    }
    return { charts: measured.charts, mermaidErrors: measured.errors, screenshots };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { screens: { type: "string" }, prefix: { type: "string" }, chromium: { type: "string" } } });
  const file = positionals[0] ?? "demo-output/index.html";
  const figures = await checkPage(file, { screens: values.screens, prefix: values.prefix, executablePath: values.chromium });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const bad = figures.mermaidErrors.length > 0 || figures.charts.some((c) => c.overlaps.length > 0);
  return bad ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`check-page: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
