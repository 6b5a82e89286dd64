// Lighthouse on the signed-in pages (issue 20): starts the published app on a fresh SQLite file, registers a person,
// records a month of spending through the app's own form and API, then runs Lighthouse (pinned in
// package.json) in Debian's Chromium on the expense, charts and settings pages, on a phone and on a desktop.
// Writes docs/lighthouse.md (the scores) and docs/lighthouse/<page>-<device>.json (scores and every audit that fell
// short), and fails when a performance, accessibility or best-practices score is under the floor. Each page is measured
// --runs times and the median run kept (Lighthouse's own median: by first paint and time to interactive), as
// Lighthouse advises where the machine is shared and its timings vary.
//   node scripts/lighthouse.mjs --app artifacts/lighthouse/app/ExpenseTracker.Web [--floor 95] [--runs 3] [--command "..."]
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
// chrome-launcher and puppeteer-core come with lighthouse, at the versions its pinned release asks for.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import puppeteer from "puppeteer-core";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const { values: options } = parseArgs({
  options: {
    app: { type: "string" },
    floor: { type: "string", default: "95" },
    port: { type: "string", default: "5097" },
    runs: { type: "string", default: "3" },
    command: { type: "string", default: "bash scripts/lighthouse.sh" },
  },
});
if (!options.app) {
  throw new Error("Pass --app with the published app's executable (scripts/lighthouse.sh does).");
}

const floor = Number(options.floor);
const base = `http://127.0.0.1:${options.port}`;
const categories = ["performance", "accessibility", "best-practices"];
const pages = [
  { name: "expenses", path: "/", title: "Expenses" },
  { name: "charts", path: "/charts", title: "Charts" },
  { name: "settings", path: "/settings/budget", title: "Settings (budget)" },
];
const devices = [
  { name: "phone", config: undefined, title: "Phone (Lighthouse's default: Moto G Power, slow 4G, 4× CPU slowdown)" },
  { name: "desktop", config: desktopConfig, title: "Desktop (Lighthouse's desktop preset)" },
];

const data = mkdtempSync(join(tmpdir(), "expense-tracker-lighthouse-"));
const app = spawn(options.app, [], {
  env: {
    ...process.env,
    ASPNETCORE_URLS: base,
    ASPNETCORE_ENVIRONMENT: "Production",
    Storage__Sqlite__Path: join(data, "expenses.db"),
    Logging__LogLevel__Default: "Warning",
  },
  stdio: ["ignore", "inherit", "inherit"],
});

let chrome;
try {
  await waitForHealth();
  const cookies = await registerAndSeed();
  chrome = await chromeLauncher.launch({
    chromePath: "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  // Signed in the way a person is: the session cookie in the browser's jar (Lighthouse keeps cookies between runs).
  // Not Lighthouse's extraHeaders: the service worker's own requests for a page would go without them.
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const blank = await browser.newPage();
  await blank.setCookie(...[...cookies].map(([name, value]) => ({ name, value, url: base, httpOnly: true, sameSite: "Lax" })));
  await blank.close();
  await browser.disconnect();
  const results = [];
  for (const device of devices) {
    for (const page of pages) {
      const runs = [];
      for (let attempt = 1; attempt <= Number(options.runs); attempt++) {
        console.log(`==> Lighthouse: ${page.path} (${device.name}), run ${attempt} of ${options.runs}`);
        runs.push(await lighthouse(`${base}${page.path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: categories,
        }, device.config));
      }
      const median = computeMedianRun(runs.map((run) => run.lhr));
      const run = runs.find((candidate) => candidate.lhr === median);
      const lhr = run.lhr;
      if (lhr.runtimeError) {
        throw new Error(`Lighthouse could not measure ${page.path}: ${lhr.runtimeError.message}`);
      }
      if (new URL(lhr.finalDisplayedUrl).pathname !== page.path) {
        throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${page.path}: the session was not accepted.`);
      }
      const each = runs.map((candidate) => score(candidate.lhr, "performance"));
      console.log(`    performance of each run: ${each.join(", ")}; the median run's: ${score(median, "performance")}`);
      results.push({ page, device, lhr, each });
      // The whole report, to open in Lighthouse's viewer; too large to commit.
      writeFileSync(join("artifacts", "lighthouse", `${page.name}-${device.name}.report.json`), run.report);
      writeFileSync(join("docs", "lighthouse", `${page.name}-${device.name}.json`), JSON.stringify(summary(lhr, each), null, 2) + "\n");
    }
  }
  writeFileSync(join("docs", "lighthouse.md"), report(results));
  const low = results.flatMap(({ page, device, lhr }) =>
    categories.filter((id) => score(lhr, id) < floor).map((id) => `${page.path} (${device.name}) ${id}: ${score(lhr, id)}`));
  console.log(report(results));
  if (low.length > 0) {
    console.error(`Under ${floor}:\n  ${low.join("\n  ")}`);
    process.exitCode = 1;
  }
} finally {
  await chrome?.kill();
  app.kill();
  rmSync(data, { recursive: true, force: true });
}

function score(lhr, id) {
  return Math.round(lhr.categories[id].score * 100);
}

/** What the committed JSON keeps of a report: the scores, the key timings, and every scored audit that fell short. */
function summary(lhr, each) {
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
  return {
    url: new URL(lhr.finalDisplayedUrl).pathname,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment.hostUserAgent,
    formFactor: lhr.configSettings.formFactor,
    fetchTime: lhr.fetchTime,
    scores: Object.fromEntries(categories.map((id) => [id, score(lhr, id)])),
    performanceOfEachRun: each,
    metrics: Object.fromEntries(metrics.map((id) => [id, lhr.audits[id].displayValue])),
    shortOf: categories.flatMap((id) => lhr.categories[id].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => ({ category: id, audit: ref.id, title: lhr.audits[ref.id].title, score: lhr.audits[ref.id].score, value: lhr.audits[ref.id].displayValue ?? null }))),
  };
}

function report(results) {
  const lines = [
    "# Lighthouse on the signed-in pages",
    "",
    `Measured by \`${options.command}\`: the published app (Release, Production, SQLite) with a month of expenses,`,
    `signed in, Lighthouse ${results[0].lhr.lighthouseVersion} in ${results[0].lhr.environment.hostUserAgent.match(/(Headless)?Chrome\/[\d.]+/)[0]} (Debian's Chromium).`,
    `Each page was measured ${options.runs} times; the table shows the median run (Lighthouse's own choice of median).`,
    `Every performance, accessibility and best-practices score must be at least ${floor}; the script fails otherwise.`,
    `What fell short of full marks is listed per page in \`docs/lighthouse/<page>-<device>.json\`.`,
    "",
  ];
  for (const device of devices) {
    lines.push(`## ${device.title}`, "", "| Page | Performance | Accessibility | Best practices | LCP | TBT | CLS | Performance of each run |", "|---|---|---|---|---|---|---|---|");
    for (const { page, lhr, each } of results.filter((result) => result.device === device)) {
      lines.push(`| ${page.title} (\`${page.path}\`) | ${categories.map((id) => score(lhr, id)).join(" | ")} | ` +
        `${lhr.audits["largest-contentful-paint"].displayValue} | ${lhr.audits["total-blocking-time"].displayValue} | ${lhr.audits["cumulative-layout-shift"].displayValue} | ${each.join(", ")} |`);
    }
    lines.push("");
  }
  lines.push(
    "Installability is not among Lighthouse 12's categories (it dropped the PWA category); Chromium's own check",
    "(`Page.getInstallabilityErrors`, no errors) runs in `InstallableAppJourneys`.",
    "");
  return lines.join("\n");
}

async function waitForHealth() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer ${base}/healthz within a minute.`);
}

/** Registers through the real form (antiforgery and all), then records a month of spending; answers the cookies. */
async function registerAndSeed() {
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

  const form = await fetch(`${base}/account/register`);
  keep(form);
  const token = (await form.text()).match(/name="__RequestVerificationToken" type="hidden" value="([^"]+)"/)?.[1];
  if (!token) {
    throw new Error("The register page has no antiforgery token.");
  }
  const registered = await fetch(`${base}/account/register`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({
      "Input.Email": "lighthouse@example.com",
      "Input.Password": "a long passphrase for lighthouse",
      "Input.ConfirmPassword": "a long passphrase for lighthouse",
      __RequestVerificationToken: token,
    }),
  });
  keep(registered);
  if (registered.status !== 302 || !jar.has("ExpenseTracker.Session")) {
    throw new Error(`Registering failed (${registered.status}).`);
  }

  const today = new Date();
  const day = (daysAgo) => new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const spending = [
    ["18000", 20, "rent", "Rent", "home"], ["2340.50", 18, "groceries", "Weekly vegetables and staples", "home"],
    ["1299", 16, "bills", "Mobile and broadband", "monthly"], ["640", 14, "transport", "Metro card top-up", ""],
    ["1850", 12, "food", "Dinner with friends", "weekend"], ["999", 10, "entertainment", "Film tickets", "weekend"],
    ["3200", 8, "health", "Pharmacy and check-up", ""], ["4100", 6, "shopping", "Gifts", "festival"],
    ["450", 4, "food", "Chai and samosa", "office"], ["260", 2, "transport", "Auto to office", "office"],
  ];
  for (const [amount, daysAgo, categoryId, description, tags] of spending) {
    const added = await fetch(`${base}/api/expenses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie() },
      body: JSON.stringify({ amount, date: day(daysAgo), categoryId, description, tags }),
    });
    if (added.status !== 201) {
      throw new Error(`Adding an expense failed (${added.status}): ${await added.text()}`);
    }
  }
  return jar;
}
