// send-interchange/msw: mock handlers for front-end and integration tests (msw 2). Node or browser (msw/browser);
// validation runs the SDK's precompiled validators, which a browser bundle must be able to load (CommonJS).
export { createSendHandlers, type SendHandlers, type SendHandlersOptions } from "./handlers.ts";
export { MemoryStore, computeEtag, type MockVersion, type MockKind, type MockActor } from "./memory-store.ts";
export { MOCK_ROLES, type MockPrincipal, type MockRoleId } from "./roles.ts";
