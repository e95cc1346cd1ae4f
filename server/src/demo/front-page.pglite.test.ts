// The demo front page: a browser (Chromium) opening `/` of a demo server picks a role and opens a child's family
// view; JSON clients still get discovery JSON; a server without the front page (production) answers `/` with JSON.
import { chromium, type Browser } from "playwright-core";
import { chromiumPath } from "../../../.ci/chromium.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPgliteTestStore } from "../../test-support/pglite-template.ts";
import type { Store } from "../storage/store.ts";
import { TENANT_A, adoptId, newChild, newIsp, registerChild, settingEntry } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/harness.ts";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("demo front page", () => {
  let store: Store;
  let demo: TestServer;
  let production: TestServer;
  let browser: Browser;
  let ispId: string;

  beforeAll(async () => {
    store = await newPgliteTestStore();
    production = await startTestServer(store);
    const publisher = await production.token({ sub: "dfe-1", send_role: "dfe-publisher" });
    await production.call("POST", "/settings", { token: publisher, body: settingEntry(TENANT_A) });
    const staff = await production.token({ sub: "s", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
    const child = newChild(TENANT_A);
    await registerChild(production.call, staff, child);
    const isp = newIsp(child);
    expect((await adoptId(await production.call("POST", "/isps", { token: staff, body: isp }), isp)).status).toBe(201);
    ispId = String(isp.id);
    const parent = await production.token({ sub: "p", send_role: "parent-carer", child_ids: [child.childId] });
    const governor = await production.token({ sub: "g", send_role: "governor", setting_urn: TENANT_A.settingUrn });
    demo = await startTestServer(store, {
      signer: production.signer,
      demoFrontPage: {
        tokens: [
          { role: "governor", title: "Governor", token: governor },
          { role: "parent-carer", title: "Parent or carer", token: parent },
        ],
        plans: [{ kind: "isp", id: ispId, childName: "Idris" }],
      },
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ["--no-sandbox"] });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await production?.close();
    await store?.close();
  });

  it("answers a browser with the front page, and API clients with discovery JSON", async () => {
    const page = await demo.call("GET", "/", { headers: { accept: BROWSER_ACCEPT } });
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("SEND Interchange demo");
    for (const accept of ["application/json", "*/*", ""]) {
      const res = await demo.call("GET", "/", { headers: accept ? { accept } : {} });
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await res.json()) as { standard: string }).standard).toBe("SEND Interchange");
    }
  });

  it("is off in production: `/` is JSON even for a browser", async () => {
    const res = await production.call("GET", "/", { headers: { accept: BROWSER_ACCEPT } });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    await res.text();
  });

  it("lets a person pick a role and open a child's family view in the browser", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${demo.url}/`);
      await page.selectOption("#role", "parent-carer");
      await Promise.all([page.waitForURL(/^blob:/), page.click(`a[href="/isps/${ispId}/views/family"]`)]);
      await expect(page.locator("h1").textContent()).resolves.toContain("support plan");
      // The governor may not read plans: the refusal is shown, not a plan.
      await page.goto(`${demo.url}/`);
      await page.selectOption("#role", "governor");
      await Promise.all([page.waitForURL(/^blob:/), page.click(`a[href="/isps/${ispId}/views/family"]`)]);
      await expect(page.locator("body").textContent()).resolves.toContain("forbidden");
    } finally {
      await page.close();
    }
  });
});
