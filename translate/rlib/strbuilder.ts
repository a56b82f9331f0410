// A string builder for RTS programs: appends are amortised O(1), build() joins once.
// Plain RTS, so it translates like any user class.
export class StringBuilder {
  private parts: string[] = [];

  append(s: string): void {
    this.parts.push(s);
  }
  build(): string {
    const s = this.parts.join('');
    this.parts = [s];
    return s;
  }
}
