import type { Failure } from '@/lib/loaders';

/** In place of a tile or chart whose data could not be read: says why, plainly. */
export function FailureNotice({ failure, what }: { failure: Failure; what: string }) {
  if (failure.status === 403) {
    return (
      <p className="notice notice--forbidden" role="note">
        You don&apos;t have access to {what}. Your role cannot read this KPI.
      </p>
    );
  }
  return (
    <p className="notice notice--error" role="note">
      {what} could not be loaded: {failure.message}
    </p>
  );
}
