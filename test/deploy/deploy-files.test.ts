/**
 * The deployment files, read as Docker would: Node 22 or later in every stage, TLS in front, the
 * metrics port published nowhere, the private key mounted as a secret, health checks on the
 * internal port. (No Docker engine here: the compose file is checked as the YAML it is.)
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../e2e/helpers/app-process.js";

interface Service {
  image?: string;
  ports?: string[];
  expose?: string[];
  environment?: Record<string, string>;
  secrets?: (string | { source: string; target?: string })[];
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const read = (path: string) => readFileSync(join(REPO_ROOT, path), "utf8");
const compose = parseYaml(read("docker-compose.yml")) as { services: Record<string, Service>; secrets: Record<string, { file?: string }> };
const app = compose.services.app!;

describe("Node 22 or later", () => {
  it("in every Dockerfile stage", () => {
    const stages = read("Dockerfile").split("\n").filter((line) => /^FROM\s/i.test(line));
    expect(stages.length).toBeGreaterThan(1);
    for (const line of stages) expect(Number(/^FROM\s+node:(\d+)/i.exec(line)?.[1]), line).toBeGreaterThanOrEqual(22);
  });

  it("in package.json's engines and Node's types", () => {
    const pkg = JSON.parse(read("package.json")) as { engines: { node: string }; devDependencies: Record<string, string> };
    expect(pkg.engines.node).toMatch(/^>=\s*(2[2-9]|[3-9]\d)/);
    expect(Number(/(\d+)/.exec(pkg.devDependencies["@types/node"]!)?.[1])).toBeGreaterThanOrEqual(22);
  });
});

describe("docker-compose.yml", () => {
  const published = Object.entries(compose.services).flatMap(([name, service]) => (service.ports ?? []).map((port) => ({ name, port: String(port) })));

  it("publishes only Caddy's 80 and 443", () => {
    expect(published.map((p) => p.name)).toEqual(expect.arrayContaining(["caddy"]));
    expect(published.filter((p) => p.name !== "caddy")).toEqual([]);
    for (const { port } of published) expect(port.split(":").at(-1)).toMatch(/^(80|443)(\/(tcp|udp))?$/);
  });

  it("keeps the metrics port on the compose network only", () => {
    const metricsPort = app.environment!.METRICS_PORT!;
    expect(metricsPort).toMatch(/^\d+$/);
    expect(metricsPort).not.toBe(app.environment!.PORT);
    expect(app.ports).toBeUndefined();
    expect(published.some(({ port }) => port.split(/[:/]/).includes(metricsPort))).toBe(false);
  });

  it("health-checks the app on the metrics port, where checks log at debug", () => {
    expect(app.healthcheck!.test.join(" ")).toContain(`127.0.0.1:${app.environment!.METRICS_PORT}/health`);
  });

  it("mounts the private key as a secret and points PRIVATE_KEY_PATH at it", () => {
    const names = (app.secrets ?? []).map((s) => (typeof s === "string" ? s : s.source));
    expect(names).toHaveLength(1);
    expect(compose.secrets[names[0]!]?.file).toBeTruthy();
    expect(app.environment!.PRIVATE_KEY_PATH).toBe(`/run/secrets/${names[0]}`);
    // An empty PRIVATE_KEY in the service overrides one left in .env, which would win over the path.
    expect(app.environment!.PRIVATE_KEY).toBe("");
  });

  it("terminates TLS in Caddy for the domain it is given, and hands the rest to nginx", () => {
    const caddy = compose.services.caddy!;
    expect(caddy.image).toMatch(/^caddy:2/);
    expect(caddy.environment!.WRAPUP_DOMAIN).toMatch(/^\$\{WRAPUP_DOMAIN:\?/);
    expect(caddy.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/^\.\/deploy\/Caddyfile:\/etc\/caddy\/Caddyfile/), expect.stringMatching(/^caddy_data:\/data$/)]));
    const caddyfile = read("deploy/Caddyfile");
    expect(caddyfile).toMatch(/^\{\$WRAPUP_DOMAIN\} \{$/m);
    expect(caddyfile).toMatch(/^\s*reverse_proxy nginx:80$/m);
    expect(compose.services.nginx!.expose).toContain("80");
  });

  it("is a Caddyfile Caddy accepts, where Caddy is installed", () => {
    let caddyVersion: string | null = null;
    try {
      caddyVersion = execFileSync("caddy", ["version"], { encoding: "utf8" });
    } catch {
      caddyVersion = null;
    }
    if (caddyVersion === null) {
      // No caddy binary on this machine (CI installs none): the site block at least parses as braces.
      const text = read("deploy/Caddyfile").replace(/#.*$/gm, "");
      expect(text.split("{").length).toBe(text.split("}").length);
      return;
    }
    const output = execFileSync("caddy", ["validate", "--config", join(REPO_ROOT, "deploy/Caddyfile"), "--adapter", "caddyfile"], {
      encoding: "utf8",
      env: { ...process.env, WRAPUP_DOMAIN: "wrapup.example.com" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(output).toContain("Valid configuration");
  });
});
