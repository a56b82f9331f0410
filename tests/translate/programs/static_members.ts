// static methods, static readonly constants, and per-class registries in prebuilt objects.
import { type int, type float } from '../../../translate/rlib/index.ts';

class Registry {
  names: string[] = [];
  created: int = 0;
}
const REG = new Registry();

class Temperature {
  static readonly ABSOLUTE_ZERO: float = -273.15;
  static readonly UNITS: string[] = ['C', 'F', 'K'];
  celsius: float;
  private constructor(c: float) {
    this.celsius = c;
    REG.created++;
  }
  static fromCelsius(c: float): Temperature {
    return new Temperature(c);
  }
  static fromFahrenheit(f: float): Temperature {
    return new Temperature(((f - 32.0) * 5.0) / 9.0);
  }
  static fromKelvin(k: float): Temperature {
    return new Temperature(k + Temperature.ABSOLUTE_ZERO);
  }
  format(unit: string): string {
    switch (unit) {
      case 'C':
        return this.celsius.toFixed(2) + 'C';
      case 'F':
        return ((this.celsius * 9.0) / 5.0 + 32.0).toFixed(2) + 'F';
      default:
        return (this.celsius - Temperature.ABSOLUTE_ZERO).toFixed(2) + 'K';
    }
  }
}

class IdGen {
  static readonly PREFIX: string = 'id-';
  static next(): string {
    REG.names.push('n' + REG.names.length);
    return IdGen.PREFIX + REG.names.length;
  }
}

class MathUtil {
  static readonly SCALE: int = 1000;
  static clamp(x: int, lo: int, hi: int): int {
    return x < lo ? lo : x > hi ? hi : x;
  }
  static lerp(a: float, b: float, t: float): float {
    return a + (b - a) * t;
  }
  static gcd(a: int, b: int): int {
    while (b !== 0) {
      const t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}

export function main(argv: string[]): int {
  const ts: Temperature[] = [Temperature.fromCelsius(100.0), Temperature.fromFahrenheit(-40.0), Temperature.fromKelvin(0.0), Temperature.fromCelsius(36.6)];
  for (const t of ts) {
    const out: string[] = [];
    for (const u of Temperature.UNITS) out.push(t.format(u));
    console.log(out.join(' '));
  }
  console.log(IdGen.next() + ' ' + IdGen.next() + ' ' + IdGen.next() + ' ' + REG.names.join(','));
  console.log('clamp ' + MathUtil.clamp(-5, 0, 10) + ' ' + MathUtil.clamp(50, 0, MathUtil.SCALE) + ' ' + MathUtil.clamp(5000, 0, MathUtil.SCALE));
  console.log('lerp ' + MathUtil.lerp(0.0, 10.0, 0.25) + ' gcd ' + MathUtil.gcd(1071, 462));
  console.log('created ' + REG.created + ' zero ' + Temperature.ABSOLUTE_ZERO);
  return REG.created;
}
