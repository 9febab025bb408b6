// Every command id of the extension (package.json's contributes.commands uses the same strings;
// the ones marked internal are not contributed: tests and other extensions call them).
export const CommandIds = {
  // executions
  deploy: 'flowdeck.deploy',
  startExecution: 'flowdeck.startExecution',
  tailExecution: 'flowdeck.tailExecution',
  stopTailing: 'flowdeck.stopTailing',
  stopExecution: 'flowdeck.stopExecution',
  describeExecution: 'flowdeck.describeExecution',
  startAgain: 'flowdeck.startAgain',
  openDefinition: 'flowdeck.openDefinition',
  copyName: 'flowdeck.copyName',
  selectTarget: 'flowdeck.selectTarget',
  setCredentials: 'flowdeck.setCredentials',
  clearCredentials: 'flowdeck.clearCredentials',
  refreshExecutions: 'flowdeck.refreshExecutions',
  loadMoreExecutions: 'flowdeck.loadMoreExecutions',
  openSampleFlow: 'flowdeck.openSampleFlow',
  saveAsTestCase: 'flowdeck.saveAsTestCase',
  /** Internal: the live execution features (tree provider, tails). */
  executionFeatures: 'flowdeck.executionFeatures',
  // debugger
  debugFlow: 'flowdeck.debugFlow',
  // graph
  showGraph: 'flowdeck.showGraph',
  showRunOnGraph: 'flowdeck.showRunOnGraph',
  /** Internal: the live graph features. */
  graphFeatures: 'flowdeck.graphFeatures',
  // WhatsApp Flows
  whatsappPull: 'flowdeck.whatsapp.pull',
  whatsappPush: 'flowdeck.whatsapp.push',
  whatsappPublish: 'flowdeck.whatsapp.publish',
  whatsappDeprecate: 'flowdeck.whatsapp.deprecate',
  whatsappRefresh: 'flowdeck.whatsapp.refresh',
  whatsappPreview: 'flowdeck.whatsapp.preview',
  /** Internal: the "WhatsApp Flows" view's data. */
  whatsappTree: 'flowdeck.whatsapp.tree',
  /** Internal: the open preview. */
  whatsappPreviewPanel: 'flowdeck.whatsapp.previewPanel',
  // CynosDB task flows
  cynosdbWatch: 'flowdeck.cynosdb.watch',
  cynosdbClearFinished: 'flowdeck.cynosdb.clearFinished',
  /** Internal: the "CynosDB Task Flows" view's data. */
  cynosdbTree: 'flowdeck.cynosdb.tree',
  // language server
  restartServer: 'flowdeck.restartServer',
  showOutput: 'flowdeck.showOutput',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
