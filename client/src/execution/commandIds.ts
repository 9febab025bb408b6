// Command, view and context-key ids of the execution features (the manifest uses the same strings).
export const CommandIds = {
  deploy: 'flowdeck.deploy',
  startExecution: 'flowdeck.startExecution',
  /** Registered by client/src/debug: runs the flow under the debugger. */
  debugFlow: 'flowdeck.debugFlow',
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
  /** Not in the palette: returns the live features object (tree provider, tails) to tests. */
  features: 'flowdeck.executionFeatures',
} as const;

export const ViewIds = { executions: 'flowdeck.executions' } as const;

export const ContextKeys = {
  /** Set while the current target has no deployed flow: shows the view's welcome content. */
  noFlows: 'flowdeck.noFlows',
  /** Set while at least one execution is being tailed. */
  tailing: 'flowdeck.tailing',
} as const;

/** Languages whose documents are flows that can be deployed and started. */
export const FLOW_LANGUAGES = ['fdl', 'fdl-json'] as const;
