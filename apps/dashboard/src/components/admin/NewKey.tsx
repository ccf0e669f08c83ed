'use client';

import { useEffect, useRef, useState } from 'react';
import styles from './admin.module.css';

/**
 * The secret of a key just created. The API stores only its hash, so this is the one time
 * it can be read: it stays until dismissed (a server refresh does not clear it) and takes
 * the focus so a screen reader lands on it.
 */
export function NewKey({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard permission (or not a secure context): select it for Ctrl+C instead.
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  }

  return (
    <section className={styles.keyBox} aria-labelledby="new-key-title">
      <h3 id="new-key-title" ref={heading} tabIndex={-1}>
        New key “{name}”: shown only now
      </h3>
      <p>Copy it and store it somewhere safe. Stockpulse keeps only a hash and cannot show it again; if it is lost, revoke it and create another.</p>
      <div className={styles.keyRow}>
        <input ref={input} className={styles.keyValue} readOnly value={secret} aria-label={`Secret of the new key ${name}`} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={copy}>
          Copy key
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Done
        </button>
      </div>
      <p className={`${styles.message} ${styles.ok}`} role="status">
        {copied}
      </p>
    </section>
  );
}
