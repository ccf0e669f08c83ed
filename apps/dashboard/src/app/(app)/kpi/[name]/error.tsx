'use client';

import { ErrorView } from '@/components/ErrorView';

export default function KpiError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} />;
}
