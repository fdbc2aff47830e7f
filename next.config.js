// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` type-checks the whole tree once (tsc --noEmit); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Served by our own server.ts, never on a CDN or behind a different origin.
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run dev` serves on every interface; let the loopback address load dev resources too.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
};

export default nextConfig;
