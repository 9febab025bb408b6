// A loopback HTTP endpoint through which tests in the extension host ask for a picture of the
// window: GET /screenshot?name=problems saves out/screenshots/problems.png and answers
// {"path": ...}; `&waitFor=SELECTOR` first waits (up to 30 s) until that element of the workbench
// is visible, for what renders a moment after the command that opens it returned (a suggestion
// list, a panel); when it never shows, the picture is taken all the same and the answer says
// `"shown": false`: a picture is for a person to look at, not a check. The extension host cannot
// reach the browser itself; it can reach this.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { settled } from './browser.mjs';

export async function startScreenshotEndpoint(getPage, dir) {
  mkdirSync(dir, { recursive: true });
  const taken = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const name = url.searchParams.get('name') ?? '';
    if (url.pathname !== '/screenshot')
      return reply(404, { error: `unknown path ${url.pathname}: use /screenshot?name=NAME` });
    if (!/^[\w.-]+$/.test(name)) return reply(400, { error: 'name must use only letters, digits, ".", "-" and "_"' });
    const page = getPage();
    if (!page) return reply(503, { error: 'the browser page is not open yet' });
    const path = join(dir, `${name}.png`);
    const waitFor = url.searchParams.get('waitFor');
    let shown = true;
    (waitFor
      ? page
          .locator(waitFor)
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 })
          .catch(() => {
            shown = false;
            console.error(`[screenshot] ${name}: ${waitFor} did not show within 30 s; taken all the same`);
          })
      : Promise.resolve()
    )
      .then(() => settled(page))
      .then(() => page.screenshot({ path }))
      .then(() => {
        taken.push(path);
        reply(200, { path, shown });
      })
      .catch((e) => reply(500, { error: String(e?.message ?? e) }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    taken,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
