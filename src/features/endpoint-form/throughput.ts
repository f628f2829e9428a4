// Provisioned throughput for a Unity Catalog LLM that Databricks optimizes (a fine-tune): min and max
// tokens per second, in steps of the model's throughput chunk (get-model-optimization-info).

/** How many steps the dialog offers. */
export const THROUGHPUT_STEPS = 10

/** The values the dialog offers: 0 (min only), then one to THROUGHPUT_STEPS chunks. */
export function throughputOptions(chunk: number, { withZero }: { withZero: boolean }): number[] {
  const steps = Array.from({ length: THROUGHPUT_STEPS }, (_, i) => (i + 1) * chunk)
  return withZero ? [0, ...steps] : steps
}

/**
 * What is wrong with a throughput range, by field, for a model whose chunk is `chunk` tokens/s:
 * both multiples of the chunk, max at least one chunk, min not above max. Empty strings are unset.
 */
export function throughputProblems(min: string, max: string, chunk: number): { min?: string; max?: string } {
  if (min === '' && max === '') return {}
  const problems: { min?: string; max?: string } = {}
  const step = (text: string) => /^\d+$/.test(text) && Number(text) % chunk === 0
  if (max === '') problems.max = 'Choose a maximum throughput.'
  else if (!step(max) || Number(max) === 0) problems.max = `Choose a multiple of ${chunk} tokens/s, at least ${chunk}.`
  if (min !== '' && !step(min)) problems.min = `Choose a multiple of ${chunk} tokens/s.`
  else if (!problems.max && min !== '' && Number(min) > Number(max)) problems.min = 'The minimum must not exceed the maximum.'
  return problems
}

export function throughputText(min: number, max: number): string {
  return `Provisioned throughput ${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')} tokens/s`
}
