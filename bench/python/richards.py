# Richards: Martin Richards' operating-system scheduler simulation.
# Tasks (idle, worker, two handlers, two devices) exchange packets through a
# priority scheduler; exercises method calls, attribute access and linked lists.

I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6

K_DEV = 1000
K_WORK = 1001

BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return queue


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.current = None
        self.table = [None] * 10
        self.hold_count = 0
        self.qpkt_count = 0

    def find(self, ident):
        t = self.table[ident]
        if t is None:
            raise ValueError(f"no task {ident}")
        return t

    def schedule(self):
        t = self.task_list
        while t is not None:
            if t.holding_or_waiting():
                t = t.link
            else:
                t = t.run_task()


class Task:
    def __init__(self, sched, ident, prio, queue, pending, waiting, holding):
        self.sched = sched
        self.link = sched.task_list
        self.ident = ident
        self.prio = prio
        self.input = queue
        self.packet_pending = pending
        self.task_waiting = waiting
        self.task_holding = holding
        sched.task_list = self
        sched.table[ident] = self

    def holding_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding

    def add_packet(self, pkt, old):
        if self.input is None:
            self.input = pkt
            self.packet_pending = True
            if self.prio > old.prio:
                return self
        else:
            pkt.append_to(self.input)
        return old

    def run_task(self):
        if self.waiting_with_packet():
            msg = self.input
            self.input = msg.link
            self.task_waiting = False
            self.task_holding = False
            self.packet_pending = self.input is not None
        else:
            msg = None
        return self.fn(msg)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.sched.find(ident)
        t.task_holding = False
        if t.prio > self.prio:
            return t
        return self

    def qpkt(self, pkt):
        t = self.sched.find(pkt.ident)
        self.sched.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)


class DeviceTask(Task):
    def __init__(self, sched, ident, prio):
        Task.__init__(self, sched, ident, prio, None, False, True, False)
        self.pending = None

    def fn(self, pkt):
        if pkt is None:
            pkt = self.pending
            if pkt is None:
                return self.wait_task()
            self.pending = None
            return self.qpkt(pkt)
        self.pending = pkt
        return self.hold()


class HandlerTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue, True, True, False)
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.wait_task()
        count = work.datum
        if count >= BUFSIZE:
            self.work_in = work.link
            return self.qpkt(work)
        dev = self.device_in
        if dev is None:
            return self.wait_task()
        self.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class IdleTask(Task):
    def __init__(self, sched, ident, prio, count):
        Task.__init__(self, sched, ident, prio, None, False, False, False)
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(I_DEVA)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(I_DEVB)


class WorkerTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue, True, True, False)
        self.destination = I_HANDLERA
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.wait_task()
        dest = I_HANDLERB if self.destination == I_HANDLERA else I_HANDLERA
        self.destination = dest
        pkt.ident = dest
        pkt.datum = 0
        data = pkt.data
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            data[i] = 64 + self.count
        return self.qpkt(pkt)


def run_once(idle_count):
    s = Scheduler()
    IdleTask(s, I_IDLE, 0, idle_count)
    q = Packet(None, 0, K_WORK)
    q = Packet(q, 0, K_WORK)
    WorkerTask(s, I_WORK, 1000, q)
    q = Packet(None, I_DEVA, K_DEV)
    q = Packet(q, I_DEVA, K_DEV)
    q = Packet(q, I_DEVA, K_DEV)
    HandlerTask(s, I_HANDLERA, 2000, q)
    q = Packet(None, I_DEVB, K_DEV)
    q = Packet(q, I_DEVB, K_DEV)
    q = Packet(q, I_DEVB, K_DEV)
    HandlerTask(s, I_HANDLERB, 3000, q)
    DeviceTask(s, I_DEVA, 4000)
    DeviceTask(s, I_DEVB, 5000)
    s.schedule()
    return s.qpkt_count, s.hold_count


def main():
    total_q = 0
    total_h = 0
    for _ in range(20):
        q, h = run_once(10000)
        total_q += q
        total_h += h
    print(f"richards: qpkt={q} hold={h} total={total_q}/{total_h}")
    print("ok" if (q, h) == (23246, 9297) else "unexpected counts")


main()
