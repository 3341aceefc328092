import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmActionProps {
  /** The button that starts it ("Delete"). */
  label: string;
  /** Screen-reader name of that button when the label alone is ambiguous ("Delete The Daily Ledger"). */
  accessibleLabel?: string;
  /** The question asked before going ahead. */
  question: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
}

/**
 * A destructive action asked twice, in place: no `window.confirm` (it blocks,
 * and extension pages may not show it), and Cancel takes the focus first so
 * a second Enter does not delete.
 */
export function ConfirmAction({ label, accessibleLabel, question, confirmLabel, onConfirm }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" class="px-danger" ref={startRef} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="px-confirm-box" role="group" aria-label={question}>
      <p class="px-confirm-question">{question}</p>
      <button type="button" class="px-danger px-confirm" disabled={busy} onClick={() => void confirm()}>
        {busy ? 'Deleting…' : confirmLabel}
      </button>{' '}
      <button type="button" ref={cancelRef} disabled={busy} onClick={() => setAsking(false)}>
        Cancel
      </button>
      {error ? (
        <p class="px-error" role="alert">
          Could not delete: {error}
        </p>
      ) : null}
    </div>
  );
}
