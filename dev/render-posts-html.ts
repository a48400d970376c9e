/**
 * The demo's picture: every post the app wrote, rendered as GitHub renders it — GitHub-flavoured
 * markdown through micromark (CommonMark + GFM, the parser our reading side already uses), styled
 * with github-markdown-css, and ```mermaid blocks drawn by Mermaid, bundled into the page (no CDN:
 * the page must open offline). One self-contained `index.html`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

export interface PagePost {
  heading: string;
  markdown: string;
}

const require = createRequire(import.meta.url);

/** GitHub keeps the HTML we write (details, sub, tables); micromark must be told to pass it through. */
export function renderMarkdownHtml(markdown: string): string {
  const html = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  // GitHub draws ```mermaid blocks as diagrams; Mermaid looks for <pre class="mermaid">.
  return html.replace(/<pre><code class="language-mermaid">([^<]*)<\/code><\/pre>/g, (_, code: string) => `<pre class="mermaid">${code}</pre>`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function renderPostsHtml(title: string, posts: PagePost[]): string {
  const css = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
  const mermaid = readFileSync(require.resolve("mermaid/dist/mermaid.min.js"), "utf8");
  const sections = posts.map(
    (post, i) => `<section class="post" id="post-${i + 1}"><h2 class="post-heading">${escapeHtml(post.heading)}</h2>\n<article class="markdown-body">\n${renderMarkdownHtml(post.markdown)}\n</article></section>`,
  );
  const toc = posts.map((post, i) => `<li><a href="#post-${i + 1}">${escapeHtml(post.heading)}</a></li>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${css}
body { margin: 0; background: #f6f8fa; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1012px; margin: 0 auto; padding: 24px; }
.post { margin: 32px 0; }
.post-heading { font-size: 14px; color: #59636e; font-weight: 600; margin: 0 0 8px; }
.markdown-body { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 24px 32px; }
</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<ol>${toc}</ol>
${sections.join("\n")}
</main>
<script>${mermaid.replace(/<\/script/gi, "<\\/script")}</script>
<script>
window.mermaidErrors = [];
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
mermaid.run({ querySelector: "pre.mermaid", postRenderCallback: () => {} })
  .catch((error) => window.mermaidErrors.push(String(error && error.message || error)))
  .finally(() => { window.mermaidDone = true; });
</script>
</body></html>
`;
}
