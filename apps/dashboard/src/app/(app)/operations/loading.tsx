import { PageSkeleton } from '@/components/Skeletons';

export default function Loading() {
  return <PageSkeleton tiles={8} charts={2} />;
}
