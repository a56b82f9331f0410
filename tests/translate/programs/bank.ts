// A small bank simulation: Maps of objects, custom exceptions thrown from methods and
// constructors, a transaction log, rollback in finally.
import { type int } from '../../../translate/rlib/index.ts';

class BankError extends Error {}
class InsufficientFunds extends BankError {
  need: int;
  constructor(account: string, need: int) {
    super('insufficient funds in ' + account);
    this.need = need;
  }
}
class UnknownAccount extends BankError {}
class Frozen extends BankError {}

class Account {
  id: string;
  balance: int;
  frozen: boolean = false;
  history: int[] = [];
  constructor(id: string, balance: int) {
    if (balance < 0) throw new BankError('negative opening balance for ' + id);
    this.id = id;
    this.balance = balance;
  }
  withdraw(n: int): void {
    if (this.frozen) throw new Frozen(this.id + ' is frozen');
    if (n > this.balance) throw new InsufficientFunds(this.id, n - this.balance);
    this.balance -= n;
    this.history.push(-n);
  }
  deposit(n: int): void {
    if (this.frozen) throw new Frozen(this.id + ' is frozen');
    this.balance += n;
    this.history.push(n);
  }
}

class Bank {
  accounts: Map<string, Account> = new Map<string, Account>();
  log: string[] = [];
  open(id: string, amount: int): boolean {
    try {
      this.accounts.set(id, new Account(id, amount));
      return true;
    } catch (e) {
      if (e instanceof BankError) {
        this.log.push('open failed: ' + e.message);
        return false;
      }
      throw e;
    }
  }
  find(id: string): Account {
    const a = this.accounts.get(id);
    if (a === undefined) throw new UnknownAccount('no account ' + id);
    return a;
  }
  transfer(from: string, to: string, n: int): boolean {
    let stage = 'start';
    const src = this.find(from);
    let withdrawn = false;
    let ok = false;
    try {
      const dst = this.find(to);
      stage = 'withdraw';
      src.withdraw(n);
      withdrawn = true;
      stage = 'deposit';
      dst.deposit(n);
      ok = true;
      return true;
    } catch (e) {
      if (e instanceof InsufficientFunds) this.log.push(`transfer ${from}->${to} ${n}: short by ${e.need}`);
      else if (e instanceof BankError) this.log.push(`transfer ${from}->${to} ${n}: ${e.message} at ${stage}`);
      else throw e;
      return false;
    } finally {
      if (withdrawn && !ok) {
        src.balance += n;
        src.history.pop();
        this.log.push('rolled back ' + n + ' to ' + from);
      }
    }
  }
  total(): int {
    let t = 0;
    for (const a of this.accounts.values()) t += a.balance;
    return t;
  }
}

export function main(argv: string[]): int {
  const bank = new Bank();
  const ids = ['alice', 'bob', 'carol', 'dave'];
  for (let i = 0; i < ids.length; i++) bank.open(ids[i], 100 * (i + 1));
  bank.open('mallory', -5);
  bank.find('dave').frozen = true;
  let okCount = 0;
  const plan: string[] = ['alice bob 50', 'bob carol 500', 'carol alice 120', 'alice dave 10', 'eve bob 1', 'bob zed 5', 'carol bob 300'];
  for (const p of plan) {
    const parts = p.split(' ');
    const n = parts[2] === '500' ? 500 : parts[2] === '50' ? 50 : parts[2] === '120' ? 120 : parts[2] === '10' ? 10 : parts[2] === '300' ? 300 : parts[2].length;
    try {
      if (bank.transfer(parts[0], parts[1], n)) okCount++;
    } catch (e) {
      if (e instanceof UnknownAccount) bank.log.push('outer: ' + e.message);
      else throw e;
    }
  }
  for (const l of bank.log) console.log(l);
  for (const id of bank.accounts.keys()) {
    const a = bank.find(id);
    const h: string[] = [];
    for (const x of a.history) h.push(String(x));
    console.log(id + ' ' + a.balance + ' [' + h.join(' ') + ']' + (a.frozen ? ' frozen' : ''));
  }
  console.log('ok ' + okCount + ' total ' + bank.total());
  return okCount;
}
