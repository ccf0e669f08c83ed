// What the admin page hands its client components (plain data from GET /v1/users and
// GET /v1/keys). Client-safe.

export interface AdminUser {
  id: string;
  email: string;
  name: string | null;
  roles: string[];
  disabled: boolean;
  /** Pages the roles open (the API's answer, not recomputed here). */
  pages: string[];
}

export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  created_at: string;
  revoked_at: string | null;
}

/** A role and the pages it opens (packages/metrics ROLE_ACCESS), for the role checkboxes. */
export interface RoleOption {
  role: string;
  pages: string[];
}

export const roleLabel = (role: string) => role.replace(/_/g, ' ');
