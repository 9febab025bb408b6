// The execution features' part of the extension manifest. Applied to package.json by
// apply-contributions.mjs, which rewrites only the keys listed here and leaves every other key alone.
const cmd = (command, titleKey, extra = {}) => ({ command, title: `%${titleKey}%`, category: 'Flowdeck', ...extra });

export const commands = [
  cmd('flowdeck.deploy', 'command.deploy', { icon: '$(cloud-upload)' }),
  cmd('flowdeck.startExecution', 'command.startExecution', { icon: '$(play)' }),
  cmd('flowdeck.tailExecution', 'command.tailExecution', { icon: '$(output)' }),
  cmd('flowdeck.stopTailing', 'command.stopTailing', { icon: '$(debug-disconnect)' }),
  cmd('flowdeck.stopExecution', 'command.stopExecution', { icon: '$(debug-stop)' }),
  cmd('flowdeck.describeExecution', 'command.describeExecution', { icon: '$(json)' }),
  cmd('flowdeck.startAgain', 'command.startAgain', { icon: '$(debug-restart)' }),
  cmd('flowdeck.openDefinition', 'command.openDefinition', { icon: '$(go-to-file)' }),
  cmd('flowdeck.copyName', 'command.copyName'),
  cmd('flowdeck.selectTarget', 'command.selectTarget'),
  cmd('flowdeck.setCredentials', 'command.setCredentials', { icon: '$(key)' }),
  cmd('flowdeck.clearCredentials', 'command.clearCredentials'),
  cmd('flowdeck.refreshExecutions', 'command.refreshExecutions', { icon: '$(refresh)' }),
  cmd('flowdeck.loadMoreExecutions', 'command.loadMoreExecutions'),
  cmd('flowdeck.openSampleFlow', 'command.openSampleFlow'),
];

const flowFile = 'editorLangId == fdl || editorLangId == fdl-json';
const execItem = 'view == flowdeck.executions && viewItem =~ /^execution/';
const runningItem = 'view == flowdeck.executions && viewItem == execution.running';

export const menus = {
  commandPalette: [
    { command: 'flowdeck.deploy', when: flowFile },
    { command: 'flowdeck.startExecution' },
    { command: 'flowdeck.stopTailing', when: 'flowdeck.tailing' },
    { command: 'flowdeck.describeExecution', when: 'false' },
    { command: 'flowdeck.startAgain', when: 'false' },
    { command: 'flowdeck.openDefinition', when: 'false' },
    { command: 'flowdeck.copyName', when: 'false' },
    { command: 'flowdeck.loadMoreExecutions', when: 'false' },
  ],
  'editor/title': [{ command: 'flowdeck.deploy', when: flowFile, group: 'navigation@1' }],
  'editor/context': [
    { command: 'flowdeck.deploy', when: flowFile, group: 'flowdeck@1' },
    { command: 'flowdeck.startExecution', when: flowFile, group: 'flowdeck@2' },
  ],
  'view/title': [
    { command: 'flowdeck.refreshExecutions', when: 'view == flowdeck.executions', group: 'navigation@1' },
    { command: 'flowdeck.selectTarget', when: 'view == flowdeck.executions', group: 'navigation@2' },
  ],
  'view/item/context': [
    { command: 'flowdeck.tailExecution', when: execItem, group: 'inline@1' },
    { command: 'flowdeck.stopExecution', when: runningItem, group: 'inline@2' },
    { command: 'flowdeck.tailExecution', when: execItem, group: '1_run@1' },
    { command: 'flowdeck.stopExecution', when: runningItem, group: '1_run@2' },
    { command: 'flowdeck.startAgain', when: execItem, group: '1_run@3' },
    { command: 'flowdeck.describeExecution', when: execItem, group: '2_inspect@1' },
    { command: 'flowdeck.openDefinition', when: `${execItem} || view == flowdeck.executions && viewItem == flow`, group: '2_inspect@2' },
    { command: 'flowdeck.startExecution', when: 'view == flowdeck.executions && viewItem == flow', group: '1_run@1' },
    { command: 'flowdeck.copyName', when: `${execItem} || view == flowdeck.executions && viewItem == flow`, group: '9_copy@1' },
  ],
};

export const viewsContainers = {
  activitybar: [{ id: 'flowdeck', title: '%viewContainer.flowdeck%', icon: 'media/flowdeck.svg' }],
};

export const views = {
  flowdeck: [{ id: 'flowdeck.executions', name: '%view.executions%', icon: 'media/flowdeck.svg', contextualTitle: 'Flowdeck' }],
};

export const viewsWelcome = [
  { view: 'flowdeck.executions', contents: '%viewWelcome.executions%', when: 'flowdeck.noFlows' },
];

export const walkthroughs = [
  {
    id: 'flowdeck.gettingStarted',
    title: '%walkthrough.title%',
    description: '%walkthrough.description%',
    steps: [
      {
        id: 'openSample',
        title: '%walkthrough.openSample.title%',
        description: '%walkthrough.openSample.description%',
        media: { markdown: 'media/walkthrough/open-sample.md' },
        completionEvents: ['onCommand:flowdeck.openSampleFlow'],
      },
      {
        id: 'deploy',
        title: '%walkthrough.deploy.title%',
        description: '%walkthrough.deploy.description%',
        media: { markdown: 'media/walkthrough/deploy.md' },
        completionEvents: ['onCommand:flowdeck.deploy'],
      },
      {
        id: 'start',
        title: '%walkthrough.start.title%',
        description: '%walkthrough.start.description%',
        media: { markdown: 'media/walkthrough/start.md' },
        completionEvents: ['onCommand:flowdeck.startExecution'],
      },
      {
        id: 'browse',
        title: '%walkthrough.browse.title%',
        description: '%walkthrough.browse.description%',
        media: { markdown: 'media/walkthrough/browse.md' },
        completionEvents: ['onView:flowdeck.executions'],
      },
      {
        id: 'cloud',
        title: '%walkthrough.cloud.title%',
        description: '%walkthrough.cloud.description%',
        media: { markdown: 'media/walkthrough/cloud.md' },
        completionEvents: ['onCommand:flowdeck.setCredentials', 'onCommand:flowdeck.selectTarget'],
      },
    ],
  },
];

export const configurationProperties = {
  'flowdeck.target': {
    type: 'string',
    enum: ['emulator', 'cloud'],
    enumDescriptions: ['%config.target.emulator%', '%config.target.cloud%'],
    default: 'emulator',
    scope: 'window',
    markdownDescription: '%config.target%',
  },
  'flowdeck.region': {
    type: 'string',
    default: 'cn-hangzhou',
    pattern: '^[a-z]+(-[a-z0-9]+)+$',
    patternErrorMessage: '%config.region.pattern%',
    scope: 'window',
    markdownDescription: '%config.region%',
  },
  'flowdeck.profile': {
    type: 'string',
    default: '',
    scope: 'machine',
    markdownDescription: '%config.profile%',
  },
  'flowdeck.endpoint': {
    type: 'string',
    default: '',
    scope: 'machine-overridable',
    markdownDescription: '%config.endpoint%',
  },
  'flowdeck.pollIntervalMs': {
    type: 'integer',
    default: 1000,
    minimum: 200,
    maximum: 60000,
    scope: 'window',
    markdownDescription: '%config.pollIntervalMs%',
  },
  'flowdeck.executions.pageSize': {
    type: 'integer',
    default: 20,
    minimum: 1,
    maximum: 100,
    scope: 'window',
    markdownDescription: '%config.executions.pageSize%',
  },
};

export const l10n = './l10n';
