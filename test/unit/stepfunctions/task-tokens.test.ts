import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StateError } from '#local/stepfunctions/errors.ts';
import { TaskTokens } from '#local/stepfunctions/task-tokens.ts';

const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:approval:e-1';

describe('TaskTokens', () => {
  let tokens: TaskTokens;

  beforeEach(() => {
    vi.useFakeTimers();
    tokens = new TaskTokens();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves the waiting task with the SendTaskSuccess output, once', async () => {
    const token = tokens.mint();
    const wait = tokens.wait(token, { executionArn });
    tokens.succeed(token, { approved: true });
    await expect(wait.promise).resolves.toEqual({ approved: true });
    expect(() => tokens.succeed(token, {})).toThrow(expect.objectContaining({ type: 'TaskTimedOut' }));
  });

  it('rejects the waiting task with the SendTaskFailure error as the state error', async () => {
    const token = tokens.mint();
    const wait = tokens.wait(token, { executionArn });
    tokens.fail(token, new StateError('Declined', 'card declined'));
    await expect(wait.promise).rejects.toMatchObject({ name: 'Declined', message: 'card declined' });
  });

  it.each([
    ['a token it never issued', () => new TaskTokens().mint(), 'TaskDoesNotExist'],
    ['a malformed token', () => 'AAAA', 'InvalidToken'],
  ])('answers %s with %s', (_, token, type) => {
    expect(() => tokens.heartbeat(token())).toThrow(expect.objectContaining({ type }));
  });

  it('closes the token when TimeoutSeconds pass, leaving the States.Timeout to the engine', () => {
    const token = tokens.mint();
    tokens.wait(token, { executionArn, timeoutSeconds: 2 });
    vi.advanceTimersByTime(1999);
    tokens.heartbeat(token);
    vi.advanceTimersByTime(1);
    expect(() => tokens.heartbeat(token)).toThrow(expect.objectContaining({ type: 'TaskTimedOut' }));
  });

  it('starts the heartbeat clock only when asked, and every heartbeat restarts it', async () => {
    const token = tokens.mint();
    const wait = tokens.wait(token, { executionArn, heartbeatSeconds: 1 });
    const outcome = wait.promise.catch((error: Error) => error.name);
    vi.advanceTimersByTime(5000);
    wait.startHeartbeat();
    vi.advanceTimersByTime(900);
    tokens.heartbeat(token);
    vi.advanceTimersByTime(900);
    tokens.heartbeat(token);
    vi.advanceTimersByTime(1000);
    await expect(outcome).resolves.toBe('States.HeartbeatTimeout');
  });

  it('times out the tokens of a closed execution and no others', () => {
    const mine = tokens.mint();
    const other = tokens.mint();
    tokens.wait(mine, { executionArn });
    tokens.wait(other, { executionArn: `${executionArn}-other` });
    tokens.closeExecution(executionArn);
    expect(() => tokens.heartbeat(mine)).toThrow(expect.objectContaining({ type: 'TaskTimedOut' }));
    expect(() => tokens.heartbeat(other)).not.toThrow();
  });
});
