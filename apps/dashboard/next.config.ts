import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native engines the dashboard will read in-process later: never bundle them.
  serverExternalPackages: ['chdb', '@electric-sql/pglite'],
};

export default nextConfig;
