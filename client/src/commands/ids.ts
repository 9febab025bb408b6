// The command ids the code refers to (CodeLens, status bar items, tree items, commands that run
// other commands). The command table (./table.ts) has every command; these are the same strings.
export const CommandIds = {
  deploy: 'flowdeck.deploy',
  startExecution: 'flowdeck.startExecution',
  tailExecution: 'flowdeck.tailExecution',
  stopTailing: 'flowdeck.stopTailing',
  describeExecution: 'flowdeck.describeExecution',
  openDefinition: 'flowdeck.openDefinition',
  selectTarget: 'flowdeck.selectTarget',
  loadMoreExecutions: 'flowdeck.loadMoreExecutions',
  debugFlow: 'flowdeck.debugFlow',
  showGraph: 'flowdeck.showGraph',
  showOutput: 'flowdeck.showOutput',
} as const;
