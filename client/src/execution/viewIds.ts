// View and context-key ids of the execution features (the manifest uses the same strings).
export const ViewIds = { executions: 'flowdeck.executions' } as const;

export const ContextKeys = {
  /** Set while the current target has no deployed flow: shows the view's welcome content. */
  noFlows: 'flowdeck.noFlows',
  /** Set while at least one execution is being tailed. */
  tailing: 'flowdeck.tailing',
} as const;
