// Families say whether they agree, over real HTTP, run once per database (agreements.pglite.test.ts,
// agreements.postgres.test.ts): a parent or young person records their own stance on their own child's plan as a new
// version (the author from the token, earlier stances kept); staff only on a family's behalf, marked; another family's
// token, or another setting's, can neither write nor learn anything; the family page shows "You agreed on …".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_BASE } from "../../../spec/problems.ts";
import type { Store } from "../storage/store.ts";
import { TENANT_A, TENANT_B, adoptId, newChild, newEhcp, newIsp, registerChild, settingEntry } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";
import { chromium } from "playwright-core";
import { chromiumPath } from "../../../.ci/chromium.ts";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SHOTS = join(resolve(fileURLToPath(import.meta.url), "../../../.."), "tmp", "views-screenshots");

type Json = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: tests reach into JSON documents they just read
type Doc = Record<string, any>;

export interface AgreementCaseOptions {
  name: string;
  newStore(): Promise<Store>;
  /** Also open the family page in headless Chromium (once is enough: the page does not depend on the database). */
  browser?: boolean;
}

export function runAgreementCases(opts: AgreementCaseOptions): void {
  describe(`families' agreement over HTTP (${opts.name})`, () => {
    let store: Store;
    let s: TestServer;
    const tok: Record<string, string> = {};
    const ids: Record<string, string> = {};

    const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
      s.call("POST", path, { token, body, headers: { "change-reason": "family agreement", ...headers } });

    async function expectProblem(res: Response, status: number, kind: string): Promise<Json> {
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(status);
      const body = JSON.parse(text) as Json;
      expect(body.type).toBe(`${PROBLEM_BASE}${kind}`);
      return body;
    }

    async function current(path: string): Promise<Doc> {
      const res = await s.call("GET", path, { token: tok.staffA });
      expect(res.status).toBe(200);
      return (await res.json()) as Doc;
    }

    beforeAll(async () => {
      store = await opts.newStore();
      s = await startTestServer(store);
      const publisher = await s.token({ sub: "dfe-1", send_role: "dfe-publisher" });
      for (const t of [TENANT_A, TENANT_B])
        expect((await s.call("POST", "/settings", { token: publisher, body: settingEntry(t) })).status).toBe(201);
      tok.staffA = await s.token({ sub: "senco-a", send_role: "setting-staff", setting_urn: TENANT_A.settingUrn });
      tok.staffB = await s.token({ sub: "senco-b", send_role: "setting-staff", setting_urn: TENANT_B.settingUrn });
      tok.laA = await s.token({ sub: "la-a", send_role: "la-officer", la_code: TENANT_A.laCode });
      for (const [key, t, staff] of [
        ["A", TENANT_A, tok.staffA],
        ["B", TENANT_B, tok.staffB],
      ] as const) {
        const child = newChild(t);
        await registerChild(s.call, staff, child);
        ids[`child${key}`] = child.childId;
        const isp = newIsp(child);
        expect((await adoptId(await s.call("POST", "/isps", { token: staff, body: isp }), isp)).status).toBe(201);
        ids[`isp${key}`] = String(isp.id);
        if (key === "A") {
          const ehcp = newEhcp(child);
          expect((await adoptId(await s.call("POST", "/ehcps", { token: tok.laA, body: ehcp }), ehcp)).status).toBe(
            201,
          );
          ids.ehcpA = String(ehcp.id);
          ids.ehcpProvision = String((ehcp.guaranteedProvision as Doc[])[0]!.id);
        }
      }
      tok.parentA = await s.token({ sub: "parent-a", send_role: "parent-carer", child_ids: [ids.childA!] });
      tok.parentB = await s.token({ sub: "parent-b", send_role: "parent-carer", child_ids: [ids.childB!] });
      tok.youngA = await s.token({ sub: "young-a", send_role: "young-person", child_ids: [ids.childA!] });
    });

    afterAll(async () => {
      await s?.close();
      await store?.close();
    });

    it("a parent records their own stance as a new version, with the author from the token", async () => {
      const before = await current(`/isps/${ids.ispA}`);
      const res = await post(`/isps/${ids.ispA}/agreements`, tok.parentA!, {
        itemType: "provision",
        itemId: "prov-1",
        stance: "agrees",
        // Whatever a body says about who and when is not the body's to say.
        by: { personType: "practitioner" },
      });
      await expectProblem(res, 422, "validation-failed"); // unknown member `by`
      const ok = await post(`/isps/${ids.ispA}/agreements`, tok.parentA!, {
        itemType: "provision",
        itemId: "prov-1",
        stance: "agrees",
      });
      const body = (await ok.json()) as Doc;
      expect(ok.status, JSON.stringify(body).slice(0, 300)).toBe(201);
      expect(ok.headers.get("location")).toBe(`/isps/${ids.ispA}/versions/2`);
      const entry = body.provision.find((p: Doc) => p.id === "prov-1").familyAgreement.at(-1);
      expect(entry.by).toEqual({ personType: "parent-carer", id: "parent-a" });
      expect(entry.stance).toBe("agrees");
      expect(entry.recordedBy).toBeUndefined();
      expect(body.provenance.changeReason).toBe("family agreement");
      const versions = (await (await s.call("GET", `/isps/${ids.ispA}/versions`, { token: tok.staffA })).json()) as {
        items: Doc[];
      };
      expect(versions.items.at(-1)).toMatchObject({
        version: 2,
        recordedBy: { subject: "parent-a", role: "parent-carer" },
      });
      expect(before.provision.find((p: Doc) => p.id === "prov-1").familyAgreement).toBeUndefined();
    });

    it("a later stance never overwrites an earlier one; the disagreement keeps their words", async () => {
      const res = await post(`/isps/${ids.ispA}/agreements`, tok.parentA!, {
        itemType: "provision",
        itemId: "prov-1",
        stance: "disagrees",
        reason: "The sessions keep being cancelled.",
      });
      expect(res.status).toBe(201);
      const list = (await current(`/isps/${ids.ispA}`)).provision.find((p: Doc) => p.id === "prov-1").familyAgreement;
      expect(list.map((a: Doc) => a.stance)).toEqual(["agrees", "disagrees"]);
      expect(list[1].reason).toBe("The sessions keep being cancelled.");
      await expectProblem(
        await post(`/isps/${ids.ispA}/agreements`, tok.parentA!, {
          itemType: "review",
          itemId: "review-1",
          stance: "disagrees",
        }),
        422,
        "validation-failed",
      );
    });

    it("the young person records their own stance on a review, and on their EHCP", async () => {
      const res = await post(`/isps/${ids.ispA}/agreements`, tok.youngA!, {
        itemType: "review",
        itemId: "review-1",
        stance: "partly-agrees",
        reason: "I like the group but not missing PE.",
      });
      expect(res.status).toBe(201);
      const review = ((await res.json()) as Doc).reviews.find((r: Doc) => r.id === "review-1");
      expect(review.familyAgreement.at(-1).by).toEqual({ personType: "young-person", id: "young-a" });
      const e = await post(`/ehcps/${ids.ehcpA}/agreements`, tok.youngA!, {
        itemType: "provision",
        itemId: ids.ehcpProvision,
        stance: "agrees",
      });
      expect(e.status).toBe(201);
    });

    it("staff record a stance only on a family's behalf, saying how it was given, and the entry is marked", async () => {
      const body = { itemType: "delivery-record", itemId: "dr-1", stance: "agrees" };
      const refused = await expectProblem(
        await post(`/isps/${ids.ispA}/agreements`, tok.staffA!, body),
        422,
        "validation-failed",
      );
      expect(JSON.stringify(refused.errors)).toContain("/onBehalfOf");
      const res = await post(`/isps/${ids.ispA}/agreements`, tok.staffA!, {
        ...body,
        onBehalfOf: { personType: "parent-carer", displayName: "Sam's mum", givenVia: "phone" },
      });
      expect(res.status).toBe(201);
      const entry = ((await res.json()) as Doc).deliveryRecords
        .find((d: Doc) => d.id === "dr-1")
        .familyAgreement.at(-1);
      expect(entry).toMatchObject({
        by: { personType: "parent-carer", displayName: "Sam's mum" },
        recordedBy: { personType: "practitioner", id: "senco-a" },
        givenVia: "phone",
      });
      // A parent may not claim to write for someone else.
      await expectProblem(
        await post(`/isps/${ids.ispA}/agreements`, tok.parentA!, {
          ...body,
          onBehalfOf: { personType: "young-person", givenVia: "phone" },
        }),
        422,
        "validation-failed",
      );
    });

    it("another family's parent, or another setting's staff, gets 404 and nothing is written", async () => {
      const before = (await current(`/isps/${ids.ispA}`)).provenance.updatedAt;
      const versionsBefore = (
        (await (await s.call("GET", `/isps/${ids.ispA}/versions`, { token: tok.staffA })).json()) as { items: Doc[] }
      ).items.length;
      const attack = { itemType: "provision", itemId: "prov-2", stance: "disagrees", reason: "Not mine to say." };
      await expectProblem(await post(`/isps/${ids.ispA}/agreements`, tok.parentB!, attack), 404, "not-found");
      await expectProblem(
        await post(`/isps/${ids.ispA}/agreements`, tok.staffB!, {
          ...attack,
          onBehalfOf: { personType: "parent-carer", givenVia: "phone" },
        }),
        404,
        "not-found",
      );
      // The same answer for a plan that does not exist: nothing to learn.
      await expectProblem(
        await post("/isps/00000000-0000-4000-8000-000000000000/agreements", tok.parentB!, attack),
        404,
        "not-found",
      );
      // Their own child's plan is theirs to answer on.
      expect((await post(`/isps/${ids.ispB}/agreements`, tok.parentB!, attack)).status).toBe(201);
      const after = await current(`/isps/${ids.ispA}`);
      expect(after.provenance.updatedAt).toBe(before);
      const versionsAfter = (
        (await (await s.call("GET", `/isps/${ids.ispA}/versions`, { token: tok.staffA })).json()) as { items: Doc[] }
      ).items.length;
      expect(versionsAfter).toBe(versionsBefore);
      expect(JSON.stringify(after)).not.toContain("Not mine to say.");
    });

    it("a role without the voice scope gets 403; no token 401", async () => {
      const body = { itemType: "provision", itemId: "prov-1", stance: "agrees" };
      await expectProblem(await post(`/isps/${ids.ispA}/agreements`, tok.laA!, body), 403, "forbidden");
      await expectProblem(
        await s.call("POST", `/isps/${ids.ispA}/agreements`, { body, headers: { "change-reason": "x" } }),
        401,
        "unauthorized",
      );
    });

    it("the family page tells the parent what they said, and marks what staff wrote down", async () => {
      const html = await (
        await s.call("GET", `/isps/${ids.ispA}/views/family`, { token: tok.parentA, headers: { accept: "text/html" } })
      ).text();
      expect(html).toMatch(/You agreed on \d{1,2} [A-Z][a-z]+ \d{4}\./);
      expect(html).toContain("You did not agree on");
      expect(html).toContain("You said: “The sessions keep being cancelled.”");
      expect(html).toContain("Staff wrote this down for the family (phone).");
      expect(html).not.toContain("parent-a");
    });

    // The page is the same on both drivers: one browser run (PGlite) is enough, and PostgreSQL registers no test.
    if (opts.browser === true)
      it("in Chromium, the parent sees their own agreement on the family page, next to the provision it is about", async () => {
        const browser = await chromium.launch({
          executablePath: chromiumPath(),
          headless: true,
          args: ["--no-sandbox"],
        });
        try {
          const context = await browser.newContext({
            extraHTTPHeaders: { authorization: `Bearer ${tok.parentA}` },
            javaScriptEnabled: false,
          });
          const page = await context.newPage();
          const res = await page.goto(`${s.url}/isps/${ids.ispA}/views/family?purpose=family-reading`);
          expect(res?.status()).toBe(200);
          const agreed = page.getByText(/^You agreed on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
          await agreed.first().waitFor({ state: "visible" });
          expect(await agreed.count()).toBeGreaterThan(0);
          const disagreed = page.getByText("You said: “The sessions keep being cancelled.”", { exact: false });
          expect(await disagreed.isVisible()).toBe(true);
          // The stance sits inside the provision item it is about, under "What the family thinks".
          const block = page.locator(".agree", { has: disagreed });
          expect(await block.getByText("What the family thinks").isVisible()).toBe(true);
          expect(await page.getByText("Staff wrote this down for the family (phone).").isVisible()).toBe(true);
          // For a person to look at, beside the views' other screenshots.
          await block.screenshot({ path: join(SHOTS, "agreement-on-family-page.png") });
          await context.close();
        } finally {
          await browser.close();
        }
      }, 60_000);
  });
}
