// Driving a level page (/play/<id>, /play/assigned/<id>) from a browser test.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until question `index` is asked, skipping the scene's walk to it. */
export async function waitForQuestion(page: Page, index: number): Promise<void> {
  const question = page.locator(`[data-testid="question"][data-index="${index}"]`);
  await expect
    .poll(
      async () => {
        const skip = page.getByRole('button', { name: 'Skip' });
        if (await skip.isVisible()) await skip.click().catch(() => {});
        return question.isVisible();
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
}
