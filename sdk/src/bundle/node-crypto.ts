// node:crypto when the runtime has it, found at run time (process.getBuiltinModule, Node >= 20.16) rather than
// imported, so browser bundles never see a Node import. Its SHA-256 and ECDSA are synchronous and skip WebCrypto's
// thread-pool round trip (about 4x cheaper for one bundle); callers keep the WebCrypto path for every other runtime.
// Both paths compute the same thing: the same OpenSSL SHA-256 and P-256 ECDSA (IEEE P1363 signatures) in Node.
import type * as NodeCrypto from "node:crypto";

export type NodeCryptoModule = typeof NodeCrypto;

function lookup(): NodeCryptoModule | undefined {
  try {
    const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule;
    if (typeof getBuiltinModule !== "function") return undefined;
    const module = getBuiltinModule("node:crypto") as Partial<NodeCryptoModule> | undefined;
    const usable =
      module !== undefined &&
      typeof module.createHash === "function" &&
      typeof module.sign === "function" &&
      typeof module.verify === "function" &&
      typeof module.KeyObject?.from === "function";
    return usable ? (module as NodeCryptoModule) : undefined;
  } catch {
    return undefined;
  }
}

/** node:crypto, or undefined outside Node (browsers, workers without it): then use WebCrypto. */
export const nodeCrypto: NodeCryptoModule | undefined = lookup();
