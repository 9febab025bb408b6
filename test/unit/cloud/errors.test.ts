import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CloudError, hintFor } from '../../../cloud/src/errors';
import { backoffDelayMs, defaultRetryPolicy, parseRetryAfter } from '../../../cloud/src/rpc/retry';

const GENERIC = hintFor('Something.Unknown', 400);

describe('CloudError', () => {
  test('every documented code has its own hint', () => {
    for (const code of [
      'FlowNotExists', 'FlowAlreadyExists', 'ExecutionNotExists', 'ExecutionAlreadyExists', 'ExecutionAlreadyCompleted', 'ScheduleNotExists',
      'ScheduleAlreadyExists', 'TaskAlreadyCompleted', 'TaskInvalidState', 'ConcurrentUpdateError', 'PreconditionFailed', 'SignatureNotMatch',
      'InvalidAccessKeyID', 'RequestTimeTooSkewed', 'EntityTooLarge', 'AccessDenied', 'ResourceThrottled', 'InvalidArgument', 'MissingRequiredParams',
      'InternalServerError', 'Product.Unsubscript', 'Ram.PermissionDeny', 'System.LimitControl', 'Unknown.ResourceOwnerId',
      'InvalidParameterValue.FlowNotFound', 'FailedOperation.FlowNotFoundError', 'UnauthorizedOperation.PermissionDenied',
    ]) {
      assert.notEqual(hintFor(code, 400), GENERIC, code);
    }
  });

  test('message names the action, code, status, service message, request id and hint', () => {
    const e = new CloudError({ status: 404, code: 'FlowNotExists', message: 'Flow  x does not exist.', requestId: 'RID', action: 'DescribeFlow' });
    assert.equal(e.message, 'DescribeFlow: FlowNotExists [HTTP 404]: Flow  x does not exist. (request id RID). No flow with this name in this region: check the name and region, or deploy the flow first.');
    assert.equal(e.name, 'CloudError');
  });

  test('retryable: throttling, 429, 5xx and network trouble only', () => {
    const r = (status: number, code: string) => new CloudError({ status, code, message: 'm' }).retryable;
    assert.ok(r(429, 'ResourceThrottled'));
    assert.ok(r(400, 'Throttling.User'));
    assert.ok(r(503, 'ServiceUnavailable'));
    assert.ok(r(0, 'NetworkError'));
    assert.ok(r(0, 'RequestTimeout'));
    for (const [s, c] of [[400, 'InvalidArgument'], [403, 'SignatureNotMatch'], [404, 'FlowNotExists'], [409, 'ConcurrentUpdateError'], [0, 'InvalidInput'], [0, 'Aborted'], [0, 'EntityTooLarge']] as const) {
      assert.ok(!r(s, c), `${s} ${c}`);
    }
  });
});

describe('retry schedule', () => {
  test('delays grow exponentially within [cap/2, cap] and never exceed the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, rnd) => {
        const cap = Math.min(defaultRetryPolicy.maxDelayMs, defaultRetryPolicy.baseDelayMs * 2 ** (attempt - 1));
        const d = backoffDelayMs(attempt, defaultRetryPolicy, () => rnd);
        assert.ok(d >= Math.floor(cap / 2) && d <= Math.ceil(cap), `${attempt}: ${d} vs cap ${cap}`);
      }),
    );
  });

  test('a retry-after from the service wins when longer', () => {
    const e = new CloudError({ status: 429, code: 'ResourceThrottled', message: 'm', retryAfterMs: 5000 });
    assert.equal(backoffDelayMs(1, defaultRetryPolicy, () => 0, e), 5000);
    assert.equal(parseRetryAfter({ 'x-acs-retry-after': '1200' }), 1200);
    assert.equal(parseRetryAfter({ 'retry-after': '3' }), 3000);
    assert.equal(parseRetryAfter({ 'x-acs-retry-after': 'soon' }), undefined);
  });
});
