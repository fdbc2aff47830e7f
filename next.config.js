// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` type-checks the whole tree once (tsc --noEmit); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Served by our own server.ts, never on a CDN or behind a different origin.
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
