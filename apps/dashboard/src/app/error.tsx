'use client';

import { ErrorView } from '@/components/ErrorView';

export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="container">
      <ErrorView {...props} />
    </main>
  );
}
