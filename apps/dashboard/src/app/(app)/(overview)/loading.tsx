import { PageSkeleton } from '@/components/Skeletons';

// In its own route group so that it wraps the overview only: a loading boundary above the
// KPI and role pages would start streaming before their access checks, and a refusal
// could then no longer be sent as HTTP 403.
export default function Loading() {
  return <PageSkeleton tiles={8} charts={2} />;
}
