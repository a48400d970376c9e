/** What the app wrote during the demo, read back from the stand-in's world, printed and saved as markdown. */
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_PR, DEMO_REPO } from "./demo-world.js";
import type { StandIn } from "./github-stand-in/index.js";
import { hasDashboardMarker } from "../src/render/dashboard-marker.js";
import { renderPostsHtml } from "./render-posts-html.js";

export interface DemoDocument {
  /** File name in the output folder. */
  name: string;
  heading: string;
  markdown: string;
}

export interface DemoResults {
  documents: DemoDocument[];
  printable: string;
}

const OUR_FILES = /^((pr-comment|dashboard.*|follow-up-.+|reminder-.+)\.md|index\.html)$/;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50) || "item";
}

export function collectDemoResults(standIn: StandIn, dashboardBeforeApproval: string | null = null): DemoResults {
  const bot = `${standIn.world.app.slug}[bot]`;
  const documents: DemoDocument[] = [];
  const pull = standIn.world.repos[DEMO_REPO]?.pulls[DEMO_PR];
  for (const comment of pull?.comments.filter((c) => c.author === bot) ?? []) {
    documents.push({ name: "pr-comment.md", heading: `Comment on pull request ${DEMO_REPO}#${DEMO_PR}`, markdown: comment.body });
  }
  if (dashboardBeforeApproval) {
    documents.push({ name: "dashboard-before-approval.md", heading: `The dashboard after the first sweep (${DEMO_REPO}), before anyone ticked its box`, markdown: dashboardBeforeApproval });
  }
  for (const repo of Object.values(standIn.world.repos)) {
    const full = `${repo.owner}/${repo.name}`;
    for (const issue of Object.values(repo.issues)) {
      if (issue.author === bot && hasDashboardMarker(issue.body)) {
        documents.push({ name: "dashboard.md", heading: `Dashboard issue ${full}#${issue.number}: ${issue.title}, once the box is ticked`, markdown: `# ${issue.title}\n\n${issue.body}` });
      } else if (issue.author === bot) {
        const labels = issue.labels.length ? ` [${issue.labels.join(", ")}]` : "";
        documents.push({ name: `follow-up-${issue.number}-${slug(issue.title)}.md`, heading: `Follow-up issue ${full}#${issue.number}: ${issue.title}${labels}`, markdown: `# ${issue.title}\n\n${issue.body}` });
      }
      for (const comment of issue.comments.filter((c) => c.author === bot)) {
        documents.push({ name: `reminder-${slug(full)}-${issue.number}-${comment.id}.md`, heading: `Comment on tracking issue ${full}#${issue.number}`, markdown: comment.body });
      }
    }
  }
  const rule = "─".repeat(72);
  const printable = documents.length
    ? documents.map((d) => `${rule}\n${d.heading}\n${rule}\n${d.markdown}\n`).join("\n")
    : "The app wrote nothing.\n";
  return { documents, printable };
}

/** Writes one file per document; earlier demo files in the folder are replaced, nothing else is touched. */
export function writeDemoResults(results: DemoResults, dir: string): string[] {
  for (const name of readdirSync(dir)) if (OUR_FILES.test(name)) rmSync(join(dir, name));
  const written = results.documents.map((document) => {
    const path = join(dir, document.name);
    writeFileSync(path, `<!-- ${document.heading.replace(/--/g, "- -")} -->\n\n${document.markdown}\n`);
    return path;
  });
  const page = join(dir, "index.html");
  writeFileSync(page, renderPostsHtml("What wrapup-tracker wrote in the demo", results.documents));
  return [...written, page];
}
