// Machine-level number types of RTS. Both are `number` to tsc and Node; the annotator tells
// them apart by declaration and by literal spelling (`1` is an int, `1.0` or `1e3` a float).
export type int = number;
export type float = number;
