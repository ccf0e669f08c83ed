'use client';

import { roleLabel, type RoleOption } from './types';
import styles from './admin.module.css';

const pageList = (pages: string[]) => (pages.length ? pages.join(', ') : 'no pages yet');

/** The role checkboxes (a user needs at least one; the caller checks that). */
export function RoleChecks({ options, checked, onChange, describedBy }: { options: RoleOption[]; checked: string[]; onChange: (roles: string[]) => void; describedBy?: string }) {
  const toggle = (role: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(role);
    else next.delete(role);
    // Keep the catalogue's order, whatever order they were ticked in.
    onChange(options.map((o) => o.role).filter((r) => next.has(r)));
  };
  return (
    <fieldset className={styles.checks} aria-describedby={describedBy}>
      <legend>Roles</legend>
      <div className={styles.checkGrid}>
        {options.map((o) => (
          <label key={o.role} className={styles.check}>
            <input type="checkbox" name="roles" value={o.role} checked={checked.includes(o.role)} onChange={(e) => toggle(o.role, e.currentTarget.checked)} />
            <span>
              {roleLabel(o.role)}
              <small>opens {pageList(o.pages)}</small>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RoleChips({ roles }: { roles: string[] }) {
  if (roles.length === 0) return <span className="muted">none</span>;
  return (
    <ul className={styles.chips}>
      {roles.map((r) => (
        <li key={r} className={r === 'admin' ? `${styles.chip} ${styles.chipAdmin}` : styles.chip}>
          {roleLabel(r)}
        </li>
      ))}
    </ul>
  );
}
