// The variables one state execution sees: $Input, $Output, $Context, $Global and $Item.
import type { Variables } from '../expressions/evaluate';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';

export class Frame implements Variables {
  output: JsonValue | undefined = undefined;
  error: { Code: string; Detail: string } | undefined = undefined;
  retryCount = 0;
  taskToken: string | undefined = undefined;
  item: JsonValue | undefined = undefined;

  constructor(
    private readonly rt: Runtime,
    readonly stateName: string,
    public input: JsonValue,
  ) {}

  /** The frame is its own variable lookup for expression evaluation. */
  get vars(): Variables {
    return this;
  }

  get(name: string): JsonValue | undefined {
    switch (name) {
      case 'Input':
        return this.input;
      case 'Output':
        return this.output;
      case 'Global':
        return this.rt.globals;
      case 'Item':
        return this.item;
      case 'Context':
        return this.context();
      default:
        return undefined;
    }
  }

  private context(): JsonValue {
    const current: Record<string, JsonValue> = {
      Name: this.stateName,
      Input: this.input,
      RetryCount: this.retryCount,
    };
    if (this.output !== undefined) current['Output'] = this.output;
    if (this.error) current['Error'] = this.error;
    if (this.taskToken !== undefined) current['TaskToken'] = this.taskToken;
    return {
      Execution: { Name: this.rt.executionName, Input: this.rt.executionInput, RoleArn: this.rt.roleArn },
      Current: current,
    };
  }
}
