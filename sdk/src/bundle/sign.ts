// Signs a transfer bundle as an ES256 JWS whose payload is the RFC 8785 canonical JSON of the bundle without its
// receiver-side fields. Header: { alg: "ES256", kid, typ: "send-transfer-bundle+json", cty: "application/json" };
// the schema's JwsProtectedHeader allows nothing else, so the signing time is the signed manifest.createdAt.
import type { TransferBundle } from "../../generated/types.ts";
import { signJson, type SignedJson, type SignOptions } from "./jws.ts";
import { stripReceiverSide } from "./pack.ts";

export async function signBundle(bundle: TransferBundle, options: SignOptions): Promise<SignedJson> {
  return signJson(stripReceiverSide(bundle), "send-transfer-bundle+json", options);
}
