# _thread.interrupt_main() simulates SIGINT arriving in the main thread: the Python handler
# runs (KeyboardInterrupt by default); a signal left to SIG_DFL or SIG_IGN is ignored.
import _thread
import signal

try:
    _thread.interrupt_main()
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt")

seen = []


def handler(signum, frame):
    seen.append((signum, frame is not None))


old = signal.signal(signal.SIGINT, handler)
print(old is signal.default_int_handler)
_thread.interrupt_main()
print(seen)
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
print("ignored")
signal.signal(signal.SIGUSR1, handler)
_thread.interrupt_main(signal.SIGUSR1)
print(seen)
_thread.interrupt_main(signal.SIGUSR2)
print("SIG_DFL: nothing")
try:
    _thread.interrupt_main(0)
except ValueError as e:
    print("ValueError", e)
signal.signal(signal.SIGINT, signal.default_int_handler)


# the way asyncio.Runner uses it: its SIGINT handler cancels the main task
import asyncio


async def main():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("main task cancelled")
        raise


with asyncio.Runner() as runner:
    runner.get_loop().call_later(0.01, _thread.interrupt_main)
    try:
        runner.run(main())
    except KeyboardInterrupt:
        print("runner raised KeyboardInterrupt")
