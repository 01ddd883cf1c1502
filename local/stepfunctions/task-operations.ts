import type { Json } from './asl.ts';
import { ApiError, StateError } from './errors.ts';
import type { Operation } from './protocol.ts';
import {
  parseRequest,
  sendTaskFailureRequest,
  sendTaskHeartbeatRequest,
  sendTaskSuccessRequest,
} from './requests.ts';
import type { TaskTokens } from './task-tokens.ts';

/** The callback actions that resume (or keep alive) a `.waitForTaskToken` task. */
export function taskOperations(tokens: TaskTokens): Record<string, Operation> {
  return {
    SendTaskSuccess: (input) => {
      const request = parseRequest(sendTaskSuccessRequest, input);
      tokens.succeed(request.taskToken, parseOutput(request.output));
      return {};
    },
    SendTaskFailure: (input) => {
      const request = parseRequest(sendTaskFailureRequest, input);
      // The Error is what the state's Catch matches; AWS leaves it empty when the caller gives none.
      tokens.fail(request.taskToken, new StateError(request.error ?? '', request.cause ?? ''));
      return {};
    },
    SendTaskHeartbeat: (input) => {
      tokens.heartbeat(parseRequest(sendTaskHeartbeatRequest, input).taskToken);
      return {};
    },
  };
}

function parseOutput(output: string): Json {
  try {
    return JSON.parse(output) as Json;
  } catch {
    throw new ApiError('InvalidOutput', 'Invalid Output: the output is not valid JSON');
  }
}
