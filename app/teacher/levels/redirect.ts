/**
 * A 303 back to a page of ours after a form post. The Location stays relative: behind our
 * custom server `request.url` names localhost whatever host the browser used.
 */
export function backTo(_request: Request, location: string, error?: string): Response {
  const target = error ? `${location}?error=${encodeURIComponent(error)}` : location;
  return new Response(null, { status: 303, headers: { location: target } });
}
