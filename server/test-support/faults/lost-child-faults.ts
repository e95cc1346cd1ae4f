// Handler decorators for the conformance self-test's faulty servers around the cross-LA operations and the transfer
// metrics (server/src/routes/lost-child-handlers.ts, transfer-metrics-handler.ts): each runs production's handler and
// gets one thing wrong, the way a vendor might.
import type { AppParts } from "../../src/app-parts.ts";
import type { Store } from "../../src/storage/store.ts";
import { transferStore } from "../../src/storage/transfer-store.ts";
import {
  heldChildOf,
  LA_MATCH_KIND,
  LA_REQUEST_KIND,
  type LaMatch,
  type LaRequest,
} from "../../src/transfers/lost-children.ts";
import type { TransferRecord } from "../../src/transfers/transfer-record.ts";

type Json = Record<string, unknown>;

/** The answer of `handler` with its JSON body changed by `edit`. */
const rewriteJson = async (res: Response, edit: (body: Json) => Promise<Json>): Promise<Response> => {
  if (res.status !== 200) return res;
  const body = await edit((await res.clone().json()) as Json);
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: res.status, headers });
};

/** Metrics that list the children behind the figures ("recent transfers"), by name. */
export const metricsLeakingNames =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    if (operationId !== "getTransferMetrics") return wrap(operationId, handler);
    return async (c) =>
      rewriteJson(await handler(c), async (body) => {
        const la = c.get("principal").laCode;
        const recent: Json[] = [];
        let cursor: string | undefined;
        do {
          const page = await transferStore(store).searchTransfers<TransferRecord>({
            visibleTo: { laCodes: la ? [la] : [] },
            limit: 100,
            ...(cursor ? { cursor } : {}),
          });
          for (const v of page.items) {
            const child = heldChildOf(v.body.signedBundle);
            recent.push({
              status: v.body.status,
              child: `${child?.givenName ?? ""} ${child?.familyName ?? ""}`.trim(),
            });
          }
          cursor = page.nextCursor;
        } while (cursor);
        return { ...body, recent };
      });
  };

/** A cross-LA query whose matches also give the held child's date of birth ("to help confirm the match"). */
export const crossLaQueryLeakingDob =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    if (operationId !== "queryHeldTransfers") return wrap(operationId, handler);
    return async (c) =>
      rewriteJson(await handler(c), async (body) => {
        const matches = await Promise.all(
          ((body.matches ?? []) as Json[]).map(async (m) => {
            const hit = await store.get<LaMatch>(LA_MATCH_KIND, String(m.matchRef));
            const t = hit && (await transferStore(store).getTransfer<TransferRecord>(hit.body.transferId));
            const dob = t ? heldChildOf(t.body.signedBundle)?.dateOfBirth : undefined;
            return dob ? { ...m, dateOfBirth: dob } : m;
          }),
        );
        return { ...body, matches };
      });
  };

/** A decision endpoint that checks the caller is a local authority officer but not that it is the holding LA: the
 *  requesting LA approves its own request and receives the bundle without the holding LA's approval. */
export const requestWithoutApproval =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    if (operationId !== "decideLaRequest") return wrap(operationId, handler);
    return async (c) => {
      const request = await store.get<LaRequest>(LA_REQUEST_KIND, c.req.param("id") ?? "");
      const p = c.get("principal");
      if (request && p.laCode === request.body.requestingLaCode)
        c.set("principal", { ...p, laCode: request.body.holdingLaCode });
      return handler(c);
    };
  };
