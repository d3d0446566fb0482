// Opens an HTML export in headless Chromium and checks what a reader sees:
// the number of nodes drawn, and that clicking an edge shows its evidence
// quote in the side panel. Usage: node check.mjs FILE NODES QUOTE
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [file, nodes, quote] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage();
  const requests = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(file).href);
  const drawn = await page.locator('svg g.node').count();
  if (drawn !== Number(nodes)) throw new Error(`expected ${nodes} nodes, the page shows ${drawn}`);
  await page.locator('svg g.edge').first().dispatchEvent('click');
  const panel = await page.locator('#panel').innerText();
  const want = quote.replace(/\s+/g, ' ').slice(0, 60);
  if (!panel.replace(/\s+/g, ' ').includes(want)) throw new Error(`the panel does not show the quote: ${panel.slice(0, 300)}`);
  await page.fill('#search', 'Cyprus');
  const hits = await page.locator('svg g.node.hit').count();
  if (hits < 1) throw new Error('searching "Cyprus" highlights nothing');
  if (requests.length) throw new Error(`the page loaded from the network: ${requests.join(', ')}`);
  console.log(`ok ${drawn} nodes; edge panel shows its quote; search highlights ${hits}`);
} finally {
  await browser.close();
}
