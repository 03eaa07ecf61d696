import { launch, signIn } from '../test/browser/harness.ts'
const browser = await launch()
const page = await (await browser.newContext({ viewport: { width: 1280, height: 1400 } })).newPage()
await signIn(page, 'http://127.0.0.1:3411', 'pk_uxtest_0123456789abcdef0123456789')
await page.goto('http://127.0.0.1:3411/ask')
const answer = page.getByRole('region', { name: 'Answer' })
for (const [i, q] of (process.argv.slice(2)).entries()) {
  await page.getByLabel('Question').fill(q)
  await page.getByRole('button', { name: 'Ask', exact: true }).click()
  await answer.locator('.answer-text').waitFor({ timeout: 60_000 })
  await page.waitForTimeout(500)
  await page.screenshot({ path: `/tmp/ux/shot_r27_${i}.png`, fullPage: false })
}
await browser.close()
