// The acknowledgement follow-up settings from the environment: defaults, overrides, and refusals of bad values.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { transferConfigFromEnv } from "./config.ts";

describe("transfer follow-up settings", () => {
  it("defaults: 8 school days, no non-school dates, 5 days to expiry, a sweep every 15 minutes", async () => {
    const c = await transferConfigFromEnv({});
    expect(c.escalation).toEqual({ schoolDays: 8, nonSchoolDates: [] });
    expect(c.expireUndeliveredAfterMs).toBe(120 * 3_600_000);
    expect(c.sweepIntervalMs).toBe(900_000);
  });

  it("the variables override TRANSFER_CONFIG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "follow-up-"));
    writeFileSync(join(dir, "dates.json"), JSON.stringify(["2030-12-25", "2030-12-26"]));
    const c = await transferConfigFromEnv({
      TRANSFER_CONFIG: JSON.stringify({ escalation: { schoolDays: 5, nonSchoolDates: ["2030-04-18"] } }),
      TRANSFER_ESCALATION_SCHOOL_DAYS: "10",
      TRANSFER_NON_SCHOOL_DATES: `@${join(dir, "dates.json")}`,
      TRANSFER_EXPIRY_HOURS: "48",
      TRANSFER_SWEEP_SECONDS: "0",
    });
    expect(c.escalation).toEqual({ schoolDays: 10, nonSchoolDates: ["2030-12-25", "2030-12-26"] });
    expect(c.expireUndeliveredAfterMs).toBe(48 * 3_600_000);
    expect(c.sweepIntervalMs).toBe(0);
    const fromJson = await transferConfigFromEnv({
      TRANSFER_CONFIG: JSON.stringify({ escalation: { schoolDays: 5, nonSchoolDates: ["2030-04-18"] } }),
      TRANSFER_NON_SCHOOL_DATES: "2030-05-06, 2030-05-27",
    });
    expect(fromJson.escalation).toEqual({ schoolDays: 5, nonSchoolDates: ["2030-05-06", "2030-05-27"] });
  });

  it.each([
    [{ TRANSFER_ESCALATION_SCHOOL_DAYS: "eight" }, /TRANSFER_ESCALATION_SCHOOL_DAYS must be a whole number/],
    [{ TRANSFER_ESCALATION_SCHOOL_DAYS: "0" }, /≥ 1/],
    [{ TRANSFER_EXPIRY_HOURS: "1.5" }, /TRANSFER_EXPIRY_HOURS/],
    [{ TRANSFER_SWEEP_SECONDS: "-1" }, /TRANSFER_SWEEP_SECONDS/],
    [{ TRANSFER_NON_SCHOOL_DATES: "25/12/2030" }, /not a YYYY-MM-DD date/],
    [{ TRANSFER_CONFIG: JSON.stringify({ escalation: { nonSchoolDates: ["Christmas"] } }) }, /not a YYYY-MM-DD/],
  ])("refuses %j at start", async (env, message) => {
    await expect(transferConfigFromEnv(env)).rejects.toThrow(message);
  });
});
