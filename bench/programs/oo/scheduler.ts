// A Richards-like scheduler: tasks of four kinds in a run queue, dispatched virtually,
// exchanging packets through small methods.
import { type int } from '../../../translate/rlib/index.ts';

class Packet {
  link: Packet | null = null;
  constructor(
    public id: int,
    public kind: int,
    public datum: int,
  ) {}
}

abstract class Task {
  queue: Packet | null = null;
  count: int = 0;
  constructor(public id: int) {}
  enqueue(p: Packet): void {
    p.link = null;
    if (this.queue === null) {
      this.queue = p;
      return;
    }
    let q: Packet = this.queue;
    while (q.link !== null) q = q.link;
    q.link = p;
  }
  take(): Packet | null {
    const p = this.queue;
    if (p !== null) this.queue = p.link;
    return p;
  }
  abstract run(s: Scheduler): void;
}

class IdleTask extends Task {
  seed: int = 1;
  run(s: Scheduler): void {
    this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
    s.send(new Packet(this.count++, this.seed & 3, this.seed >> 8), 1 + (this.seed & 1));
  }
}
class WorkTask extends Task {
  run(s: Scheduler): void {
    const p = this.take();
    if (p === null) return;
    this.count++;
    p.datum = (p.datum + p.kind * 7) % 1000;
    s.send(p, p.kind === 0 ? 3 : 4);
  }
}
class DeviceTask extends Task {
  total: int = 0;
  run(s: Scheduler): void {
    const p = this.take();
    if (p === null) return;
    this.count++;
    this.total += p.datum;
  }
}

class Scheduler {
  tasks: Task[] = [];
  send(p: Packet, to: int): void {
    this.tasks[to].enqueue(p);
  }
  schedule(steps: int): void {
    for (let i = 0; i < steps; i++) for (const t of this.tasks) t.run(this);
  }
}

export function main(argv: string[]): int {
  const steps = argv.length > 0 && argv[0] === 'bench' ? 400000 : 2000;
  const s = new Scheduler();
  s.tasks.push(new IdleTask(0));
  s.tasks.push(new WorkTask(1));
  s.tasks.push(new WorkTask(2));
  s.tasks.push(new DeviceTask(3));
  s.tasks.push(new DeviceTask(4));
  s.schedule(steps);
  let sum = 0;
  for (const t of s.tasks) sum += t.count;
  const d1 = s.tasks[3] as DeviceTask;
  const d2 = s.tasks[4] as DeviceTask;
  console.log('scheduler ' + sum + ' ' + d1.total + ' ' + d2.total);
  return 0;
}
