// The _asyncio module (CPython's Modules/_asynciomodule.c, 3.11): Future and Task
// (asynciofuture.ts, asynciotask.ts), the running loop of the one thread, and the task registry
// asyncio.tasks re-exports (_register_task, _enter_task, _all_tasks, _current_tasks, ...).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, newDict, None, raise, RuntimeError, TypeError } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_ASYNCIO } from '../builtins/ids.ts';
import { npos, arg, checkArgs } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { callObj, getAttr } from '../interpreter/runtime.ts';
import { FUTURE_TYPE, TASK_TYPE, HELPERS, moduleAttr, callFuture } from './asynciofuture.ts';
import { TASKS, callTask, registerTask, unregisterTask, enterTask, leaveTask } from './asynciotask.ts';

/** The loop running in this (the only) thread, or None. */
class RunningLoop {
  loop: PyObject = None;
}
const RUNNING = new RunningLoop();

export function makeAsyncio(): PyModule {
  // a module is made once per run: the state of an earlier run in the same process is gone
  RUNNING.loop = None;
  HELPERS.cancelledError = null;
  HELPERS.invalidStateError = null;
  HELPERS.taskCounter = 0;
  TASKS.currentTasks = newDict();
  TASKS.allTasks = callObj(moduleAttr('weakref', 'WeakSet'), [], null);
  const m = newBuiltinModule('_asyncio');
  dictSetS(m.dict, 'Future', FUTURE_TYPE);
  dictSetS(m.dict, 'Task', TASK_TYPE);
  dictSetS(m.dict, '_all_tasks', TASKS.allTasks);
  dictSetS(m.dict, '_current_tasks', TASKS.currentTasks as PyObject);
  addFn(m, 'get_running_loop', B.ASYNCIO_GET_RUNNING_LOOP, FAM_ASYNCIO);
  addFn(m, '_get_running_loop', B.ASYNCIO_GET_RUNNING_LOOP_OR_NONE, FAM_ASYNCIO);
  addFn(m, '_set_running_loop', B.ASYNCIO_SET_RUNNING_LOOP, FAM_ASYNCIO);
  addFn(m, 'get_event_loop', B.ASYNCIO_GET_EVENT_LOOP, FAM_ASYNCIO);
  addFn(m, '_get_event_loop', B.ASYNCIO_GET_EVENT_LOOP_INTERNAL, FAM_ASYNCIO);
  addFn(m, '_register_task', B.ASYNCIO_REGISTER_TASK, FAM_ASYNCIO);
  addFn(m, '_unregister_task', B.ASYNCIO_UNREGISTER_TASK, FAM_ASYNCIO);
  addFn(m, '_enter_task', B.ASYNCIO_ENTER_TASK, FAM_ASYNCIO);
  addFn(m, '_leave_task', B.ASYNCIO_LEAVE_TASK, FAM_ASYNCIO);
  return m;
}

/** The running loop, else the policy's loop (get_event_loop). */
function eventLoop(): PyObject {
  if (RUNNING.loop !== None) return RUNNING.loop;
  const policy = callObj(moduleAttr('asyncio.events', 'get_event_loop_policy'), [], null);
  return callObj(getAttr(policy, 'get_event_loop'), [], null);
}

export function callAsyncio(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id >= B.ASYNCIO_TASK_INIT && id <= B.ASYNCIO_TASK_SET_LOG_DESTROY_PENDING) return callTask(id, args, kw);
  if (id < B.ASYNCIO_GET_RUNNING_LOOP) return callFuture(id, args, kw);
  switch (id) {
    case B.ASYNCIO_GET_RUNNING_LOOP:
      checkArgs('get_running_loop', args, kw, 0, 0);
      if (RUNNING.loop === None) throw raise(RuntimeError, 'no running event loop');
      return RUNNING.loop;
    case B.ASYNCIO_GET_RUNNING_LOOP_OR_NONE:
      checkArgs('_get_running_loop', args, kw, 0, 0);
      return RUNNING.loop;
    case B.ASYNCIO_SET_RUNNING_LOOP:
      checkArgs('_set_running_loop', args, kw, 1, 1);
      RUNNING.loop = args[0];
      return None;
    case B.ASYNCIO_GET_EVENT_LOOP:
      checkArgs('get_event_loop', args, kw, 0, 0);
      return eventLoop();
    case B.ASYNCIO_GET_EVENT_LOOP_INTERNAL:
      // _get_event_loop(stacklevel=3): the stack level only placed a warning 3.11.7 no longer gives
      if (npos(args, kw) > 1) throw raise(TypeError, `_get_event_loop() takes at most 1 argument (${npos(args, kw)} given)`);
      arg(args, kw, 0, 'stacklevel');
      return eventLoop();
    case B.ASYNCIO_REGISTER_TASK:
      checkArgs('_register_task', args, kw, 1, 1);
      registerTask(args[0]);
      return None;
    case B.ASYNCIO_UNREGISTER_TASK:
      checkArgs('_unregister_task', args, kw, 1, 1);
      unregisterTask(args[0]);
      return None;
    case B.ASYNCIO_ENTER_TASK:
      checkArgs('_enter_task', args, kw, 2, 2);
      enterTask(args[0], args[1]);
      return None;
    case B.ASYNCIO_LEAVE_TASK:
      checkArgs('_leave_task', args, kw, 2, 2);
      leaveTask(args[0], args[1]);
      return None;
  }
  return callFuture(id, args, kw);
}
