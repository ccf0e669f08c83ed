import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native engines the dashboard may read in-process later: never bundle them.
  // (@stockpulse/metrics is loaded at run time too: see src/lib/metrics.ts.)
  serverExternalPackages: ['chdb', '@electric-sql/pglite'],
  experimental: {
    // forbidden() + app/forbidden.tsx: a clear 403 page for pages a role may not open.
    authInterrupts: true,
  },
};

export default nextConfig;
