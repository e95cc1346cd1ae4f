// Roles, OAuth scopes, tenancy rules and token claims of the API, from their one source (spec/roles.ts): which scopes
// a role holds, which records it sees, which claims its token carries. Re-exported so that clients and the
// conformance suite read the server's table; tsc compiles spec/roles.ts into the package (dist/spec/roles.js), as it
// copies the schemas' JSON.
export {
  ROLES,
  SCOPES,
  SHARED_VIEW_FRAME,
  TOKEN_CLAIMS,
  role,
  roleHasScope,
  rolesWithScope,
  type RoleId,
  type RoleSpec,
  type Scope,
  type Tenancy,
} from "../../../spec/roles.ts";
