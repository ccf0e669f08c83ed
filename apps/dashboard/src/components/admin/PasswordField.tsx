'use client';

import { useEffect, useId, useState } from 'react';
import styles from './admin.module.css';

export const MIN_PASSWORD_LENGTH = 12;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 20 characters from an unambiguous alphabet (about 115 bits), from the browser's CSPRNG. */
function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(20));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/**
 * A new password: typed, or generated and then shown so it can be handed over. The admin
 * tells the user; nothing is sent by e-mail.
 */
export function PasswordField({ label, value, onChange, invalid, autoFocus }: { label: string; value: string; onChange: (v: string) => void; invalid?: boolean; autoFocus?: boolean }) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  // A cleared field (after a save) hides again, so the next password typed is not on screen.
  useEffect(() => {
    if (value === '') setVisible(false);
  }, [value]);
  return (
    <div className="field field--block">
      <label htmlFor={id} className={styles.fieldLabel}>
        {label} <span className={styles.hint}>(at least {MIN_PASSWORD_LENGTH} characters)</span>
      </label>
      <div className={styles.passwordRow}>
        <input
          id={id}
          name="password"
          type={visible ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={value}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-autofocus={autoFocus ? '' : undefined}
        />
        <button type="button" className={`button button--secondary ${styles.small}`} aria-pressed={visible} onClick={() => setVisible((v) => !v)}>
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      <button
        type="button"
        className={`button button--secondary ${styles.small} ${styles.generate}`}
        onClick={() => {
          onChange(generatePassword());
          setVisible(true);
        }}
      >
        Generate a password
      </button>
    </div>
  );
}
