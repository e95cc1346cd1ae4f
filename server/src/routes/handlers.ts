// operationId → handler, for every operation in spec/routes.ts. app.ts registers them from the route table, and a
// test checks that the two sets are equal.
import type { AppDeps } from "../deps.ts";
import { auditHandlers } from "./audit-handlers.ts";
import { discoveryHandlers } from "./discovery-handlers.ts";
import { governanceHandler } from "./governance-handler.ts";
import { resourceHandlers, type Handler } from "./resource-handlers.ts";
import { RESOURCES } from "./resources.ts";
import { validateHandler } from "./validate-handler.ts";
import { viewHandlers } from "./view-handlers.ts";
import { transferHandlers } from "./transfer-handlers.ts";
import { trustListHandlers } from "./trust-list-handlers.ts";
import { lostChildHandlers } from "./lost-child-handlers.ts";
import { transferMetricsHandler } from "./transfer-metrics-handler.ts";
import type { ResourceConfig } from "./resources.ts";

/** The shared resource handlers for one kind, on the kind's configuration as the app's parts give it. */
function handlersFor(cfg: ResourceConfig, deps: AppDeps, idParam: string) {
  return resourceHandlers(deps.resource(cfg), deps, idParam);
}

export function buildHandlers(deps: AppDeps): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  const documents = [
    ["isp", "Isp", "Isps"],
    ["ehcp", "Ehcp", "Ehcps"],
    ["legacy-ehcp", "LegacyEhcp", "LegacyEhcps"],
    ["development-profile", "DevelopmentProfile", "DevelopmentProfiles"],
  ] as const;
  for (const [kind, noun, plural] of documents) {
    const h = handlersFor(RESOURCES[kind], deps, "id");
    Object.assign(out, {
      [`list${plural}`]: h.search,
      [`create${noun}`]: h.create,
      [`get${noun}`]: h.read,
      [`update${noun}`]: h.update,
      [`list${noun}Versions`]: h.listVersions,
      [`get${noun}Version`]: h.readVersion,
      [`add${noun}Voice`]: h.addVoice,
      ...(kind === "isp" || kind === "ehcp" ? { [`add${noun}Agreement`]: h.addAgreement } : {}),
    });
  }
  const spp = handlersFor(RESOURCES.spp, deps, "id");
  Object.assign(out, {
    listSpps: spp.search,
    createSpp: spp.create,
    getSpp: spp.read,
    updateSpp: spp.update,
    listSppVersions: spp.listVersions,
    getSppVersion: spp.readVersion,
  });
  const child = handlersFor(RESOURCES.child, deps, "childId");
  Object.assign(out, {
    listChildren: child.search,
    createChild: child.create,
    getChild: child.read,
    updateChild: child.update,
  });
  const setting = handlersFor(RESOURCES.setting, deps, "urn");
  Object.assign(out, {
    listSettings: setting.search,
    createSetting: setting.create,
    getSetting: setting.read,
    updateSetting: setting.update,
  });
  Object.assign(
    out,
    discoveryHandlers(deps),
    auditHandlers(deps),
    transferHandlers(deps),
    trustListHandlers(deps),
    lostChildHandlers(deps),
    viewHandlers(deps),
  );
  out.getTransferMetrics = transferMetricsHandler(deps);
  out.validateDocument = validateHandler(deps);
  out.getPlanSample = governanceHandler(deps);
  return out;
}
