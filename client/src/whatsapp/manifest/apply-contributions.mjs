// Adds (or refreshes) the WhatsApp Flow and CynosDB entries in package.json's contributes,
// touching nothing else: entries are matched by their command / view / setting ids.
// Run: node client/src/whatsapp/manifest/apply-contributions.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../../../../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(path, 'utf8'));
const c = (pkg.contributes ??= {});

const commands = [
  { command: 'flowdeck.whatsapp.pull', title: 'Pull WhatsApp Flow', category: 'Flowdeck', icon: '$(cloud-download)' },
  { command: 'flowdeck.whatsapp.push', title: 'Push WhatsApp Flow', category: 'Flowdeck', icon: '$(cloud-upload)' },
  { command: 'flowdeck.whatsapp.publish', title: 'Publish WhatsApp Flow', category: 'Flowdeck', icon: '$(rocket)' },
  { command: 'flowdeck.whatsapp.deprecate', title: 'Deprecate WhatsApp Flow', category: 'Flowdeck', icon: '$(circle-slash)' },
  { command: 'flowdeck.whatsapp.refresh', title: 'Refresh WhatsApp Flows', category: 'Flowdeck', icon: '$(refresh)' },
  { command: 'flowdeck.cynosdb.watch', title: 'Watch CynosDB Task Flow', category: 'Flowdeck', icon: '$(eye)' },
  { command: 'flowdeck.cynosdb.clearFinished', title: 'Clear Finished CynosDB Task Flows', category: 'Flowdeck', icon: '$(clear-all)' },
];
const ids = new Set(commands.map((x) => x.command));
c.commands = [...(c.commands ?? []).filter((x) => !ids.has(x.command)), ...commands];

const views = [
  { id: 'flowdeck.whatsappFlows', name: 'WhatsApp Flows', contextualTitle: 'Flowdeck' },
  { id: 'flowdeck.cynosdbTaskFlows', name: 'CynosDB Task Flows', contextualTitle: 'Flowdeck' },
];
c.views ??= {};
const viewIds = new Set(views.map((v) => v.id));
c.views.flowdeck = [...(c.views.flowdeck ?? []).filter((v) => !viewIds.has(v.id)), ...views];

const ours = (entry) => ids.has(entry.command);
const menus = {
  commandPalette: [
    { command: 'flowdeck.whatsapp.push', when: 'editorLangId == whatsapp-flow' },
    { command: 'flowdeck.whatsapp.refresh', when: 'false' },
    { command: 'flowdeck.cynosdb.clearFinished', when: 'false' },
  ],
  'editor/title': [{ command: 'flowdeck.whatsapp.push', when: 'editorLangId == whatsapp-flow', group: 'navigation@1' }],
  'editor/context': [{ command: 'flowdeck.whatsapp.push', when: 'editorLangId == whatsapp-flow', group: 'flowdeck@1' }],
  'view/title': [
    { command: 'flowdeck.whatsapp.refresh', when: 'view == flowdeck.whatsappFlows', group: 'navigation@1' },
    { command: 'flowdeck.whatsapp.pull', when: 'view == flowdeck.whatsappFlows', group: 'navigation@2' },
    { command: 'flowdeck.cynosdb.watch', when: 'view == flowdeck.cynosdbTaskFlows', group: 'navigation@1' },
    { command: 'flowdeck.cynosdb.clearFinished', when: 'view == flowdeck.cynosdbTaskFlows', group: 'navigation@2' },
  ],
  'view/item/context': [
    { command: 'flowdeck.whatsapp.pull', when: 'view == flowdeck.whatsappFlows && viewItem =~ /^whatsappFlow/', group: 'inline@1' },
    { command: 'flowdeck.whatsapp.publish', when: 'view == flowdeck.whatsappFlows && viewItem == whatsappFlow.draft', group: '1_flow@1' },
    { command: 'flowdeck.whatsapp.deprecate', when: 'view == flowdeck.whatsappFlows && viewItem == whatsappFlow.published', group: '1_flow@2' },
  ],
};
c.menus ??= {};
for (const [where, entries] of Object.entries(menus)) c.menus[where] = [...(c.menus[where] ?? []).filter((e) => !ours(e)), ...entries];

const settings = {
  'flowdeck.cams.endpoint': { type: 'string', default: '', markdownDescription: 'CAMS endpoint for the WhatsApp Flow commands. Empty: an emulator named by `FLOWDECK_EMULATOR_ENDPOINT`, else `https://cams.<region>.aliyuncs.com`.' },
  'flowdeck.cams.region': { type: 'string', default: 'ap-southeast-1', markdownDescription: 'Alibaba Cloud region of CAMS (Singapore is the documented one).' },
  'flowdeck.cams.uploadUrl': { type: 'string', default: '', markdownDescription: 'Base URL that accepts an HTTP PUT of the Flow JSON file and serves it back; **Push** uploads there and passes the URL to UpdateFlowJSONAsset. Empty: the emulator\'s upload folder when the endpoint is the local emulator.' },
  'flowdeck.cynosdb.endpoint': { type: 'string', default: '', markdownDescription: 'CynosDB endpoint for **Watch CynosDB Task Flow**. Empty: an emulator named by `FLOWDECK_EMULATOR_ENDPOINT`, else `https://cynosdb.tencentcloudapi.com`.' },
  'flowdeck.cynosdb.region': { type: 'string', default: 'ap-guangzhou', markdownDescription: 'Tencent Cloud region of the task flows (`X-TC-Region`).' },
};
const conf = Array.isArray(c.configuration) ? c.configuration[0] : (c.configuration ??= { title: 'Flowdeck', properties: {} });
conf.properties ??= {};
Object.assign(conf.properties, settings);

writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log('WhatsApp Flow and CynosDB contributions applied');
