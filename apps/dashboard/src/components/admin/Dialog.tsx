'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './admin.module.css';

/**
 * A modal native <dialog>, open while mounted: the browser keeps focus inside, Esc closes it,
 * and closing returns focus to the button that opened it. `[data-autofocus]` gets the first
 * focus (React's autoFocus runs before the dialog is open, so it would be lost).
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: (close: () => void) => ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  const close = () => ref.current?.close();
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={id} onClose={onClose}>
      <h2 id={id}>{title}</h2>
      {children(close)}
    </dialog>
  );
}
