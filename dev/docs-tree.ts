/**
 * A generated documentation repository for `bench:scan` and the onboarding test: about a thousand markdown
 * pages of the kinds a docs site holds — concept pages, API references, FAQs, guides, release-note
 * posts, meeting notes, blog posts — and twelve wrap-ups among them, plus a retelling and an index.
 * Deterministic: page i is always the same text. Returns `path → text`.
 */
const TOPICS = ["Autoscaling", "Networking", "Storage", "Security", "Monitoring", "Upgrades", "Backups", "Logging", "Scheduling", "Quotas"];

const pull = (i: number) => `https://github.com/acme/widgetry/pull/${1000 + i}`;
const issue = (i: number) => `https://github.com/acme/widgetry/issues/${5000 + i}`;
const words = (i: number, n: number) => Array.from({ length: n }, (_, k) => ["widget", "seed", "cluster", "control", "plane", "node", "agent", "shoot"][(i + k) % 8]).join(" ");

function concept(i: number): string {
  const topic = TOPICS[i % TOPICS.length]!;
  const sections = Array.from({ length: 4 + (i % 5) }, (_, s) => `## ${topic} part ${s + 1}\n\n${words(i + s, 60)}. Introduced in [acme/widgetry#${1000 + i + s}](${pull(i + s)}).\n`);
  return `---\ntitle: "${topic} ${i}"\nweight: ${i}\n---\n\n# ${topic} ${i}\n\n${words(i, 40)}.\n\n${sections.join("\n")}`;
}

function apiReference(i: number): string {
  const rows = Array.from({ length: 30 }, (_, r) => `| \`field${r}\` string | ${words(i + r, 8)}, see [#${r}](${pull(r)}) |`).join("\n");
  return `---\ntitle: "API group ${i}"\n---\n\n# Packages\n\n## group${i}.widgetry.dev/v1\n\n### Type${i}\n\n| Field | Description |\n| --- | --- |\n${rows}\n`;
}

function faq(i: number): string {
  const qs = Array.from({ length: 6 }, (_, q) => `## How do I configure ${TOPICS[(i + q) % TOPICS.length]}?\n\n${words(i + q, 30)}; see [the issue](${issue(i + q)}).\n`);
  return `---\ntitle: "FAQ ${i}"\n---\n\n${qs.join("\n")}`;
}

function guide(i: number): string {
  return `---\ntitle: "Getting started ${i}"\n---\n\n# Getting Started ${i}\n\n## Prerequisites\n\n${words(i, 30)}.\n\n## Install\n\n\`\`\`bash\nhelm install widgetry\n\`\`\`\n\n## Next Steps\n\n- Read [the concepts](../concepts/page-${i}.md)\n- Follow [the roadmap](${issue(i)})\n`;
}

function releaseNotes(i: number): string {
  const sections = Array.from({ length: 5 }, (_, s) => `## ${TOPICS[(i + s) % TOPICS.length]} improvements\n\n**Motivation:** ${words(i + s, 12)}.\n\n**Pull Requests:** ${pull(i * 5 + s)}\n`);
  return `---\ntitle: "Widgetry v1.${i}.0 Released"\ntype: blog\ndate: 2024-01-${String((i % 28) + 1).padStart(2, "0")}\n---\n\n${words(i, 30)}.\n\n${sections.join("\n")}`;
}

function meetingNotes(i: number): string {
  const items = Array.from({ length: 4 }, (_, s) => `## ${TOPICS[(i + s) % TOPICS.length]}\n\n**Problem Statement:** ${words(i + s, 10)}.\n\n**Next Steps:** review [the PR](${pull(i + s)}).\n`);
  return `---\ntitle: "Review Meeting ${2020 + (i % 6)}-0${(i % 9) + 1}-15"\n---\n\n${items.join("\n")}`;
}

function blogPost(i: number): string {
  return `---\ntitle: "Widgetry at conference ${i}"\ntype: blog\n---\n\n## The talk\n\n${words(i, 80)}, based on [#${i}](${pull(i)}).\n\n## What comes next\n\n${words(i + 1, 40)}.\n`;
}

/** Wrap-up e (0–11): six events a year from 2021, fields in every topic, a date line. */
function wrapUp(e: number): { path: string; text: string } {
  const year = 2021 + Math.floor(e / 2);
  const month = e % 2 === 0 ? 5 : 11;
  const stamp = `${year}-${String(month).padStart(2, "0")}`;
  const topics = Array.from({ length: 8 + (e % 6) }, (_, t) =>
    [
      `## 🚀 ${TOPICS[(e + t) % TOPICS.length]} topic ${t + 1}`,
      `**Problem Statement:** ${words(e + t, 25)}.`,
      `**Motivation/Benefits:** ${words(e + t + 1, 10)}.`,
      `**Achievements:** ${words(e + t + 2, 20)}.`,
      `**Next Steps:** ${t % 3 === 0 ? "N/A" : words(e + t + 3, 12)}.`,
      `**Code/Pull Requests:**\n- ${pull(e * 20 + t)}\n- ${issue(e * 20 + t)}`,
    ].join("\n\n"),
  );
  const text = `---\ntitle: "${stamp}"\n---\n\n# Hack The Widgets ${String(month).padStart(2, "0")}/${year} Wrap Up\n\n- 🗓️ **Date:** 13.${String(month).padStart(2, "0")}.${year} – 17.${String(month).padStart(2, "0")}.${year}\n\n${topics.join("\n\n<hr />\n\n")}\n`;
  return { path: `website/community/hackathons/${stamp}.md`, text };
}

export interface DocsTree {
  files: Record<string, string>;
  /** The paths that are wrap-ups, as a careful reader would say. */
  wrapUps: string[];
}

export function generateDocsTree(pages = 1000): DocsTree {
  const files: Record<string, string> = {};
  const makers: Array<[string, (i: number) => string]> = [
    ["website/docs/concepts", concept],
    ["website/docs/api-reference", apiReference],
    ["website/docs/faq", faq],
    ["website/docs/guides", guide],
    ["website/blog/releases", releaseNotes],
    ["website/community/review-meetings", meetingNotes],
    ["website/blog/posts", blogPost],
  ];
  const wrapUps = Array.from({ length: 12 }, (_, e) => wrapUp(e));
  for (const w of wrapUps) files[w.path] = w.text;
  files["website/community/hackathons/_index.md"] = `---\ntitle: Hackathons\n---\n\n${wrapUps.map((w) => `- [${w.path.slice(-10, -3)}](./${w.path.split("/").at(-1)})`).join("\n")}\n`;
  files["website/blog/posts/hack-the-widgets-recap.md"] = `---\ntitle: "Hack The Widgets 05/2024 recap"\ntype: blog\n---\n\n## Topics\n\n### Autoscaling\n\nSee [the wrap-up](/community/hackathons/2024-05#-autoscaling-topic-1).\n`;
  for (let i = 0; Object.keys(files).length < pages; i++) {
    const [dir, make] = makers[i % makers.length]!;
    files[`${dir}/page-${i}.md`] = make(i);
  }
  return { files, wrapUps: wrapUps.map((w) => w.path) };
}
