import { PageSkeleton } from '@/components/Skeletons';

export default function Loading() {
  return <PageSkeleton tiles={1} charts={2} />;
}
